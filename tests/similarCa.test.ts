import { describe, expect, it } from 'vitest';
import { averageLinkage, mergeTable } from '../src/analysis/clustering.js';
import { correspondence, inertiaTable } from '../src/analysis/correspondence.js';
import { documentTerms, groupDocuments, unitTermCounts } from '../src/analysis/documentTerms.js';
import { cosine } from '../src/analysis/similarity.js';
import { dendrogramSvg } from '../src/report/charts/dendrogram.js';
import { tifa } from './cli.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

describe('the table correspondence analysis reads', () => {
  it('units × the top terms over the grouped documents (ties by term), cells the uses in each unit', () => {
    // 甲: a a b | c; 乙: b b c. Totals a 2, b 3, c 2: the top 2 are b, then a (a < c on the tie).
    const docs = [fakeDoc('1', { g: '甲' }, 'a a b'), fakeDoc('2', { g: '甲' }, 'c'), fakeDoc('3', { g: '乙' }, 'b b c'), fakeDoc('4', {}, 'a a a')];
    const dt = documentTerms(docs, spaceSegmenter);
    const { units } = groupDocuments(dt, 'g');
    expect(unitTermCounts(dt, units, 2)).toEqual({ terms: ['b', 'a'], counts: [[1, 2], [2, 0]] });
  });
});

describe('similarity and clustering', () => {
  it('cosine of sparse vectors', () => {
    expect(cosine(new Map([[0, 1], [1, 1]]), new Map([[0, 1]]))).toBeCloseTo(1 / Math.SQRT2, 12);
    expect(cosine(new Map([[0, 1]]), new Map([[1, 3]]))).toBe(0);
  });

  it('average linkage joins the closest pair, then by mean distance', () => {
    // d(a,b) = 1, d(a,c) = 4, d(b,c) = 3: {a,b} at 1, then {a,b}–c at (4 + 3)/2 = 3.5.
    const merges = averageLinkage([[0, 1, 4], [1, 0, 3], [4, 3, 0]]);
    expect(merges).toEqual([{ a: 0, b: 1, height: 1, size: 2 }, { a: 2, b: 3, height: 3.5, size: 3 }]);
    expect(mergeTable(merges, ['a', 'b', 'c']).rows.map((r) => [r.a, r.b])).toEqual([['a', 'b'], ['c', '#1']]);
    const svg = dendrogramSvg(['a<b', 'b', 'c'], merges);
    expect(svg).toContain('a&lt;b');
    expect(svg.match(/<path /g)).toHaveLength(2);
  });
});

describe('correspondence analysis', () => {
  it('2 × 2 diagonal table: one dimension of inertia χ²/n = 1, rows at ±1', () => {
    const ca = correspondence(['x', 'y'], ['p', 'q'], [[10, 0], [0, 10]]);
    expect(ca.inertia).toHaveLength(1);
    expect(ca.inertia[0]).toBeCloseTo(1, 12);
    expect(ca.rowCoords.map((c) => c[0])).toEqual([expect.closeTo(1, 12), expect.closeTo(-1, 12)]);
    expect(ca.columnCoords.map((c) => c[0])).toEqual([expect.closeTo(1, 12), expect.closeTo(-1, 12)]);
  });

  it('3 × 3: inertias sum to χ²/n, and rows sit at the weighted mean of the columns (transition formula)', () => {
    const counts = [[4, 2, 2], [2, 4, 1], [2, 2, 6]];
    const n = counts.flat().reduce((s, x) => s + x, 0);
    const r = counts.map((row) => row.reduce((s, x) => s + x, 0));
    const c = [0, 1, 2].map((j) => counts.reduce((s, row) => s + row[j], 0));
    let chi2 = 0;
    counts.forEach((row, i) => row.forEach((o, j) => (chi2 += (o - (r[i] * c[j]) / n) ** 2 / ((r[i] * c[j]) / n))));
    const ca = correspondence(['a', 'b', 'c'], ['x', 'y', 'z'], counts);
    expect(ca.inertia).toHaveLength(2);
    expect(ca.inertia[0] + ca.inertia[1]).toBeCloseTo(chi2 / n, 12);
    expect(ca.inertia[0]).toBeGreaterThanOrEqual(ca.inertia[1]);
    // F_ik = Σ_j (n_ij / n_i) · G_jk / σ_k
    for (let k = 0; k < 2; k++) {
      const sigma = Math.sqrt(ca.inertia[k]);
      counts.forEach((row, i) => {
        const mean = row.reduce((s, x, j) => s + (x / r[i]) * ca.columnCoords[j][k], 0) / sigma;
        expect(ca.rowCoords[i][k]).toBeCloseTo(mean, 10);
      });
    }
    const table = inertiaTable(ca);
    expect(table.rows[1].cumulative).toBeCloseTo(1, 12);
  });
});

describe('tifa similar and tifa ca (CLI)', () => {
  it('similar --by city: a symmetric matrix with 1 on the diagonal', () => {
    const run = tifa(['similar', '--by', 'city', '--content-words', '--format', 'json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, number | string>>;
    expect(rows.map((r) => r.city)).toEqual(['齐齐哈尔', '黄山', '宜昌', '天水', '章丘']);
    for (const row of rows) {
      expect(row[row.city as string]).toBe(1);
      for (const other of rows) expect(row[other.city as string]).toBeCloseTo(other[row.city as string] as number, 12);
    }
  });

  it('ca --by city --show inertia: groups − 1 dimensions whose shares add up to 1', () => {
    const run = tifa(['ca', '--by', 'city', '--terms', '50', '--show', 'inertia', '--format', 'json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ dim: number; cumulative: number }>;
    expect(rows.map((r) => r.dim)).toEqual([1, 2, 3, 4]);
    expect(rows[3].cumulative).toBeCloseTo(1, 9);
  });

  it('ca without two groups is a usage error', () => {
    const run = tifa(['ca', 'corpus/01-齐齐哈尔.txt', '--by', 'city']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('tifa: correspondence analysis needs at least two values of "city"; found 1\n');
  });
});
