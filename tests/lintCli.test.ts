import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tifa } from './cli.js';

function fileWith(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tifa-lint-')), 'a.txt');
  writeFileSync(file, text);
  return file;
}

describe('tifa lint (the real binary)', () => {
  it('exits 0 and prints nothing on a clean file', () => {
    const run = tifa(['lint', fileWith('坚持和发展新时代“枫桥经验”。\n')]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });

  it('exits 1 with file:line:col messages when it finds something', () => {
    const file = fileWith('推进“专业 + 机制 + 大数据”警务模式改革。\n');
    const run = tifa(['lint', file, '--format', 'compact']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:1:4: error found “专业 + 机制 + 大数据”; expected “专业+机制+大数据” (spaces inside) [slogan-variant]`);
  });

  it('--fix joins a page break inside a sentence and nothing else', () => {
    const file = fileWith('深化改革，建立以大数据为支撑的新型警务运\n\n行模式。\n\n第二段。\n');
    expect(tifa(['lint', file, '--fix']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('深化改革，建立以大数据为支撑的新型警务运行模式。\n\n第二段。\n');
  });

  it('a malformed config is an input error naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-lint-'));
    writeFileSync(join(dir, 'cfg.json'), '{ "rules": ');
    const run = tifa(['lint', fileWith('好。\n'), '--config', join(dir, 'cfg.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^tifa: ${join(dir, 'cfg.json')}`));
  });
});
