import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressFor, progressLine } from '../src/cli/progress.js';

const MB = 1024 * 1024;

describe('progress line', () => {
  it('shows files, a bar of the share of bytes, megabytes, speed and time left, within the width', () => {
    // 9 of 20 MB in 2 s: 45 %, 4.5 MB/s, 11 MB left take 2.4 s, shown as ~3 s; the bar gets the 20 columns left.
    expect(progressLine([120, 335], [9 * MB, 20 * MB], 2, 80)).toBe(
      `tifa 120/335 files [${'█'.repeat(9)}${'░'.repeat(11)}] 45%  9.0/20.0 MB  4.5 MB/s  ~3 s left`,
    );
  });

  it('drops the bar and cuts the line on a narrow terminal, leaving the last column free', () => {
    expect(progressLine([5, 6], [1 * MB, 2 * MB], 0, 30)).toBe('tifa 5/6 files  50%  1.0/2.0 ');
  });
});

/** A stream that records what is written to it, a terminal or not. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns: 100, written, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream & { written: string[] };
}

describe('progress bar', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });
  const dir = mkdtempSync(join(tmpdir(), 'tifa-progress-'));
  const files = ['a.txt', 'b.txt', 'c.txt'].map((name) => join(dir, name));
  files.forEach((file) => writeFileSync(file, '测试。'.repeat(100)));

  it('stays silent for the first second, then draws on each finished file and wipes itself at the end', () => {
    vi.stubEnv('TERM', 'xterm-256color');
    vi.useFakeTimers({ toFake: ['performance'] });
    const stream = fakeStream(true);
    const progress = progressFor(files, stream);
    progress.fileDone(files[0]);
    expect(stream.written).toEqual([]);
    vi.advanceTimersByTime(1500);
    progress.fileDone(files[1]);
    expect(stream.written).toHaveLength(1);
    expect(stream.written[0]).toMatch(/^\rtifa 2\/3 files \[.*\] 66% /);
    progress.finish();
    expect(stream.written.at(-1)).toBe('\r\x1b[K');
  });

  it('advances through a large file chunk by chunk, counting the file once', () => {
    vi.stubEnv('TERM', 'xterm-256color');
    vi.useFakeTimers({ toFake: ['performance'] });
    const stream = fakeStream(true);
    const progress = progressFor(files, stream);
    vi.advanceTimersByTime(1500);
    progress.advance(files[0], 0.5);
    vi.advanceTimersByTime(200);
    progress.advance(files[0], 1);
    // Each file is 900 bytes (100 × 测试。): half of one is 450 of 2,700 bytes, 16 %; all of it 33 %.
    expect(stream.written.map((s) => /(\d+\/3) files .*\] (\d+)%/.exec(s)!.slice(1))).toEqual([
      ['0/3', '16'],
      ['1/3', '33'],
    ]);
  });

  it.each([
    ['stderr is not a terminal', false, 'xterm-256color'],
    ['the terminal cannot erase a line (TERM=dumb)', true, 'dumb'],
  ])('never draws when %s', (_, isTTY, term) => {
    vi.stubEnv('TERM', term);
    vi.useFakeTimers({ toFake: ['performance'] });
    const stream = fakeStream(isTTY);
    const progress = progressFor(files, stream);
    vi.advanceTimersByTime(5000);
    files.forEach((file) => progress.fileDone(file));
    progress.finish();
    expect(stream.written).toEqual([]);
  });
});
