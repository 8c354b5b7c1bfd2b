import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { HAS_NODEJIEBA, ROOT, SEED, WITHOUT_NODEJIEBA, tifa } from './cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'tifa-cli-'));
const PARAGRAPH =
  '深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，坚持和发展新时代“枫桥经验”，' +
  '高效运转“情指行”一体化机制，推进派出所“两队一室”改革，构建“1+9+N”体系，推进“专业+机制+大数据”警务模式改革和“市县主战、派出所主防”改革。';
// 市县主战、派出所主防 (a lexicon phrase with 、, which jieba cuts before its dictionary) only with --compound.
const WHOLE = ['两个确立', '两个维护', '四个意识', '枫桥经验', '情指行', '两队一室', '1+9+N', '专业+机制+大数据'];

describe('tifa', () => {
  it('--help lists every command (each loads only when it runs); --version prints the version', () => {
    const help = tifa(['--help']);
    expect(help.code).toBe(0);
    const listed = [...help.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual(['corpus', 'segment', 'import', 'freq', 'compare', 'kwic', 'slogans', 'themes', 'cooc', 'collocates', 'lint', 'report', 'plot', 'terms', 'lexicon', 'merge', 'extract', 'cache', 'trend', 'keywords', 'topics', 'similar', 'ca', 'help']);
    expect(tifa(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });
});

describe('tifa corpus', () => {
  it('lists the six bundled documents with their cities and sizes', () => {
    const run = tifa(['corpus', '--format', 'json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout);
    expect(rows.map((r: { city: string }) => r.city)).toEqual(['', '齐齐哈尔', '黄山', '宜昌', '天水', '章丘']);
    expect(rows[1]).toMatchObject({ id: '01-齐齐哈尔', province: '黑龙江省', author: '秦立宇', editor: '黄新春' });
    for (const row of rows) expect(row.tokens).toBeGreaterThan(0);
  });

  it('works from any folder (the default corpus is found relative to the program)', () => {
    const run = tifa(['corpus', '--format', 'tsv'], { cwd: tmpdir() });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(8);
  });
});

describe('tifa import', () => {
  it('reproduces the bundled corpus byte for byte from the seed text', () => {
    const out = tmp();
    const run = tifa(['import', SEED, '--out', out, '--format', 'tsv']);
    expect(run.code).toBe(0);
    const bundled = readdirSync(join(ROOT, 'corpus')).sort();
    expect(readdirSync(out).sort()).toEqual(bundled);
    for (const file of bundled) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(ROOT, 'corpus', file))), file).toBe(true);
    }
  });

  it('never overwrites without --force', () => {
    const out = tmp();
    writeFileSync(join(out, '02-黄山.txt'), 'mine');
    const run = tifa(['import', SEED, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tifa: .*02-黄山\.txt exists .*--force/);
    expect(readFileSync(join(out, '02-黄山.txt'), 'utf8')).toBe('mine');
    expect(tifa(['import', SEED, '--out', out, '--force']).code).toBe(0);
    expect(readFileSync(join(out, '02-黄山.txt'), 'utf8')).toContain('伍春宏');
  });
});

describe('tifa segment', () => {
  for (const backend of ['node-rs', 'nodejieba']) {
    it.skipIf(backend === 'nodejieba' && !HAS_NODEJIEBA)(`keeps the police and policy terms whole with ${backend} (nodejieba: skipped where the optional package is not installed)`, () => {
      const dir = tmp();
      writeFileSync(join(dir, 'p.txt'), PARAGRAPH);
      const run = tifa(['segment', join(dir, 'p.txt'), '--segmenter', backend]);
      expect(run.code).toBe(0);
      const tokens = run.stdout.trim().split(' ');
      for (const term of WHOLE) expect(tokens).toContain(term);
      expect(tokens).not.toContain('市县主战、派出所主防');
      expect(tifa(['segment', join(dir, 'p.txt'), '--segmenter', backend, '--compound']).stdout.trim().split(' ')).toContain('市县主战、派出所主防');
    });
  }

  it('without the optional nodejieba, --segmenter nodejieba says in one line how to install it', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.txt'), PARAGRAPH);
    const env = { NODE_OPTIONS: WITHOUT_NODEJIEBA };
    expect(tifa(['segment', join(dir, 'p.txt')], { env }).code).toBe(0);
    for (const command of [['segment', join(dir, 'p.txt')], ['freq', dir]]) {
      const run = tifa([...command, '--segmenter', 'nodejieba'], { env });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        'tifa: --segmenter nodejieba needs the optional package nodejieba, which is not installed: run `npm install nodejieba` (it needs a C++ tool chain where no prebuilt binary fits)\n',
      );
    }
  });

  it('gives one output line per input line, a repaired word on the line where it starts', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.txt'), '深化改革，建立新型警务运\n\n行模式。\n第二段。\n');
    const run = tifa(['segment', join(dir, 'p.txt')]);
    // 新型警务运行模式 is one dictionary term; 。 starts on line 3, so it stays there.
    expect(run.stdout).toBe('深化改革 ， 建立 新型警务运行模式\n\n。\n第二段 。\n');
  });

  it('json gives tokens with offsets and original lines', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.txt'), '深化“枫桥经验”');
    const rows = JSON.parse(tifa(['segment', join(dir, 'p.txt'), '--format', 'json']).stdout);
    expect(rows).toContainEqual({ doc: 'p', line: 1, column: 4, start: 3, end: 7, token: '枫桥经验' });
  });

  it('gives identical tokens whatever the encoding of the file', () => {
    const dir = tmp();
    const text = `${PARAGRAPH}\r\n第二行，公安机关。`;
    const files: Record<string, Buffer> = {
      'utf8.txt': Buffer.from(text),
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
      'gb18030.txt': iconv.encode(text, 'gb18030'),
    };
    const outputs = Object.entries(files).map(([name, bytes]) => {
      writeFileSync(join(dir, name), bytes);
      const run = tifa(['segment', join(dir, name)]);
      // A run that fails says why (it once gave empty stdout under heavy load with no trace of the cause).
      expect({ name, code: run.code, stderr: run.stderr }).toEqual({ name, code: 0, stderr: '' });
      return run.stdout;
    });
    expect(outputs[0]).toContain('枫桥经验');
    for (const out of outputs) expect(out).toBe(outputs[0]);
  });

  it('names the file and line of a malformed --dict line', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.dict'), '情指行 100 n\n枫桥经验 lots n\n');
    const run = tifa(['segment', '--dict', join(dir, 'bad.dict')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`tifa: ${join(dir, 'bad.dict')}:2: expected "word freq [pos]", got "枫桥经验 lots n"\n`);
  });
});

describe('output layer', () => {
  it('--output writes atomically and refuses to overwrite without --force', () => {
    const dir = tmp();
    const file = join(dir, 'freq.csv');
    expect(tifa(['freq', '--top', '3', '--format', 'csv', '--output', file]).code).toBe(0);
    const first = readFileSync(file, 'utf8');
    expect(first.split('\r\n')[0]).toBe('term,total,per10k,docfreq');
    const again = tifa(['freq', '--top', '5', '--format', 'csv', '--output', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`tifa: ${file} exists; pass --force to overwrite it\n`);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(tifa(['freq', '--top', '5', '--format', 'csv', '--output', file, '--force']).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['freq.csv']);
  });

  it('json rows have the same columns as the table', () => {
    const table = tifa(['freq', '--top', '2', '--by', 'city', '--format', 'tsv']).stdout.split('\n')[0].split('\t');
    const json = JSON.parse(tifa(['freq', '--top', '2', '--by', 'city', '--format', 'json']).stdout);
    expect(Object.keys(json[0])).toEqual(table);
  });

  it('prints no colour codes when stdout is not a terminal', () => {
    const run = tifa(['corpus'], { env: { NO_COLOR: '', FORCE_COLOR: '' } });
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('--bom starts CSV with a byte-order mark', () => {
    expect(tifa(['freq', '--top', '1', '--format', 'csv', '--bom']).stdout.startsWith('\uFEFFterm,')).toBe(true);
  });

  it('usage errors are one line with exit code 2', () => {
    const run = tifa(['freq', '--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("tifa: unknown option '--frobnicate' (see tifa freq --help)\n");
    expect(existsSync(join(ROOT, 'corpus'))).toBe(true);
  });
});
