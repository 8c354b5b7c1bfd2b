import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  closeSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceReadFile } from '../src/cli/writeOutput.js';
import { BIN, ROOT, SEED, tifa as runTifa, type Run } from './cli.js';

/**
 * The CLI on inputs a careless or hostile user gives it. Everything is made here in a temporary folder, so no
 * binary fixture is committed. Every user error must end in exit 2 and exactly one line on stderr that starts
 * with `tifa: ` and names the file (and line), without a stack trace unless --debug is given.
 */

let dir: string;
const at = (name: string) => join(dir, name);

/** The real binary, with its token cache inside the temporary folder so that no run reads or fills the user's. */
function tifa(args: string[]): Run {
  return runTifa(args, { env: { TIFA_CACHE_DIR: at('cache') } });
}

function expectUserError(run: Run, ...mentions: string[]): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^tifa: /);
  for (const mention of mentions) expect(lines[0]).toContain(mention);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/** Temporary files writeFileAtomic leaves behind if it is torn: `.name.<pid>.tmp`. */
const leftoverTemps = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

/** A paragraph whose sentences jieba segments on their own (each ends in 。), so copies count linearly. */
const PARAGRAPH =
  '坚持以新型警务运行模式为牵引，推进警务机制改革。全面深化公安改革，提升基层治理能力。' +
  '加强执法规范化建设，坚持严格规范公正文明执法。以大数据智能化建设为支撑，提升打击犯罪效能。';
const BIG_BYTES = 50 * 1024 * 1024;
const COPIES = Math.ceil(BIG_BYTES / Buffer.byteLength(PARAGRAPH));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-hostile-'));
  writeFileSync(at('ok.txt'), '推进警务改革。\n');
  mkdirSync(at('no-text'));
  writeFileSync(at('no-text/sheet.xlsx'), 'PK\u0003\u0004');
  writeFileSync(at('no-text/photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  // Random bytes with NULs, fixed so a failure can be reproduced.
  let seed = 42;
  const random = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23));
  writeFileSync(at('binary.txt'), Buffer.concat([random, Buffer.alloc(16)]));
  // No NUL, not UTF-8, and control bytes everywhere: no decoding makes text of it.
  writeFileSync(at('undecodable.txt'), Buffer.from(Array.from({ length: 400 }, (_, i) => [0x01, 0x81, 0x1b, 0xff, 0x02][i % 5])));
  // UTF-8 Chinese cut in the middle of its last character, as a truncated download is.
  const full = Buffer.from('第一行推进警务改革。\n第二行提升治理能力。\n第三行加强执法规范化建设。\n'.repeat(50));
  writeFileSync(at('cut-off.txt'), full.subarray(0, full.length - 3));
  writeFileSync(at('empty.txt'), '');
  writeFileSync(at('bad.dict'), '# user terms\n警务改革 100 n\n新型警务 abc\n');
  writeFileSync(at('unclosed.txt'), '---\ncity: 黄山\n推进警务改革。\n');
  writeFileSync(at('unclosed-fields.txt'), '---\ncity: 黄山\nyear: 2024\n');
  writeFileSync(at('duplicate.txt'), '---\ncity: 黄山\ncity: 宜昌\n---\n推进警务改革。\n');
  writeFileSync(at('somefile.txt'), '推进警务改革。\n');
  writeFileSync(at('existing.csv'), 'precious\n');
  writeFileSync(at('injection.txt'), '---\ntitle: =HYPERLINK("http://evil.example","click")\n---\n=HYPERLINK("x") 推进警务改革 +cmd 与 @SUM(A1) 和 -2+3\n');
  mkdirSync(at('mixed'));
  writeFileSync(at('mixed/a-binary.txt'), readFileSync(at('binary.txt')));
  writeFileSync(at('mixed/b-ok.txt'), '推进警务改革。\n');
  writeFileSync(at('small.txt'), PARAGRAPH);
  writeFileSync(at('big.txt'), Buffer.from(PARAGRAPH.repeat(COPIES)));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile input: one line, the file named, exit 2', () => {
  it('a path that does not exist', () => {
    expectUserError(tifa(['freq', at('missing.txt')]), `${at('missing.txt')}: no such file or folder`);
  });

  it('a folder without text files', () => {
    expectUserError(tifa(['freq', at('no-text')]), `${at('no-text')}: folder holds no .txt, .md, .html, .pdf or .docx files`);
  });

  it('a binary file', () => {
    expectUserError(tifa(['freq', at('binary.txt')]), `${at('binary.txt')}: not a text file`, '--encoding');
  });

  it('an undecodable file without NUL bytes', () => {
    expectUserError(tifa(['kwic', '警务', at('undecodable.txt')]), `${at('undecodable.txt')}: not a text file`);
  });

  it('a UTF-8 file cut off in the middle of a character, with the line, instead of reading it all as GB18030', () => {
    expectUserError(tifa(['freq', at('cut-off.txt')]), `${at('cut-off.txt')}:150: invalid UTF-8`, '--encoding utf8');
    // Forced, it reads as UTF-8 with one replacement character: the user's way out.
    const forced = tifa(['freq', '--encoding', 'utf8', '--terms', '警务', '-f', 'csv', at('cut-off.txt')]);
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toMatch(/^警务,50,/m);
  });

  it('an empty file', () => {
    expectUserError(tifa(['freq', at('empty.txt')]), `${at('empty.txt')}: no text to analyse`);
  });

  it('a malformed dictionary line', () => {
    expectUserError(tifa(['freq', '--dict', at('bad.dict'), at('ok.txt')]), `${at('bad.dict')}:3: expected "word freq [pos]"`);
  });

  it('front matter without its closing ---, at the first line that is not a field', () => {
    expectUserError(tifa(['freq', at('unclosed.txt')]), `${at('unclosed.txt')}:3: front matter line is not "key: value"`, 'closing "---"');
    expectUserError(tifa(['corpus', at('unclosed-fields.txt')]), `${at('unclosed-fields.txt')}:1: front matter opened with "---" is never closed`);
  });

  it('front matter with a duplicate key', () => {
    expectUserError(tifa(['kwic', '警务', at('duplicate.txt')]), `${at('duplicate.txt')}:3: front matter key "city" appears twice`);
  });

  it('an unknown --by field, with the fields that exist', () => {
    expectUserError(tifa(['freq', '--by', 'ctiy', at('ok.txt')]), 'no document has the field "ctiy"', 'fields present: id');
  });

  it('an unknown option', () => {
    expectUserError(tifa(['freq', '--top-n', '5', at('ok.txt')]), "unknown option '--top-n'", 'tifa freq --help');
  });
});

describe('hostile output paths: nothing written, nothing left behind', () => {
  it('an --output in a folder that does not exist', () => {
    const target = at('missing-folder/out.csv');
    expectUserError(tifa(['freq', '-o', target, at('ok.txt')]), `cannot write ${target}: its folder does not exist`);
    expect(existsSync(at('missing-folder'))).toBe(false);
  });

  it('an --output under a file (unwritable even for root, where chmod does not stop writes)', () => {
    const target = at('somefile.txt/out.csv');
    expectUserError(tifa(['freq', '-o', target, at('ok.txt')]), `cannot write ${target}: a part of the path is a file, not a folder`);
    expect(leftoverTemps(dir)).toEqual([]);
  });

  it('an --output that is a folder, with or without --force', () => {
    expectUserError(tifa(['freq', '-o', at('no-text'), at('ok.txt')]), `cannot write ${at('no-text')}: it is a folder`);
    expectUserError(tifa(['freq', '--force', '-o', at('no-text'), at('ok.txt')]), `cannot write ${at('no-text')}: it is a folder`);
  });

  it('an existing --output without --force, which stays as it was', () => {
    expectUserError(tifa(['freq', '-o', at('existing.csv'), at('ok.txt')]), `${at('existing.csv')} exists; pass --force`);
    expect(readFileSync(at('existing.csv'), 'utf8')).toBe('precious\n');
  });

  it('an import --out under a file', () => {
    expectUserError(tifa(['import', SEED, '--out', at('somefile.txt/articles')]), `cannot create the folder ${at('somefile.txt/articles')}`);
  });
});

/** A tiny compiled issue: the editor's note and two articles, each a few hundred bytes once written. */
const ISSUE = [
  '刊首语', '', '本刊约请两位负责同志撰写署名文章，现整理刊发。', '', '——编者', '',
  '推进警务改革创新', '黄山市副市长、市公安局局长', '张三', '', '坚持以新型警务运行模式为牵引，推进警务机制改革。', '',
  '提升基层治理能力', '宜昌市公安局局长', '李四', '', '加强执法规范化建设，坚持严格规范公正文明执法。', '',
  '责任编辑 王五', '',
].join('\n');

/** Runs a shell line with the binary as $TIFA, for pipes and FIFOs that need two processes. */
function shell(script: string): { stdout: string; stderr: string; code: number } {
  const run = spawnSync('bash', ['-c', script], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TIFA_CACHE_DIR: at('cache'), TIFA: `"${process.execPath}" "${BIN}"` },
  });
  return { stdout: run.stdout, stderr: run.stderr, code: run.status ?? -1 };
}

/** The binary with its stdout redirected onto `file` (`tifa … > file`). */
function withStdout(file: string, args: string[]): { status: number | null; stderr: string } {
  const fd = openSync(file, 'w');
  try {
    return spawnSync(process.execPath, [BIN, ...args], {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TIFA_CACHE_DIR: at('cache') },
    });
  } finally {
    closeSync(fd);
  }
}

describe('targets that are not regular files: written into, never replaced', () => {
  it.skipIf(process.platform === 'win32')('a FIFO as --output --force stays a FIFO and its reader gets the whole table', () => {
    const expected = tifa(['freq', '-f', 'csv', at('ok.txt')]).stdout;
    const run = shell(`mkfifo out.fifo && { eval "$TIFA freq -f csv --force -o out.fifo ok.txt" & cat out.fifo > fifo.got; wait $!; }`);
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(at('out.fifo')).isFIFO()).toBe(true);
    expect(readFileSync(at('fifo.got'), 'utf8')).toBe(expected);
  });

  it('-o /dev/stdout --force into a pipe writes the table into the pipe', () => {
    const expected = tifa(['freq', '-f', 'csv', at('ok.txt')]).stdout;
    const run = shell(`eval "$TIFA freq -f csv --force -o /dev/stdout ok.txt" | cat; exit \${PIPESTATUS[0]}`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(expected);
  });

  it('a socket as --output is refused in one line', () => {
    const run = shell(`node -e "require('net').createServer().listen('out.sock', () => process.exit(0))" && eval "$TIFA freq --force -o out.sock ok.txt"`);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`tifa: cannot write out.sock: it is a socket; give a file name\n`);
    expect(lstatSync(at('out.sock')).isSocket()).toBe(true);
  });

  it.skipIf(!existsSync('/dev/full'))('stdout on /dev/full: exit 2 and one line, not exit 0', () => {
    const run = withStdout('/dev/full', ['freq', at('ok.txt')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('tifa: cannot write to standard output: no space left on the disk (ENOSPC)\n');
  });
});

describe('temporary files: exclusive, unpredictable, beside the target', () => {
  it('symbolic links planted for the next process ids are never written through', () => {
    mkdirSync(at('planted'));
    writeFileSync(at('victim.txt'), 'victim\n');
    // The old name was .out.tsv.<pid>.tmp: links for the next few hundred ids catch a guessable name.
    for (let pid = process.pid; pid < process.pid + 300; pid++) symlinkSync(at('victim.txt'), at(`planted/.out.tsv.${pid}.tmp`));
    const run = tifa(['freq', '-f', 'tsv', '-o', at('planted/out.tsv'), at('ok.txt')]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(at('victim.txt'), 'utf8')).toBe('victim\n');
    expect(readFileSync(at('planted/out.tsv'), 'utf8')).toMatch(/^term\t/);
    expect(readdirSync(at('planted')).filter((f) => !lstatSync(at(`planted/${f}`)).isSymbolicLink())).toEqual(['out.tsv']);
  });
});

describe('lint --fix: never loses an edit, keeps the file as it was set up', () => {
  const UNFIXED = '坚持和发展新时代“枫桥 经验”。\n';
  const FIXED = '坚持和发展新时代“枫桥经验”。\n';

  it('a read-only file is refused without --force and fixed with it, keeping its mode', () => {
    writeFileSync(at('readonly.txt'), UNFIXED);
    chmodSync(at('readonly.txt'), 0o444);
    expectUserError(tifa(['lint', '--fix', at('readonly.txt')]), `${at('readonly.txt')} is read-only; not fixed`, '--force');
    expect(readFileSync(at('readonly.txt'), 'utf8')).toBe(UNFIXED);
    const forced = tifa(['lint', '--fix', '--force', at('readonly.txt')]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(at('readonly.txt'), 'utf8')).toBe(FIXED);
    expect(statSync(at('readonly.txt')).mode & 0o777).toBe(0o444);
  });

  it.skipIf(process.getuid?.() !== 0)('a fixed file keeps its owner and group (needs root to give files away)', () => {
    writeFileSync(at('owned.txt'), UNFIXED);
    chownSync(at('owned.txt'), 4321, 8765);
    expect(tifa(['lint', '--fix', at('owned.txt')]).code).toBe(0);
    expect(readFileSync(at('owned.txt'), 'utf8')).toBe(FIXED);
    expect([statSync(at('owned.txt')).uid, statSync(at('owned.txt')).gid]).toEqual([4321, 8765]);
  });

  it('a file that changed after it was read is not replaced: the other program\'s lines stay', () => {
    const file = at('growing.txt');
    writeFileSync(file, UNFIXED);
    const read = readFileSync(file);
    appendFileSync(file, '另一个程序追加的一行。\n');
    expect(() => replaceReadFile(file, read, Buffer.from(FIXED), false)).toThrow(`${file} changed while tifa was working on it; not fixed`);
    expect(readFileSync(file, 'utf8')).toBe(`${UNFIXED}另一个程序追加的一行。\n`);
    expect(readdirSync(dir).filter((f) => f.startsWith('.growing.txt'))).toEqual([]);
  });
});

describe('import: all articles or none', () => {
  it('writes the three articles of a small issue', () => {
    writeFileSync(at('issue.txt'), ISSUE);
    const run = tifa(['import', at('issue.txt'), '--out', at('articles'), '-f', 'tsv']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(at('articles')).sort()).toEqual(['00-editor-note.txt', '01-黄山.txt', '02-宜昌.txt']);
  });
});

describe('encodings told apart: Big5 is not GB18030 mojibake, mojibake is not counted', () => {
  const TEXT = '坚持以新型警务运行模式为牵引，推进警务机制改革。全面深化公安改革，提升基层治理能力。坚持严格规范公正文明执法。\n';
  const TRADITIONAL = '堅持以新型警務運行模式為牽引，推進警務機制改革。全面深化公安改革，提升基層治理能力。堅持嚴格規範公正文明執法。\n';
  const JAPANESE = '日本国憲法は、国民主権、基本的人権の尊重、平和主義の三つを基本原理としている。日本国民は正当に選挙された国会の代表者を通じて行動する。\n';
  const count = (run: Run, term: string) => run.stdout.split(/\r?\n/).find((l) => l.startsWith(`${term},`))?.split(',')[1];

  /** The same text in two encodings, under the same file name in two folders, must give the same table. */
  function sameAsUtf8(text: string, encoding: string): void {
    mkdirSync(at(`${encoding}/utf8`), { recursive: true });
    mkdirSync(at(`${encoding}/encoded`), { recursive: true });
    writeFileSync(at(`${encoding}/utf8/doc.txt`), text);
    writeFileSync(at(`${encoding}/encoded/doc.txt`), iconv.encode(text, encoding));
    const utf8 = tifa(['freq', '-f', 'csv', at(`${encoding}/utf8`)]);
    const encoded = tifa(['freq', '-f', 'csv', at(`${encoding}/encoded`)]);
    expect(encoded.stderr).toBe('');
    expect(encoded.stdout).toBe(utf8.stdout);
  }

  it('a Big5 file is read as Big5: the same table as its UTF-8 copy, 堅持 twice', () => {
    sameAsUtf8(TRADITIONAL, 'big5');
    expect(count(tifa(['freq', '-f', 'csv', at('big5/encoded')]), '堅持')).toBe('2');
  });

  it('a GBK file is still read as GB18030: the same table as its UTF-8 copy', () => {
    sameAsUtf8(TEXT, 'gbk');
  });

  it('a file that reads as mojibake both ways (Shift-JIS) stops with a line naming it and --encoding', () => {
    writeFileSync(at('sjis.txt'), iconv.encode(JAPANESE, 'shiftjis'));
    expectUserError(tifa(['freq', at('sjis.txt')]), `${at('sjis.txt')}: does not read as Chinese in GB18030 or Big5`, '--encoding');
  });

  it('a GBK --dict is decoded: its word is kept whole', () => {
    writeFileSync(at('gbk.txt'), iconv.encode(TEXT, 'gbk'));
    writeFileSync(at('gbk.dict'), iconv.encode('警务机制改革 100 n\n', 'gbk'));
    const run = tifa(['freq', '-f', 'csv', '--terms', '警务机制改革', '--dict', at('gbk.dict'), at('gbk.txt')]);
    expect(run.stderr).toBe('');
    expect(count(run, '警务机制改革')).toBe('1');
  });

  it('a --dict or --meta that reads as mojibake stops with a line naming it', () => {
    writeFileSync(at('sjis.dict'), iconv.encode(JAPANESE.replace(/[、。]/g, ' 100\n'), 'shiftjis'));
    expectUserError(tifa(['freq', '--dict', at('sjis.dict'), at('ok.txt')]), `${at('sjis.dict')}: does not read as Chinese`, '--encoding');
    writeFileSync(at('sjis.csv'), iconv.encode(`file,note\nok.txt,${JAPANESE.trim()}\n`, 'shiftjis'));
    expectUserError(tifa(['corpus', '--meta', at('sjis.csv'), at('ok.txt')]), `${at('sjis.csv')}: does not read as Chinese`, '--encoding');
  });
});

describe('field names that are JavaScript built-ins are ordinary fields', () => {
  it('--by __proto__ groups by the field, and a document without --by constructor is left out, not grouped under Object', () => {
    mkdirSync(at('builtins'));
    writeFileSync(at('builtins/a.txt'), '---\n__proto__: 乙\nconstructor: 甲\n---\n推进。\n');
    writeFileSync(at('builtins/b.txt'), '---\n__proto__: 庚\n---\n提升。\n');
    const proto = tifa(['freq', '--by', '__proto__', '-f', 'csv', at('builtins')]);
    expect(proto.stderr).toBe('');
    expect(proto.stdout.split('\r\n')[0]).toBe('term,total,per10k,乙,乙_per10k,庚,庚_per10k,docfreq');
    const ctor = tifa(['freq', '--by', 'constructor', '-f', 'csv', at('builtins')]);
    expect(ctor.code).toBe(0);
    expect(ctor.stderr).toBe('tifa: 1 document(s) without "constructor" left out: b\n');
    expect(ctor.stdout.split('\r\n').slice(0, 2)).toEqual(['term,total,per10k,甲,甲_per10k,docfreq', '推进,1,10000,1,10000,1']);
  });

  it('a --meta column named chars keeps its values; the computed column becomes chars_', () => {
    writeFileSync(at('chars-meta.csv'), 'file,chars,constructor\nok.txt,很多,x\n');
    const run = tifa(['corpus', '--meta', at('chars-meta.csv'), '-f', 'csv', at('ok.txt')]);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\r\n').slice(0, 2)).toEqual([
      'id,city,province,author,position,title,date,source,chars,constructor,format,chars_,tokens',
      'ok,,,,,,,,很多,x,text,7,3',
    ]);
  });
});

describe('small ones: control characters, code points, cells', () => {
  it('a label holding U+0001 still gives a well-formed SVG (the control character becomes U+FFFD)', () => {
    mkdirSync(at('control'));
    writeFileSync(at('control/a.txt'), '---\ncity: 黄\u0001山\n---\n坚持和发展新时代“枫桥经验”。\n');
    writeFileSync(at('control/b.txt'), '---\ncity: 宜昌\n---\n坚持和发展新时代“枫桥经验”。\n');
    const run = tifa(['plot', 'heatmap', at('control'), '-o', at('control.svg')]);
    expect(run.code, run.stderr).toBe(0);
    const svg = readFileSync(at('control.svg'), 'utf8');
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(svg).toContain('黄\uFFFD山');
  });

  it('control bytes of a bad --dict line are escaped in the one-line error, not sent to the terminal', () => {
    writeFileSync(at('escape.dict'), '警务改革 100 n\n新型\u001b[31m警务 abc\n');
    const run = tifa(['freq', '--dict', at('escape.dict'), at('ok.txt')]);
    expectUserError(run, `${at('escape.dict')}:2: expected "word freq [pos]"`, '\\u001b[31m');
    expect(run.stderr).not.toContain('\u001b');
  });

  it('KWIC context counts code points: 𠮷 is never cut in half', () => {
    writeFileSync(at('astral.txt'), '𠮷𠮷𠮷警务𠮷𠮷𠮷\n');
    const rows = JSON.parse(tifa(['kwic', '警务', '--width', '1', '-f', 'json', at('astral.txt')]).stdout) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.left, r.match, r.right])).toEqual([['𠮷', '警务', '𠮷']]);
  });

  it('a folder reached through a symbolic link is read once; a link back up the tree is no loop', () => {
    mkdirSync(at('links/real'), { recursive: true });
    mkdirSync(at('links/top'));
    writeFileSync(at('links/real/a.txt'), '推进警务改革。\n');
    writeFileSync(at('links/top/b.txt'), '提升。\n');
    symlinkSync('../real', at('links/top/linked'));
    symlinkSync('../real', at('links/top/linked-again'));
    symlinkSync('..', at('links/top/up'));
    const run = tifa(['corpus', '-f', 'csv', at('links/top')]);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual(['b', 'a']);
  });

  it('a md cell holding a line break stays one row', () => {
    writeFileSync(at('newline-meta.csv'), 'file,title\nok.txt,"第一行\n第二行"\n');
    const md = tifa(['corpus', '--meta', at('newline-meta.csv'), '-f', 'md', at('ok.txt')]).stdout.trim().split('\n');
    expect(md).toHaveLength(3);
    expect(md[2]).toContain('| 第一行<br>第二行 |');
  });
});

/** A tmpfs of `size` mounted for the test, where the machine allows it (root on Linux); undefined otherwise. */
function mountTmpfs(options: string): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const mountPoint = mkdtempSync(join(tmpdir(), 'tifa-tmpfs-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tifa-test', mountPoint]).status === 0) return mountPoint;
  rmSync(mountPoint, { recursive: true });
  return undefined;
}
const mounted: string[] = [];
const mount = (options: string) => {
  const point = mountTmpfs(options);
  if (point) mounted.push(point);
  return point;
};
afterAll(() => {
  for (const point of mounted) {
    spawnSync('umount', [point]);
    rmSync(point, { recursive: true, force: true });
  }
});
// Two pages of 4 KiB: room for two of the issue's three articles, and for 8 KiB of a table.
const small = mount('size=8k');
const readOnly = mount('ro,size=8k');

describe.skipIf(!small)('a full disk (a tmpfs of 8 KiB; skipped where mounting is not allowed)', () => {
  it('stdout redirected onto it: exit 2 and one line, not exit 0 with a truncated file', () => {
    // The bundled corpus's table is far larger than the disk: a first write is cut short, the next one fails.
    const run = withStdout(join(small!, 'stdout.txt'), ['freq']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('tifa: cannot write to standard output: no space left on the disk (ENOSPC)\n');
    rmSync(join(small!, 'stdout.txt'));
  });

  it('--output onto it: exit 2, no file and no temporary file', () => {
    const target = join(small!, 'out.txt');
    expectUserError(tifa(['freq', '-o', target]), `cannot write ${target}: no space left on the disk (ENOSPC)`);
    expect(readdirSync(small!)).toEqual([]);
  });

  it('import onto it: nothing written, and the message says so', () => {
    writeFileSync(at('issue.txt'), ISSUE);
    const out = join(small!, 'articles');
    expectUserError(tifa(['import', at('issue.txt'), '--out', out]), 'no space left on the disk (ENOSPC); nothing was written');
    expect(readdirSync(small!)).toEqual([]);
  });
});

describe.skipIf(!readOnly)('a read-only file system (a read-only tmpfs; skipped where mounting is not allowed)', () => {
  it('import --out says read-only, not ENOENT', () => {
    writeFileSync(at('issue.txt'), ISSUE);
    const out = join(readOnly!, 'articles');
    expectUserError(tifa(['import', at('issue.txt'), '--out', out]), `cannot create the folder ${out}: read-only file system (EROFS)`);
  });
});

describe('options that change how bad input is handled', () => {
  it('--skip-bad skips a binary file with one warning and counts the rest', () => {
    const run = tifa(['freq', '--skip-bad', '-f', 'csv', at('mixed')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`tifa: skipped ${at('mixed/a-binary.txt')}: not a text file (binary or unknown encoding); use --encoding to force one\n`);
    expect(run.stdout).toMatch(/^改革,1,/m);
  });

  it('--skip-bad skips an empty file too', () => {
    const run = tifa(['corpus', '--skip-bad', '-f', 'csv', at('empty.txt'), at('ok.txt')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^tifa: skipped ${at('empty.txt')}: no text to analyse[^\n]*\n$`));
  });

  // A file every user, root too, fails to read: a link to /proc/self/mem gives EIO (chmod stops no root).
  it.skipIf(process.platform !== 'linux')('--skip-bad skips a file that cannot be read, though freq keys the whole run first (linux: /proc)', () => {
    mkdirSync(at('unreadable'));
    writeFileSync(at('unreadable/a.txt'), '推进警务改革。\n');
    symlinkSync('/proc/self/mem', at('unreadable/b.txt'));
    const run = tifa(['freq', '--skip-bad', '-f', 'csv', at('unreadable')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(`tifa: skipped ${at('unreadable/b.txt')}: cannot read file (EIO)\n`);
    expect(run.stdout).toContain('警务,1');
  });

  it('a streamed concordance that meets a bad file names the file, not standard output', () => {
    for (const output of [[], ['-o', at('kwic-out.tsv')]]) {
      const run = tifa(['kwic', '警务', ...output, at('ok.txt'), at('binary.txt')]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n').at(-1)).toBe(`tifa: ${at('binary.txt')}: not a text file (binary or unknown encoding); use --encoding to force one`);
    }
    expect(existsSync(at('kwic-out.tsv'))).toBe(false);
  });

  it('a dangling symbolic link inside a folder is passed, as it holds no text', () => {
    mkdirSync(at('dangling'));
    writeFileSync(at('dangling/a.txt'), '推进警务改革。\n');
    symlinkSync('moved-away.txt', at('dangling/b.txt'));
    const run = tifa(['corpus', '-f', 'csv', at('dangling')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual(['a']);
  });

  it('--debug adds the stack trace under the same first line', () => {
    const run = tifa(['--debug', 'freq', at('binary.txt')]);
    expect(run.code).toBe(2);
    const [first, ...rest] = run.stderr.split('\n');
    expect(first).toBe(`tifa: ${at('binary.txt')}: not a text file (binary or unknown encoding); use --encoding to force one`);
    expect(rest.some((l) => /^\s+at /.test(l))).toBe(true);
  });
});

describe('options that cannot work together: a usage error, not a silent choice', () => {
  it.each([
    [['freq', '--parts', '3', '--jobs', '2'], 'tifa: --parts counts in one thread; leave out --jobs'],
    [['compare', '--negative'], 'tifa: --negative and --reference need --target (without it, every group is set against the rest)'],
    [['compare', '--reference', '黄山'], 'tifa: --negative and --reference need --target (without it, every group is set against the rest)'],
    [['cooc', '--window', '3', '--unit', 'sentence'], 'tifa: --window sets the size of window units; it does nothing with --unit sentence'],
  ])('tifa %j', (args, message) => {
    const run = tifa(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message}\n`);
  });
});

describe('injection', () => {
  /** Cells of a CSV line that a spreadsheet would run as a formula. */
  const formulaCells = (csv: string) => csv.split(/\r?\n/).flatMap((line) => line.split(',')).filter((c) => /^"?[=+\-@]/.test(c));

  it('CSV cells from document text starting with = + - @ are escaped with an apostrophe', () => {
    // Each search puts one of the dangerous starts at the beginning of the left context.
    const cases = [
      { term: 'HYPERLINK', width: 20, left: `'=` },
      { term: '与', width: 4, left: `'+cmd` },
      { term: '和', width: 9, left: `'@SUM(A1) ` },
      { term: '2+3', width: 1, left: `'-` },
    ];
    for (const { term, width, left } of cases) {
      const run = tifa(['kwic', term, '-f', 'csv', '--width', String(width), at('injection.txt')]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`,${left},${term},`);
      expect(formulaCells(run.stdout)).toEqual([]);
    }
  });

  it('a formula in front matter is escaped in the corpus table', () => {
    const run = tifa(['corpus', '-f', 'csv', at('injection.txt')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(formulaCells(run.stdout)).toEqual([]);
  });
});

describe('a 50 MB file without a line break', () => {
  it('is counted, every term exactly as often as in one copy times the copies', () => {
    const totals = (csv: string) => new Map(csv.trim().split(/\r\n/).slice(1).map((l) => [l.split(',')[0], Number(l.split(',')[1])]));
    const one = tifa(['freq', '-f', 'csv', at('small.txt')]);
    const started = performance.now();
    const big = tifa(['freq', '-f', 'csv', at('big.txt')]);
    const seconds = (performance.now() - started) / 1000;
    // Reported, not asserted: a benchmark is not a unit test. The test timeout is the bound.
    console.log(`tifa freq on a ${(BIG_BYTES / 2 ** 20).toFixed(0)} MB single-line file: ${seconds.toFixed(1)} s`);
    expect(big.stderr).toBe('');
    expect(big.code).toBe(0);
    const expected = [...totals(one.stdout)].map(([term, n]) => [term, n * COPIES]);
    expect([...totals(big.stdout)].sort()).toEqual(expected.sort());
  }, 60_000);
});

describe('interruption and closed pipes', () => {
  it('a reader that goes away (`tifa freq | head -1`) ends tifa quietly with exit 0', () => {
    // The bundled corpus gives a table far larger than a pipe buffer, so tifa is still writing when head exits.
    const script = `"${process.execPath}" "${BIN}" freq 2>"${at('pipe.err')}" | head -1; echo "\${PIPESTATUS[0]}" >&2`;
    const run = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TIFA_CACHE_DIR: at('cache') } });
    expect(run.stdout.split('\n')).toHaveLength(2);
    expect(run.stderr.trim()).toBe('0');
    expect(readFileSync(at('pipe.err'), 'utf8')).toBe('');
  });

  for (const command of [['freq'], ['corpus']]) {
    it(`Ctrl-C during a long \`tifa ${command[0]} -o\` stops it and leaves no output and no temporary file`, async () => {
      const out = at(`interrupted-${command[0]}.csv`);
      const child = spawn(process.execPath, [BIN, ...command, '-f', 'csv', '-o', out, at('big.txt')], {
        env: { ...process.env, NO_COLOR: '1', TIFA_CACHE_DIR: at('cache-interrupted'), TIFA_PROGRESS: 'lines' },
      });
      let stderr = '';
      const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
      // Interrupted on its first progress line: the files are listed and reading has begun, and the 50 MB
      // still to be segmented cannot be done before the signal arrives. No sleep: the run's own word decides.
      let interrupted = false;
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (!interrupted && stderr.includes('tifa: progress ')) {
          interrupted = true;
          child.kill('SIGINT');
        }
      });
      const [code, signal] = await exited;
      expect(interrupted, stderr).toBe(true);
      expect(code === 130 || signal === 'SIGINT', `exit ${code}, signal ${signal}`).toBe(true);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(out)).toBe(false);
      expect(leftoverTemps(dir)).toEqual([]);
    }, 60_000);
  }
});
