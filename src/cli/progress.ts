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

/**
 * A progress bar on stderr for a run over these files: only on a terminal, first drawn after a second, and
 * redrawn as work is done (no timer: sync work would starve it, and finished work is the news).
 */
export function progressFor(files: readonly string[], stream: NodeJS.WriteStream = process.stderr): Progress {
  // A dumb terminal cannot erase a line: the bar would pile up.
  if (!stream.isTTY || process.env.TERM === 'dumb' || files.length === 0) return NO_PROGRESS;
  const sizes = new Map(files.map((file) => [file, statSync(file, { throwIfNoEntry: false })?.size ?? 0]));
  const totalBytes = sum([...sizes.values()]);
  const started = performance.now();
  let doneFiles = 0;
  let doneBytes = 0;
  /** The share counted so far of files under way (a large file advances chunk by chunk). */
  const underWay = new Map<string, number>();
  let drawnAt = 0;
  let drawn = false;
  const wipe = () => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  active = { wipe };
  const advance = (file: string, share: number) => {
    doneBytes += (sizes.get(file) ?? 0) * (share - (underWay.get(file) ?? 0));
    if (share < 1) underWay.set(file, share);
    else {
      underWay.delete(file);
      doneFiles++;
    }
    const now = performance.now();
    if (now - started < FIRST_DRAW_MS || now - drawnAt < REDRAW_MS) return;
    const line = progressLine([doneFiles, files.length], [doneBytes, totalBytes], (now - started) / 1000, stream.columns || 80);
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
