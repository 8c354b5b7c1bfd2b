import { statSync } from 'node:fs';
import { sum } from '../analysis/arithmetic.js';

/** Progress through a corpus's files, by their bytes. */
export interface Progress {
  /** This share (0–1) of a file is done (read, segmented, counted); 1 when the file is. */
  advance(file: string, share: number): void;
  /** advance(file, 1). */
  fileDone(file: string): void;
  /** The run is over: the bar, if it was drawn, is wiped so that what follows starts on a clean line. */
  finish(): void;
}

const NO_PROGRESS: Progress = { advance: () => {}, fileDone: () => {}, finish: () => {} };

/** Nothing is drawn before a run has taken this long: a quick run shows no bar at all. */
const FIRST_DRAW_MS = 1000;
const REDRAW_MS = 100;
const MB = 1024 * 1024;

let active: { wipe: () => void } | undefined;

/** Wipes a drawn bar before a message is written to stderr (the bar is drawn again on the next file). */
export function wipeProgress(): void {
  active?.wipe();
}

/**
 * The bar's line: files, share of bytes, megabytes, speed and time left, e.g.
 * `tifa  120/335 files [██████░░░░░░░░] 45%  9.0/20.0 MB  4.5 MB/s  ~2 s left`, cut to `width` columns.
 */
export function progressLine(files: [number, number], bytes: [number, number], seconds: number, width: number): string {
  const [doneBytes, totalBytes] = bytes;
  const share = totalBytes > 0 ? Math.min(1, doneBytes / totalBytes) : 1;
  const rate = seconds > 0 ? doneBytes / MB / seconds : 0;
  const left = rate > 0 ? Math.ceil((totalBytes - doneBytes) / MB / rate) : undefined;
  const head = `tifa ${String(files[0]).padStart(String(files[1]).length)}/${files[1]} files `;
  const tail = ` ${Math.floor(share * 100)}%  ${(doneBytes / MB).toFixed(1)}/${(totalBytes / MB).toFixed(1)} MB  ${rate.toFixed(1)} MB/s${left === undefined ? '' : `  ~${left} s left`}`;
  // The last column stays free: writing into it wraps the line on some terminals.
  const barWidth = Math.max(0, Math.min(30, width - 1 - head.length - tail.length - 2));
  const filled = Math.round(share * barWidth);
  const bar = barWidth > 0 ? `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]` : '';
  return `${head}${bar}${tail}`.slice(0, Math.max(0, width - 1));
}

/** Files and bytes done of a run, a large file counted share by share as its chunks are done. */
class Tally {
  private readonly sizes: Map<string, number>;
  private readonly underWay = new Map<string, number>();
  readonly totalBytes: number;
  doneFiles = 0;
  doneBytes = 0;

  constructor(readonly files: readonly string[]) {
    this.sizes = new Map(files.map((file) => [file, statSync(file, { throwIfNoEntry: false })?.size ?? 0]));
    this.totalBytes = sum([...this.sizes.values()]);
  }

  advance(file: string, share: number): void {
    this.doneBytes += (this.sizes.get(file) ?? 0) * (share - (this.underWay.get(file) ?? 0));
    if (share < 1) this.underWay.set(file, share);
    else {
      this.underWay.delete(file);
      this.doneFiles++;
    }
  }
}

/**
 * A progress bar on stderr for a run over these files: only on a terminal, first drawn after a second, and
 * redrawn as work is done (no timer: sync work would starve it, and finished work is the news).
 * TIFA_PROGRESS=lines writes plain lines instead, on any stderr.
 */
export function progressFor(files: readonly string[], stream: NodeJS.WriteStream = process.stderr): Progress {
  if (files.length === 0) return NO_PROGRESS;
  if (process.env.TIFA_PROGRESS === 'lines') return progressLines(new Tally(files), stream);
  // A dumb terminal cannot erase a line: the bar would pile up.
  if (!stream.isTTY || process.env.TERM === 'dumb') return NO_PROGRESS;
  const tally = new Tally(files);
  const started = performance.now();
  let drawnAt = 0;
  let drawn = false;
  const wipe = () => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  active = { wipe };
  const advance = (file: string, share: number) => {
    tally.advance(file, share);
    const now = performance.now();
    if (now - started < FIRST_DRAW_MS || now - drawnAt < REDRAW_MS) return;
    const line = progressLine([tally.doneFiles, files.length], [tally.doneBytes, tally.totalBytes], (now - started) / 1000, stream.columns || 80);
    stream.write(`\r${line}\x1b[K`);
    drawnAt = now;
    drawn = true;
  };
  return {
    advance,
    fileDone: (file) => advance(file, 1),
    finish() {
      wipe();
      if (active?.wipe === wipe) active = undefined;
    },
  };
}

/**
 * Progress as plain lines, for logs (and for tests that must know a run has started its work): one line when
 * the files are listed and reading begins, then one per whole percent of the bytes done.
 */
function progressLines(tally: Tally, stream: NodeJS.WriteStream): Progress {
  let shown = -1;
  const show = () => {
    const percent = tally.totalBytes > 0 ? Math.floor((tally.doneBytes / tally.totalBytes) * 100) : 100;
    if (percent === shown) return;
    shown = percent;
    stream.write(`tifa: progress ${tally.doneFiles}/${tally.files.length} files ${percent}%\n`);
  };
  show();
  const advance = (file: string, share: number) => {
    tally.advance(file, share);
    show();
  };
  return { advance, fileDone: (file) => advance(file, 1), finish: () => {} };
}
