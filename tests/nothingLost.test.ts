import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tifa } from './cli.js';

/** Nothing is lost silently: what a table cannot show is said on stderr, in one line. */

const tmp = () => mkdtempSync(join(tmpdir(), 'tifa-lost-'));
const rowsOf = (tsv: string) => tsv.trim().split('\n').slice(1);

describe('terms asked for by name that do not occur are named', () => {
  const NOTE = 'tifa: not in the corpus: 不存在词\n';
  it('freq --terms', () => {
    const run = tifa(['freq', '--terms', '改革,不存在词', '-f', 'tsv']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(NOTE);
    expect(rowsOf(run.stdout).map((r) => r.split('\t')[0])).toEqual(['改革']);
  });

  it('cooc --terms, collocates and kwic', () => {
    for (const args of [['cooc', '--terms', '改革,发展,不存在词'], ['collocates', '不存在词'], ['kwic', '不存在词'], ['kwic', '--tokens', '不存在词']]) {
      const run = tifa([...args, '-f', 'tsv']);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stderr, args.join(' ')).toBe(NOTE);
    }
  });

  it('several absent terms in one line, none when all occur', () => {
    expect(tifa(['freq', '--terms', '甲乙丙,改革,丁戊己', '-f', 'tsv']).stderr).toBe('tifa: not in the corpus: 甲乙丙, 丁戊己\n');
    expect(tifa(['freq', '--terms', '改革,发展', '-f', 'tsv']).stderr).toBe('');
  });

  it('a --pos tag that no tag starts with is a usage error', () => {
    const run = tifa(['freq', '--pos', 'n,qq', '-f', 'tsv']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^tifa: --pos qq: no part-of-speech tag starts with this; the tags are a ad .* vn .*\n$/);
    expect(tifa(['freq', '--pos', 'n,v', '--top', '1', '-f', 'tsv']).code).toBe(0);
  });
});

describe('token and substring are two units, and both can be asked for', () => {
  it('freq counts tokens, kwic substrings, kwic --tokens the tokens freq counts', () => {
    const freq = rowsOf(tifa(['freq', '--terms', '改革', '-f', 'tsv']).stdout)[0].split('\t');
    const substrings = rowsOf(tifa(['kwic', '改革', '-f', 'tsv']).stdout);
    const tokens = rowsOf(tifa(['kwic', '--tokens', '改革', '-f', 'tsv']).stdout);
    expect(Number(freq[1])).toBe(32);
    expect(substrings).toHaveLength(51);
    expect(tokens).toHaveLength(32);
    // Every whole-token hit is one of the substring hits.
    for (const row of tokens) expect(substrings).toContain(row);
  });

  it('kwic --tokens keeps a hit only where tokens begin and end', () => {
    const dir = tmp();
    // 深化改革 is one token of the bundled dictionary; the second 改革 stands alone.
    writeFileSync(join(dir, 'a.txt'), '全面深化改革。推动改革。');
    expect(rowsOf(tifa(['kwic', '改革', dir, '-f', 'tsv']).stdout)).toHaveLength(2);
    const tokens = rowsOf(tifa(['kwic', '--tokens', '改革', dir, '-f', 'tsv']).stdout);
    expect(tokens.map((r) => r.split('\t').slice(1, 3))).toEqual([['1', '10']]);
  });

  it('the --help of freq and kwic names the unit', () => {
    expect(tifa(['freq', '--help']).stdout).toMatch(/The unit is the token/);
    expect(tifa(['kwic', '--help']).stdout).toMatch(/The unit is the substring/);
    expect(tifa(['kwic', '--help']).stdout).toMatch(/--tokens/);
  });
});

describe('options that used to keep only their last value or act too late', () => {
  it('a repeated --meta-from-name applies every pattern, the first that matches a name winning', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'gwr_2020.txt'), '改革。');
    writeFileSync(join(dir, '2021-report.txt'), '发展。');
    writeFileSync(join(dir, 'gwr_2022-x.txt'), '创新。');
    writeFileSync(join(dir, 'other.txt'), '安全。');
    const run = tifa(['corpus', dir, '--meta-from-name', 'gwr_{year}', '--meta-from-name', '{year}-{kind}', '-f', 'json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, string | number>>;
    const byId = Object.fromEntries(rows.map((r) => [r.id, [r.year ?? '', r.kind ?? '']]));
    // gwr_2022-x matches the first pattern (year 2022-x), so the second one is not tried.
    expect(byId).toEqual({ '2021-report': ['2021', 'report'], 'gwr_2020': ['2020', ''], 'gwr_2022-x': ['2022-x', ''], other: ['', ''] });
  });

  it('an existing --output without --force is refused before any work is done', () => {
    const dir = tmp();
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'precious\n');
    for (const args of [['freq'], ['cooc'], ['report'], ['plot', 'heatmap']]) {
      const run = tifa([...args, '-o', out], { env: { TIFA_PROGRESS: 'lines' } });
      expect(run.code, args.join(' ')).toBe(2);
      // No progress line: the corpus was not even listed.
      expect(run.stderr, args.join(' ')).toBe(`tifa: ${out} exists; pass --force to overwrite it\n`);
    }
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
  });
});
