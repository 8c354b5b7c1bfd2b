import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, tifa, type Run } from './cli.js';

/**
 * tifa on a user's own corpus: a folder of plain .txt files with no metadata at all, made here. Every command that
 * groups by default must work on it as it is, and say once on stderr how it grouped.
 */

const COMMON = '会议强调，各级政府要认真落实各项工作任务，切实加强组织领导，确保各项措施取得实效。\n';
const REFORM = `深化改革开放，推进改革开放。改革开放是决定当代中国命运的关键一招。\n${COMMON}`;
const ECOLOGY = `加强生态文明建设，推进生态文明建设。绿水青山就是金山银山，功在当代。\n${COMMON}`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa user corpus '));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const plainFolder = () => folder({ 'reform.txt': REFORM.repeat(3), 'ecology.txt': ECOLOGY.repeat(3) });
const NO_CITY = `no document has the field "city"; fields present: id (the documents have no metadata: give it in front matter, --meta TABLE or --meta-from-name 'name_{city}')`;
const DEFAULT_NOTE = 'tifa: no document has the field "city": one group per document (by id); --by FIELD groups otherwise\n';

function expectUsageError(run: Run, message: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`tifa: ${message}\n`);
}

describe('the default grouping on a folder of plain text files', () => {
  it('compare groups by document (id) without --by, and says so in one line on stderr', () => {
    const run = tifa(['compare', plainFolder(), '--min-count', '1', '--min-ll', '0', '-f', 'tsv']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('rank\tecology\tecology_ll\treform\treform_ll');
    expect(run.stdout).toContain('生态');
    expect(run.stderr).toBe(DEFAULT_NOTE);
  });

  it('a folder of more files than make a readable comparison is an error without --by, not a table of thousands of columns', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 201; i++) many[`n${String(i).padStart(3, '0')}.txt`] = `深化改革开放，推进第${i}项工作。\n`;
    const dir = folder(many);
    const message = `no document has the field "city", and one group per document would make 201 groups: give --by FIELD (fields from front matter, --meta TABLE or --meta-from-name 'name_{field}'), or --by id for one group per document anyway`;
    expectUsageError(tifa(['compare', dir]), message);
    const out = join(dir, 'r.html');
    expectUsageError(tifa(['report', dir, '-o', out]), message);
    expect(existsSync(out)).toBe(false);
    const byId = tifa(['compare', dir, '--by', 'id', '--min-count', '1', '--min-ll', '0', '-f', 'tsv']);
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stdout.split('\n')[0].split('\t')).toHaveLength(1 + 2 * 201);
  });

  it('an explicit --by city on a corpus without it stays an error', () => {
    expectUsageError(tifa(['compare', plainFolder(), '--by', 'city']), NO_CITY);
    const out = join(mkdtempSync(join(tmpdir(), 'tifa-report-')), 'r.html');
    expectUsageError(tifa(['report', plainFolder(), '--by', 'city', '-o', out]), NO_CITY);
    expect(existsSync(out)).toBe(false);
  });

  it('report writes its page grouped by document', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tifa report ')), 'r.html');
    const run = tifa(['report', plainFolder(), '--output', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(DEFAULT_NOTE);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('reform');
    expect(html).toContain('ecology');
  });

  it('plot and ca group by document too', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tifa-plot-')), 'k.svg');
    const plot = tifa(['plot', 'keyness', plainFolder(), '-o', out]);
    expect(plot.code, plot.stderr).toBe(0);
    expect(plot.stderr).toBe(DEFAULT_NOTE);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg[\s\S]*reform[\s\S]*<\/svg>\s*$/);
    const ca = tifa(['ca', plainFolder(), '--show', 'coordinates', '-f', 'tsv']);
    expect(ca.code, ca.stderr).toBe(0);
    expect(ca.stderr).toBe(DEFAULT_NOTE);
    const labels = ca.stdout.split('\n').filter((line) => line.startsWith('id\t')).map((line) => line.split('\t')[1]);
    expect(labels.sort()).toEqual(['ecology', 'reform']);
  });

  it('compare --counts without --by takes the grouping of the shard, and a shard counted without groups is refused', () => {
    const dir = plainFolder();
    const byId = join(dir, 'by-id.json');
    writeFileSync(byId, tifa(['freq', dir, '--by', 'id', '--shard']).stdout);
    const fromCounts = tifa(['compare', '--counts', byId, '--min-count', '1', '--min-ll', '0', '-f', 'tsv']);
    expect(fromCounts.code, fromCounts.stderr).toBe(0);
    expect(fromCounts.stdout).toBe(tifa(['compare', dir, '--min-count', '1', '--min-ll', '0', '-f', 'tsv']).stdout);
    const whole = join(dir, 'whole.json');
    writeFileSync(whole, tifa(['freq', dir, '--shard']).stdout);
    expectUsageError(tifa(['compare', '--counts', whole]), `${whole} is counted without --by: keyness needs groups; count it with --by FIELD`);
  });

  it('a corpus with city is grouped by city without a note; documents without it are left out, as with --by city', () => {
    const withCity = folder({
      'a.txt': `---\ncity: 黄山\n---\n${REFORM.repeat(3)}`,
      'b.txt': `---\ncity: 宜昌\n---\n${ECOLOGY.repeat(3)}`,
    });
    const run = tifa(['compare', withCity, '--min-count', '1', '--min-ll', '0', '-f', 'tsv']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('rank\t黄山\t黄山_ll\t宜昌\t宜昌_ll');
    const mixed = folder({
      'a.txt': `---\ncity: 黄山\n---\n${REFORM}`,
      'b.txt': `---\ncity: 宜昌\n---\n${ECOLOGY}`,
      'c.txt': REFORM,
    });
    const left = tifa(['compare', mixed, '--min-count', '1', '--min-ll', '0', '-f', 'tsv']);
    expect(left.code, left.stderr).toBe(0);
    expect(left.stderr).toBe('tifa: 1 document(s) without "city" left out: c\n');
    expect(left.stdout).toBe(tifa(['compare', mixed, '--by', 'city', '--min-count', '1', '--min-ll', '0', '-f', 'tsv']).stdout);
  });
});

describe('one text, and standard input', () => {
  it('segment - cuts what is piped in, in any encoding tifa reads, one output line per input line', () => {
    const text = '改革开放是决定当代中国命运的关键一招\n深化改革\n';
    const run = tifa(['segment', '-'], { input: text });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('改革开放 是 决定 当代 中国 命运 的 关键 一招\n深化改革\n');
    expect(run.stderr).toBe('');
    expect(tifa(['segment', '-'], { input: iconv.encode(text, 'gbk') }).stdout).toBe(run.stdout);
    expect(tifa(['segment', '-'], { input: iconv.encode(text, 'utf16le') }).stdout).toBe(run.stdout);
  });

  it('segment writes a token table document by document: one header, then the rows of each in corpus order', () => {
    const dir = folder({ 'a.txt': '深化改革。\n', 'b.txt': '改革开放。\n' });
    const tsv = tifa(['segment', dir, '-f', 'tsv']);
    expect(tsv.code, tsv.stderr).toBe(0);
    expect(tsv.stdout).toBe('doc\tline\tcolumn\tstart\tend\ttoken\na\t1\t1\t0\t4\t深化改革\na\t1\t5\t4\t5\t。\nb\t1\t1\t0\t4\t改革开放\nb\t1\t5\t4\t5\t。\n');
    const json = JSON.parse(tifa(['segment', dir, '-f', 'json']).stdout) as Array<{ doc: string; token: string }>;
    expect(json.map((row) => `${row.doc}:${row.token}`)).toEqual(['a:深化改革', 'a:。', 'b:改革开放', 'b:。']);
  });

  it('segment without paths but with something piped in says that it cut the bundled corpus, and how to cut the input', () => {
    const run = tifa(['segment'], { input: '深化改革\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toBe('深化改革\n');
    expect(run.stdout.length).toBeGreaterThan(1000);
    expect(run.stderr).toBe('tifa: segmented the bundled corpus, not standard input: give - to segment what is piped in\n');
  });

  it('- is a document named stdin for every command that reads a corpus', () => {
    const kwic = tifa(['kwic', '改革', '-', '-f', 'tsv'], { input: '深化改革开放。\n' });
    expect(kwic.code, kwic.stderr).toBe(0);
    expect(kwic.stdout.split('\n')[1]).toBe('stdin\t1\t3\t深化\t改革\t开放。 ¶ ');
    const both = tifa(['freq', '-', folder({ 'a.txt': '深化改革。\n' }), '-f', 'tsv'], { input: '深化改革开放。\n' });
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout).toContain('深化改革\t2\t');
  });

  it('trend takes - as the first path, and reads standard input once for its two passes', () => {
    const run = tifa(['trend', '改革', '-', '-f', 'tsv'], { input: '---\ndate: 2024-03-01\n---\n深化改革，改革开放。\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('term\tyear\tcount\tper10k\tdocs\n改革\t2024\t2\t10000\t1\n');
  });

  it('empty or binary standard input, - twice and lint --fix of standard input are one-line errors', () => {
    expectUsageError(tifa(['segment', '-'], { input: '' }), '-: no text to analyse (empty, or front matter only); remove it from the corpus');
    expectUsageError(tifa(['segment', '-'], { input: Buffer.from([0, 159, 146, 150, 0, 255, 0, 1, 2, 3, 200, 201]) }), '-: not a text file (binary or unknown encoding); use --encoding to force one');
    expectUsageError(tifa(['segment', '-', '-'], { input: '改革' }), '- (standard input) is given twice; it can be read once');
    expectUsageError(tifa(['lint', '-', '--fix'], { input: '改革 开放\n' }), '--fix rewrites files in place, and standard input (-) is not one: give --dry-run for the diff');
  });

  it('shards: freq - --shard counts standard input, and merge - reads a shard piped from another tifa', () => {
    const dir = plainFolder();
    const shard = tifa(['freq', '-', '--shard'], { input: REFORM });
    expect(shard.code, shard.stderr).toBe(0);
    expect(JSON.parse(shard.stdout).files).toHaveLength(1);
    const file = join(dir, 'part.json');
    writeFileSync(file, tifa(['freq', dir, '--shard']).stdout);
    const merged = tifa(['merge', file, '-f', 'tsv']);
    expect(merged.code, merged.stderr).toBe(0);
    // The writer starts slower than the reader, which then finds the pipe empty at first.
    const env = { ...process.env, TIFA_CACHE_DIR: join(dir, 'cache') };
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" freq "${dir}" --shard | "${process.execPath}" "${BIN}" merge - -f tsv`], { encoding: 'utf8', env });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(merged.stdout);
    expectUsageError(tifa(['merge', join(dir, 'none.json')]), `${join(dir, 'none.json')}: cannot read shard (no such file)`);
  });

  it('a folder whose every file --skip-bad skips is an error, not an empty table', () => {
    const dir = folder({ 'empty.txt': '' });
    writeFileSync(join(dir, 'junk.txt'), Buffer.from([0, 159, 146, 150, 0, 255, 0, 1, 2, 3, 200, 201]));
    for (const args of [['freq'], ['slogans'], ['kwic', '改革'], ['corpus'], ['themes'], ['report', '-o', join(dir, 'r.html')]]) {
      const run = tifa([...args, dir, '--skip-bad']);
      expect(run.code, `${args[0]}: ${run.stderr}`).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n').filter((line) => !line.startsWith('tifa: skipped '))).toEqual(['tifa: no document to analyse: all 2 file(s) were skipped as not text', '']);
    }
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });

  it('compare on one document says it needs two groups, in one line after the grouping note', () => {
    const one = folder({ 'only.txt': REFORM });
    const run = tifa(['compare', join(one, 'only.txt')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${DEFAULT_NOTE}tifa: keyness needs at least two values of "id"; found 1 (only)\n`);
  });

  it('trend on files without metadata says how to give a year', () => {
    expectUsageError(
      tifa(['trend', '改革', plainFolder()]),
      `no document has the field "year"; fields present: id (the documents have no metadata: give it in front matter, --meta TABLE or --meta-from-name 'name_{year}')`,
    );
  });

  it('plot trend goes along year without --by, as trend does, not along the default groups', () => {
    const years = folder({ 'r_2019.txt': REFORM, 'r_2021.txt': ECOLOGY });
    const out = join(years, 'trend.svg');
    const run = tifa(['plot', 'trend', years, '--meta-from-name', 'r_{year}', '--terms', '改革开放', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('2021');
    expectUsageError(
      tifa(['plot', 'trend', years, '-o', join(years, 'none.svg')]),
      `no document has the field "year"; fields present: id (the documents have no metadata: give it in front matter, --meta TABLE or --meta-from-name 'name_{year}')`,
    );
  });

  it('themes and report work on a text of a few words whose nested formulations outnumber its tokens', () => {
    // 生态文明建设 is one token holding two lexicon formulations (生态文明 and 生态文明建设): 2 uses in 1 token.
    const tiny = folder({ 'a.txt': '生态文明建设。\n', 'b.txt': '深化改革。\n' });
    const themes = tifa(['themes', tiny, '--by', 'id', '-f', 'json']);
    expect(themes.code, themes.stderr).toBe(0);
    const ecology = (JSON.parse(themes.stdout) as Array<Record<string, unknown>>).find((row) => row.theme === '生态文明')!;
    expect(ecology).toMatchObject({ total: 2, a: 2, a_ll: null, b: 0, b_ll: null });
    const out = join(tiny, 'r.html');
    expect(tifa(['report', tiny, '-o', out]).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('a bad file skipped with --skip-bad is noted once, though the default grouping reads the folder twice', () => {
    const dir = folder({ 'a.txt': REFORM, 'b.txt': ECOLOGY, 'empty.txt': '' });
    const run = tifa(['compare', dir, '--skip-bad', '--min-count', '1', '-f', 'tsv']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split('\n').filter((line) => line.includes('empty.txt'))).toHaveLength(1);
    expect(run.stderr).toContain(DEFAULT_NOTE);
  });
});
