import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTrend, lifeCycle, timeOrder, trendTable } from '../src/analysis/trend.js';
import { trendLinesSvg } from '../src/report/charts/trendLines.js';
import { cliMessageOf, fakeDoc } from './helpers.js';
import { existsSync } from 'node:fs';
import { GOV_REPORTS, tifa } from './cli.js';

const docs = [
  fakeDoc('b', { year: '2003' }, '改革 开放 改革'),
  fakeDoc('a', { year: '2001' }, '改革 发展 发展 发展'),
  fakeDoc('c', { year: '2003' }, '发展'),
  fakeDoc('x', {}, '改革 改革'),
];

describe('trend', () => {
  it('orders numbers and dates on a timeline and refuses other values', () => {
    expect(timeOrder(['2003', '1999', '2001'], 'year')).toEqual(['1999', '2001', '2003']);
    expect(timeOrder(['10', '9', '2.5'], 'n')).toEqual(['2.5', '9', '10']);
    expect(timeOrder(['2024-03-05', '2024-01', '2023'], 'date')).toEqual(['2023', '2024-01', '2024-03-05']);
    expect(cliMessageOf(() => timeOrder(['2001', '黄山'], 'city'))).toMatch(/--by city: a trend needs a numeric or date field; "黄山" is neither/);
  });

  it('counts each term as written per value, with the documents using it; documents without the field left out', () => {
    const counts = countTrend(docs, ['改革', '发展'], 'year');
    expect(counts.leftOut!.map((d) => d.id)).toEqual(['x']);
    expect(counts.values).toEqual(['2001', '2003']);
    expect(counts.docs).toEqual([1, 2]);
    expect(counts.counts).toEqual([[1, 2], [3, 1]]);
    expect(counts.termDocs).toEqual([[1, 1], [1, 1]]);
  });

  it('finds terms as kwic does: /regular expressions/ too', () => {
    const counts = countTrend([fakeDoc('a', { year: '2001' }, '改革开放，改革和开放')], ['/改革.?开放/', '开放'], 'year');
    expect(counts.counts).toEqual([[2], [2]]);
  });

  it('gives a tidy table: rate per 10,000 tokens of the value, share of the terms’ uses, trailing mean', () => {
    const counts = countTrend(docs, ['改革', '发展'], 'year');
    const table = trendTable(counts, [4, 4], { per: 'share', rolling: 2 });
    expect(table.columns).toEqual(['term', 'year', 'count', 'per10k', 'docs', 'share', 'share_mean2']);
    expect(table.rows).toEqual([
      { term: '改革', year: '2001', count: 1, per10k: 2500, docs: 1, share: 0.25, share_mean2: null },
      { term: '改革', year: '2003', count: 2, per10k: 5000, docs: 1, share: 2 / 3, share_mean2: (0.25 + 2 / 3) / 2 },
      { term: '发展', year: '2001', count: 3, per10k: 7500, docs: 1, share: 0.75, share_mean2: null },
      { term: '发展', year: '2003', count: 1, per10k: 2500, docs: 1, share: 1 / 3, share_mean2: (0.75 + 1 / 3) / 2 },
    ]);
  });

  it('life cycle: first and last value used, peak by rate not by count', () => {
    // 2 uses in 100 tokens is a lower rate than 1 use in 10.
    expect(lifeCycle(['1', '2', '3', '4'], [0, 2, 1, 0], [10, 100, 10, 10])).toEqual({ first: '2', last: '3', peak: '3' });
    expect(lifeCycle(['1', '2'], [0, 0], [10, 10])).toBeUndefined();
  });

  it('breaks the line at whole numbers without documents', () => {
    const table = trendTable(countTrend([fakeDoc('a', { year: '2001' }, '改革'), fakeDoc('b', { year: '2004' }, '改革')], ['改革'], 'year'), [1, 1]);
    const svg = trendLinesSvg(table, { field: 'year', value: 'per10k', unit: 'per 10,000' });
    // Two points, no segment between them: the path has two separate moves and no line joining them.
    const path = /<path d="(M[^"]+)"[^>]*stroke-width="2"/.exec(svg)?.[1] ?? '';
    expect(path.match(/M/g)?.length).toBe(2);
    expect(path).not.toMatch(/L/);
  });
});

describe('tifa trend (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-trend-'));
  writeFileSync(join(dir, 'r_2001.txt'), '坚持改革开放。改革开放是关键。');
  writeFileSync(join(dir, 'r_2002.txt'), '推进高质量发展。');
  writeFileSync(join(dir, 'r_2005.txt'), '改革开放和高质量发展。');

  it('prints one row per term and year, terms first and then paths', () => {
    const run = tifa(['trend', '改革开放', '高质量发展', dir, '--meta-from-name', 'r_{year}', '--format', 'csv', '--no-cache']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split(/\r?\n/).map((l) => l.split(',').slice(0, 3).concat(l.split(',').slice(4)).join(','));
    expect(lines).toEqual([
      'term,year,count,docs',
      '改革开放,2001,2,1',
      '改革开放,2002,0,0',
      '改革开放,2005,1,1',
      '高质量发展,2001,0,0',
      '高质量发展,2002,1,1',
      '高质量发展,2005,1,1',
    ]);
  });

  it('searches the texts in the one counting pass: the same rows on worker threads, from the cache, and for other terms under it', () => {
    const args = ['trend', '改革开放', dir, '--meta-from-name', 'r_{year}', '--format', 'tsv'];
    const expected = 'term\tyear\tcount\tper10k\tdocs\n改革开放\t2001\t2\t';
    const cache = mkdtempSync(join(tmpdir(), 'tifa-trend-cache-'));
    const runs = [
      tifa([...args, '--no-cache', '--jobs', '3']),
      tifa(args, { env: { TIFA_CACHE_DIR: cache } }),
      tifa(args, { env: { TIFA_CACHE_DIR: cache } }),
    ];
    for (const run of runs) expect([run.code, run.stderr, run.stdout.slice(0, expected.length)]).toEqual([0, '', expected]);
    expect(new Set(runs.map((r) => r.stdout)).size).toBe(1);
    // Another term over the same cached texts is searched again, not answered with the first term's counts.
    const other = tifa(['trend', '高质量发展', dir, '--meta-from-name', 'r_{year}', '--format', 'tsv'], { env: { TIFA_CACHE_DIR: cache } });
    expect(other.stdout.split('\n').slice(1, 4).map((l) => l.split('\t').slice(1, 3).join(' '))).toEqual(['2001 0', '2002 1', '2005 1']);
  });

  it('refuses a field that is not numeric, and a missing term, with one line and exit 2', () => {
    const city = tifa(['trend', '枫桥经验', '--by', 'city']);
    expect(city.code).toBe(2);
    expect(city.stderr).toContain('tifa: --by city: a trend needs a numeric or date field; "齐齐哈尔" is neither\n');
    const none = tifa(['trend', dir, '--meta-from-name', 'r_{year}']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('tifa: name at least one term before the paths\n');
  });

  it('plot trend writes a line chart', () => {
    const out = join(dir, 'trend.svg');
    const run = tifa(['plot', 'trend', dir, '--meta-from-name', 'r_{year}', '--by', 'year', '--terms', '改革开放,高质量发展', '-o', out]);
    expect(run.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('改革开放');
    expect(svg).toContain('高质量发展');
  });
});

describe.skipIf(!existsSync(GOV_REPORTS))('trend on the work reports (needs ../shared/corpora/gov-work-reports)', () => {
  it('枫桥经验 enters the State Council reports in 2019', () => {
    const run = tifa(['trend', '枫桥经验', GOV_REPORTS, '--meta-from-name', 'gwr_{year}', '--format', 'json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ year: string; count: number }>;
    expect(rows.filter((r) => r.count > 0).map((r) => r.year)).toEqual(['2019', '2024', '2025']);
  });
});
