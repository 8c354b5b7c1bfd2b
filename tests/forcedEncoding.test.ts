import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tifa } from './cli.js';

/**
 * A wrong --encoding is obeyed (the user may know better), but said in one line on stderr: the run goes on, and its
 * counts, which would be mojibake, are not taken for real ones unnoticed. Files made here, in each encoding.
 */

const SIMPLIFIED = '深化改革开放，推进改革开放。改革开放是决定当代中国命运的关键一招。会议强调，各级政府要认真落实各项工作任务，切实加强组织领导，确保各项措施取得实效。\n';
const TRADITIONAL = '深化改革開放，推進改革開放。改革開放是決定當代中國命運的關鍵一招。會議強調，各級政府要認真落實各項工作任務，切實加強組織領導，確保各項措施取得實效。\n';

function files(contents: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa forced encoding '));
  for (const [name, bytes] of Object.entries(contents)) writeFileSync(join(dir, name), bytes);
  return dir;
}

const corpus = () =>
  files({
    'utf8.txt': Buffer.from(SIMPLIFIED),
    'gbk.txt': iconv.encode(SIMPLIFIED, 'gbk'),
    'big5.txt': iconv.encode(TRADITIONAL, 'big5'),
    'utf16le.txt': iconv.encode(SIMPLIFIED, 'utf16le'),
  });

function warningOf(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.includes('--encoding'));
  expect(lines, stderr).toHaveLength(1);
  return lines[0];
}

describe('a forced --encoding that does not fit the files', () => {
  it('the right encoding forced says nothing', () => {
    const dir = corpus();
    for (const [file, encoding] of [['utf8.txt', 'utf8'], ['gbk.txt', 'gbk'], ['big5.txt', 'big5'], ['utf16le.txt', 'utf16le']]) {
      const run = tifa(['freq', join(dir, file), '--encoding', encoding, '--no-cache', '-f', 'tsv']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr, `${file} as ${encoding}`).toBe('');
      expect(run.stdout).toContain('改革开放'.slice(0, 2));
    }
  });

  it('names, in one line, the files it reads as mojibake or cannot decode, and what detection reads them as', () => {
    const dir = corpus();
    const run = tifa(['freq', dir, '--encoding', 'gbk', '--no-cache', '-f', 'tsv']);
    expect(run.code, run.stderr).toBe(0);
    const line = warningOf(run.stderr);
    expect(line).toMatch(/^tifa: --encoding gbk looks wrong for 3 file\(s\) \(/);
    for (const name of ['big5.txt', 'utf16le.txt', 'utf8.txt']) expect(line).toContain(name);
    expect(line).not.toContain('gbk.txt');
    expect(line).toContain('without --encoding tifa reads them as');
    expect(run.stdout.split('\n')[0]).toBe('term\ttotal\tper10k\tdocfreq');
  });

  it('each wrong pairing is caught: GB read as Big5 or UTF-16, Big5 as GBK, UTF-16 as UTF-8, UTF-8 as UTF-16', () => {
    const dir = corpus();
    const wrong: Array<[string, string, string]> = [
      ['gbk.txt', 'big5', 'gb18030'],
      ['gbk.txt', 'utf16be', 'gb18030'],
      ['gbk.txt', 'utf16le', 'gb18030'],
      ['big5.txt', 'gbk', 'big5'],
      ['utf16le.txt', 'utf8', 'utf16le'],
      ['utf8.txt', 'utf16le', 'utf8'],
      ['utf8.txt', 'big5', 'utf8'],
    ];
    for (const [file, forced, detected] of wrong) {
      const run = tifa(['corpus', join(dir, file), '--encoding', forced, '--no-cache', '-f', 'tsv']);
      expect(run.code, run.stderr).toBe(0);
      expect(warningOf(run.stderr), `${file} as ${forced}`).toMatch(new RegExp(`^tifa: --encoding ${forced} looks wrong for 1 file\\(s\\) .*without --encoding tifa reads it as ${detected};`));
    }
  });

  it('lint, extract and import warn too, and standard input is judged as well', () => {
    const dir = corpus();
    const gbk = join(dir, 'gbk.txt');
    warningOf(tifa(['lint', gbk, '--encoding', 'big5']).stderr);
    warningOf(tifa(['extract', gbk, '--encoding', 'big5']).stderr);
    warningOf(tifa(['import', gbk, '--encoding', 'big5', '--out', join(dir, 'out')]).stderr);
    warningOf(tifa(['segment', '-', '--encoding', 'big5'], { input: iconv.encode(SIMPLIFIED, 'gbk') }).stderr);
  });

  it('an unknown encoding name stays a one-line error', () => {
    const run = tifa(['freq', corpus(), '--encoding', 'latin9']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('tifa: unknown encoding "latin9"; use one of utf8, utf16le, utf16be, gb18030, gbk, big5\n');
  });
});
