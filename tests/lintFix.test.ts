import { chmodSync, lstatSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lintCommand } from '../src/cli/commands/lint.js';
import { InputError, UsageError } from '../src/errors.js';

/** `“枫桥 经验”` has a safe fix (the space); `统—领导` a finding without one. */
const FIXABLE = '坚持和发展新时代“枫桥 经验”。\n\n全面推进公安工作现代化，要持续推进“专业+机制+大数据”新型警务运\n\n行模式改革。\n';
const FIXED = '坚持和发展新时代“枫桥经验”。\n\n全面推进公安工作现代化，要持续推进“专业+机制+大数据”新型警务运行模式改革。\n';
const CLEAN = '坚持和发展新时代“枫桥经验”，推进“专业+机制+大数据”。\n\n坚持市县主战、派出所主防。\n';

let dir: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-lint-'));
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  process.exitCode = undefined;
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs `tifa lint …` in-process, as main.ts will once the command is registered. */
async function lint(...args: string[]): Promise<number> {
  await lintCommand().exitOverride().parseAsync(args, { from: 'user' });
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('tifa lint --fix', () => {
  it('leaves a clean file byte for byte as it was, and does not even rewrite it', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEAN.replace(/\n/g, '\r\n'))]);
    const path = file('clean.txt', bytes);
    const modified = statSync(path).mtimeMs;
    expect(await lint(path, '--fix')).toBe(0);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(modified);
  });

  it('keeps GB18030, CRLF line endings and everything but the fixes', async () => {
    const path = file('gb.txt', iconv.encode(FIXABLE.replace(/\n/g, '\r\n'), 'gb18030'));
    expect(await lint(path, '--fix', '-f', 'compact')).toBe(0);
    expect(readFileSync(path).equals(iconv.encode(FIXED.replace(/\n/g, '\r\n'), 'gb18030'))).toBe(true);
    expect(stderr).toContain('fixed 2 problem(s) in 1 file(s)');
  });

  it('keeps a UTF-16 LE byte order mark', async () => {
    const bom = Buffer.from([0xff, 0xfe]);
    const path = file('u16.txt', Buffer.concat([bom, iconv.encode(FIXABLE, 'utf16le')]));
    await lint(path, '--fix');
    expect(readFileSync(path).equals(Buffer.concat([bom, iconv.encode(FIXED, 'utf16le')]))).toBe(true);
  });

  it('fixes the file a symbolic link points to, keeping the link and the permissions', async () => {
    const real = file('real.txt', FIXABLE);
    chmodSync(real, 0o640);
    const link = join(dir, 'link.txt');
    symlinkSync(real, link);
    expect(await lint('--fix', link)).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe(FIXED);
    expect(statSync(real).mode & 0o777).toBe(0o640);
  });

  it('refuses to rewrite a file with mixed line endings, which a rewrite would change', async () => {
    const bytes = Buffer.from(FIXABLE.replace('\n', '\r\n'));
    const path = file('mixed.txt', bytes);
    expect(await lint(path, '--fix', '-f', 'compact')).toBe(1);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(stderr).toContain('mixed.txt: not fixed');
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const path = file('dry.txt', FIXABLE);
    expect(await lint(path, '--dry-run')).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(FIXABLE);
    expect(stdout).toBe(
      `--- ${path}\n+++ ${path}\n@@ -1,5 +1,3 @@\n-坚持和发展新时代“枫桥 经验”。\n+坚持和发展新时代“枫桥经验”。\n \n` +
        '-全面推进公安工作现代化，要持续推进“专业+机制+大数据”新型警务运\n-\n-行模式改革。\n' +
        '+全面推进公安工作现代化，要持续推进“专业+机制+大数据”新型警务运行模式改革。\n',
    );
  });
});

describe('tifa lint exit codes and options', () => {
  it('exits 1 on findings (warnings too) and 0 on a clean run', async () => {
    expect(await lint(file('a.txt', '统—领导\n'), '-f', 'compact')).toBe(1);
    expect(stdout).toMatch(/a\.txt:1:2: error found “统—”; expected “统一” \(— for 一\) \[dash-for-yi\]\n$/);
    process.exitCode = undefined;
    expect(await lint(file('b.txt', '坚持,服务群众。\n'), '-f', 'compact')).toBe(1);
    process.exitCode = undefined;
    expect(await lint(file('c.txt', CLEAN))).toBe(0);
  });

  it('--rule runs only the named rules; an unknown one is a usage error', async () => {
    const path = file('a.txt', '统—领导，“枫桥 经验”\n');
    await lint(path, '--rule', 'dash-for-yi', '-f', 'json');
    expect(JSON.parse(stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['dash-for-yi']);
    await expect(lint(path, '--rule', 'dash-for-one')).rejects.toThrow(UsageError);
  });

  it('reads --config: rules off, ignored files; a malformed one is an input error naming it', async () => {
    const text = '统—领导\n';
    file('ignored.txt', text);
    file('kept.txt', text);
    const config = file('lint.json', JSON.stringify({ rules: { 'slogan-variant': 'off' }, ignore: ['ignored.txt'] }));
    await lint(dir, '--config', config, '-f', 'json');
    expect(JSON.parse(stdout).map((r: { filePath: string }) => r.filePath)).toEqual([join(dir, 'kept.txt')]);
    const broken = file('broken.json', '{ "rules": ');
    await expect(lint(dir, '--config', broken)).rejects.toThrow(InputError);
    await expect(lint(dir, '--config', broken)).rejects.toThrow(/broken\.json: not valid JSON/);
  });
});
