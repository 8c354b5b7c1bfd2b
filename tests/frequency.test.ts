import { describe, expect, it } from 'vitest';
import { countCorpus } from '../src/analysis/countCorpus.js';
import { frequencyTable } from '../src/analysis/frequencyTable.js';
import { keynessOverview, keynessTable } from '../src/analysis/keynessTable.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

// quanteda's tiny documents: target "b b b b b b b a a a", reference "a a a a b".
const docs = [
  fakeDoc('t', { city: 'T' }, 'b b b b b b b a a a'),
  fakeDoc('r', { city: 'R' }, 'a a a a b'),
  fakeDoc('x', {}, 'a b c'),
];

describe('frequency table', () => {
  it('counts per group, rates per 10,000 tokens, docfreq, and leaves out documents without the field', () => {
    const counts = countCorpus(docs, spaceSegmenter, { field: 'city' });
    expect(counts.leftOut.map((d) => d.id)).toEqual(['x']);
    const table = frequencyTable(counts);
    expect(table.columns).toEqual(['term', 'total', 'per10k', 'T', 'T_per10k', 'R', 'R_per10k', 'docfreq']);
    // b: 7 in T (of 10 tokens), 1 in R (of 5); total 8 of 15 → 8/15·10000 = 5333.33
    expect(table.rows[0]).toMatchObject({ term: 'b', total: 8, T: 7, R: 1, docfreq: 2 });
    expect(table.rows[0].per10k).toBeCloseTo(5333.333, 3);
    expect(table.rows[0].T_per10k).toBe(7000);
    expect(table.rows[0].R_per10k).toBe(2000);
    expect(table.rows[1]).toMatchObject({ term: 'a', total: 7, T: 3, R: 4 });
  });

  it('keeps a group named like a computed column as it is (the computed column steps aside), and finds it as a keyness target', () => {
    const counts = countCorpus([fakeDoc('t', { city: 'total' }, 'a a b'), fakeDoc('r', { city: 'R' }, 'a')], spaceSegmenter, { field: 'city' });
    expect(counts.groups).toEqual(['total', 'R']);
    const table = frequencyTable(counts);
    expect(table.columns).toEqual(['term', 'total_', 'per10k', 'total', 'total_per10k', 'R', 'R_per10k', 'docfreq']);
    expect(table.rows[0]).toMatchObject({ term: 'a', total_: 3, total: 2, R: 1 });
    expect(keynessTable(counts, { target: 'total', minLl: 0, p: 1 }).rows[0]).toMatchObject({ term: 'b', a: 1, c: 3, d: 1 });
  });

  it('ungrouped counts everything and adds DP across documents', () => {
    const counts = countCorpus(docs, spaceSegmenter, { keepPerDoc: true });
    const table = frequencyTable(counts, { dispersion: true });
    const c = table.rows.find((r) => r.term === 'c')!;
    // c: only in x (3 of 18 tokens): v = (0, 0, 1), s = (10/18, 5/18, 3/18) → DP = ½(10/18 + 5/18 + 15/18) = 15/18
    expect(c.dp).toBeCloseTo(15 / 18, 10);
  });

  it('--min-count and --top cut the list; --terms keeps rates over all tokens', () => {
    const counts = countCorpus(docs, spaceSegmenter, { only: new Set(['c']) });
    const table = frequencyTable(counts);
    expect(table.rows).toEqual([{ term: 'c', total: 1, per10k: 10000 / 18, docfreq: 1 }]);
    const all = frequencyTable(countCorpus(docs, spaceSegmenter), { minCount: 2, top: 1 });
    expect(all.rows.map((r) => r.term)).toEqual(['b']);
  });

  it('--top gives the first rows of the whole sorted list, ties at the cut broken by term as there', () => {
    // Totals with many ties: word k occurs (k % 7) + 1 times, in an order unlike the terms' order.
    const words = Array.from({ length: 60 }, (_, k) => `w${(k * 37) % 60}`);
    const text = words.flatMap((w, k) => Array<string>((k % 7) + 1).fill(w)).join(' ');
    const counts = countCorpus([fakeDoc('d', {}, text)], spaceSegmenter);
    const whole = frequencyTable(counts).rows;
    for (const top of [1, 2, 5, 8, 9, 17, 59, 60, 61]) {
      expect(frequencyTable(counts, { top }).rows).toEqual(whole.slice(0, top));
      expect(frequencyTable(counts, { top, minCount: 5 }).rows).toEqual(whole.filter((r) => (r.total as number) >= 5).slice(0, top));
    }
  });

  it('counts n-grams inside runs of words', () => {
    const counts = countCorpus([fakeDoc('n', {}, 'a b , a b c')], spaceSegmenter, { ngram: [2, 2] });
    const table = frequencyTable(counts);
    // runs: [a b] and [a b c] (the comma breaks them) → "a b" twice, "b c" once
    expect(table.rows.map((r) => [r.term, r.total])).toEqual([['a b', 2], ['b c', 1]]);
    // Rates are per 10,000 words (5 of them), not per n-gram: "a b" 2/5·10000 = 4000.
    expect(table.rows[0].per10k).toBe(4000);
  });

  it('keeps rates over all word tokens when stopwords or lengths drop words', () => {
    // 6 word tokens; "a" 3 times: 5000 per 10,000 whatever else is dropped; the comma is no word.
    const text = 'a t a o a bb ,';
    const plain = frequencyTable(countCorpus([fakeDoc('s', {}, text)], spaceSegmenter));
    const filtered = frequencyTable(countCorpus([fakeDoc('s', {}, text)], spaceSegmenter, { filter: { stopwords: new Set(['t', 'o']), minLength: 1 } }));
    const long = frequencyTable(countCorpus([fakeDoc('s', {}, text)], spaceSegmenter, { filter: { minLength: 2 } }));
    for (const table of [plain, filtered]) expect(table.rows.find((r) => r.term === 'a')!.per10k).toBe(5000);
    expect(filtered.rows.map((r) => r.term)).toEqual(['a', 'bb']);
    // Only "bb" is long enough; it is 1 of the 6 words.
    expect(long.rows).toEqual([{ term: 'bb', total: 1, per10k: 10000 / 6, docfreq: 1 }]);
  });

  it('places n-grams and filtered words among all words for Juilland\'s D', () => {
    const counts = countCorpus([fakeDoc('p', {}, 'x a y , a z')], spaceSegmenter, { filter: { stopwords: new Set(['x', 'y']) }, keepPositions: true });
    // Words: x0 a1 y2 a3 z4 (the comma is no word).
    expect(counts.terms.get('a')!.positions).toEqual([1, 3]);
    expect(counts.terms.get('z')!.positions).toEqual([4]);
    const grams = countCorpus([fakeDoc('p', {}, 'x a y , a z')], spaceSegmenter, { ngram: [2, 2], keepPositions: true });
    expect([...grams.terms].map(([term, tc]) => [term, tc.positions])).toEqual([
      ['x a', [0]],
      ['a y', [1]],
      ['a z', [3]],
    ]);
    expect(grams.tokens).toEqual([5]);
  });
});

describe('keyness table', () => {
  it('gives a, b, c, d and the signed statistics for the target against the rest', () => {
    const counts = countCorpus(docs.slice(0, 2), spaceSegmenter, { field: 'city' });
    const table = keynessTable(counts, { target: 'T', minLl: 0, p: 1, negative: true });
    expect(table.columns).toEqual(['term', 'a', 'b', 'c', 'd', 'll', 'p', 'chi2', 'log_ratio', 'pct_diff']);
    const b = table.rows.find((r) => r.term === 'b')!;
    expect(b).toMatchObject({ a: 7, b: 1, c: 10, d: 5 });
    // E1 = 10·8/15 = 5.3333, E2 = 5·8/15 = 2.6667; G² = 2[7 ln(7/5.3333) + 1 ln(1/2.6667)] = 1.8456
    expect(b.ll).toBeCloseTo(1.8456, 3);
    // log2((7/10)/(1/5)) = log2(3.5) = 1.8074
    expect(b.log_ratio).toBeCloseTo(1.8074, 3);
    // (0.7 − 0.2)·100/0.2 = 250
    expect(b.pct_diff).toBeCloseTo(250, 6);
    const a = table.rows.find((r) => r.term === 'a')!;
    expect(a.ll).toBeLessThan(0);
  });

  it('drops terms below the G² threshold and negative ones by default', () => {
    const counts = countCorpus(docs.slice(0, 2), spaceSegmenter, { field: 'city' });
    expect(keynessTable(counts, { target: 'T' }).rows).toEqual([]);
  });

  it('side by side overview has one term and score column per group', () => {
    const counts = countCorpus(docs.slice(0, 2), spaceSegmenter, { field: 'city' });
    const table = keynessOverview(counts, { minLl: 0, p: 1 });
    expect(table.columns).toEqual(['rank', 'T', 'T_ll', 'R', 'R_ll']);
    expect(table.rows[0]).toMatchObject({ rank: 1, T: 'b', R: 'a' });
  });

  it('names the values when the target is unknown', () => {
    const counts = countCorpus(docs.slice(0, 2), spaceSegmenter, { field: 'city' });
    expect(() => keynessTable(counts, { target: 'Q' })).toThrow(/target "Q" is not a value of "city"; values: T, R/);
  });
});
