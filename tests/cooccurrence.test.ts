import { describe, expect, it } from 'vitest';
import { countCooccurrence, type CoocRequest } from '../src/analysis/cooccurrence.js';
import { cooccurrenceMatrix, cooccurrenceTable, coocNetwork } from '../src/analysis/coocTables.js';
import { forEachUnit, LayoutBuilder, type UnitKind } from '../src/analysis/units.js';
import type { PairCounts } from '../src/analysis/pairCounts.js';
import type { Document } from '../src/corpus/document.js';
import type { Row } from '../src/resultTable.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

// Tokens are cut at spaces (spaceSegmenter), so every count below can be checked by eye.
// Sentences: S1 {a b c} 。 S2 {a b} 。 S3 {a d} ⏎ S4 {b c} ； S5 {d}
// Paragraphs: P1 {a b c d}, P2 {b c d}
const TEXT = 'a b c 。 a b 。 a d\nb c ； d';
const words = { kind: 'words' } as const;

function count(docs: Document[], request: Partial<CoocRequest> & { kind?: UnitKind; window?: number } = {}) {
  const { kind = 'sentence', window = 5, ...rest } = request;
  return countCooccurrence(docs, spaceSegmenter, { unit: { kind, window }, terms: words, ...rest });
}

function pair(rows: Row[], term1: string, term2: string): Row | undefined {
  return rows.find((r) => r.term1 === term1 && r.term2 === term2);
}

/** Term sets of the units of one text, as the counting sees them. */
function unitSets(text: string, kind: UnitKind, window = 1): string[][] {
  const vocabulary: string[] = [];
  const builder = new LayoutBuilder(kind, (word) => {
    if (!vocabulary.includes(word)) vocabulary.push(word);
    return vocabulary.indexOf(word);
  });
  builder.add(spaceSegmenter.cut(text).map((t) => t.text));
  const layout = builder.finish();
  const out: string[][] = [];
  forEachUnit(layout, { kind, window }, (terms, n) => out.push([...terms.subarray(0, n)].map((id) => vocabulary[id])));
  return out;
}

describe('units', () => {
  it('sentences end at 。！？；… ! ? ; and at paragraph breaks; punctuation is no position', () => {
    expect(unitSets(TEXT, 'sentence')).toEqual([['a', 'b', 'c'], ['a', 'b'], ['a', 'd'], ['b', 'c'], ['d']]);
    expect(unitSets('a ！ b ? c … d ! e ; f', 'sentence')).toEqual([['a'], ['b'], ['c'], ['d'], ['e'], ['f']]);
    // a comma or 、 does not end a sentence; a unit with no word is no unit
    expect(unitSets('a ， b 、 c 。 。 \n\n d', 'sentence')).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('paragraphs end at "\\n"; a document is one unit', () => {
    expect(unitSets(TEXT, 'paragraph')).toEqual([['a', 'b', 'c', 'd'], ['b', 'c', 'd']]);
    expect(unitSets(TEXT, 'document')).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('window k: one unit per word position, the word and the k words after it, across sentence breaks', () => {
    // positions a b c a; k = 1: [a b] [b c] [c a] [a]
    expect(unitSets('a b 。 c a', 'window', 1)).toEqual([['a', 'b'], ['b', 'c'], ['a', 'c'], ['a']]);
    // k = 2: [a b c] [b c a] [c a] [a]
    expect(unitSets('a b c a', 'window', 2)).toEqual([['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'c'], ['a']]);
  });
});

describe('co-occurrence over sentences', () => {
  const counts = count([fakeDoc('d', {}, TEXT)]);
  const table = cooccurrenceTable(counts);

  it('has the column contract', () => {
    expect(table.columns).toEqual(['term1', 'term2', 'both', 'n1', 'n2', 'units', 'mi', 'tscore', 'logdice', 'jaccard', 'll']);
  });

  it('counts both, n1, n2 and units by hand', () => {
    // N = 5 sentences; a in S1 S2 S3, b in S1 S2 S4, c in S1 S4, d in S3 S5
    // a–b: S1 S2; b–c: S1 S4; a–c: S1; a–d: S3; b–d and c–d never share a sentence
    expect(pair(table.rows, 'a', 'b')).toMatchObject({ both: 2, n1: 3, n2: 3, units: 5 });
    expect(pair(table.rows, 'b', 'c')).toMatchObject({ both: 2, n1: 3, n2: 2, units: 5 });
    expect(pair(table.rows, 'a', 'c')).toMatchObject({ both: 1, n1: 3, n2: 2 });
    expect(pair(table.rows, 'a', 'd')).toMatchObject({ both: 1, n1: 3, n2: 2 });
    expect(table.rows).toHaveLength(4);
  });

  it('computes the measures of b–c by hand (O = 2, f1 = 3, f2 = 2, N = 5)', () => {
    const row = pair(table.rows, 'b', 'c')!;
    // E = 3·2/5 = 1.2; MI = log2(O·N/(f1·f2)) = log2(10/6) = 0.736966
    expect(row.mi).toBeCloseTo(0.736966, 6);
    // t = (O − E)/√O = 0.8/1.414214 = 0.565685
    expect(row.tscore).toBeCloseTo(0.565685, 6);
    // log-Dice = 14 + log2(2·O/(f1 + f2)) = 14 + log2(4/5) = 14 − 0.321928 = 13.678072
    expect(row.logdice).toBeCloseTo(13.678072, 6);
    // Jaccard = O/(f1 + f2 − O) = 2/3
    expect(row.jaccard).toBeCloseTo(0.666667, 6);
    // table [[2, 1], [0, 2]], E = [[1.2, 1.8], [0.8, 1.2]]
    // G² = 2[2·ln(2/1.2) + 1·ln(1/1.8) + 2·ln(2/1.2)] = 2[1.021651 − 0.587787 + 1.021651] = 2·1.455515 = 2.911030
    expect(row.ll).toBeCloseTo(2.91103, 5);
  });

  it('sorts by log-Dice, then both; --measure changes the order', () => {
    // log-Dice: b–c 13.678, a–b 14 + log2(4/6) = 13.415, a–d and a–c 14 + log2(2/5) = 12.678 (tie: both, then term)
    expect(table.rows.map((r) => `${r.term1}${r.term2}`)).toEqual(['bc', 'ab', 'ac', 'ad']);
    // MI: a–c and a–d log2(5/6) = −0.263, a–b log2(10/9) = 0.152, b–c 0.737
    const byMi = cooccurrenceTable(counts, { measure: 'mi' });
    expect(byMi.rows.map((r) => `${r.term1}${r.term2}`)).toEqual(['bc', 'ab', 'ac', 'ad']);
    const byT = cooccurrenceTable(counts, { measure: 'tscore' });
    // t: b–c 0.566, a–b (2 − 1.8)/√2 = 0.141, a–c and a–d (1 − 1.2)/1 = −0.2
    expect(byT.rows.map((r) => r.term1 + (r.term2 as string))).toEqual(['bc', 'ab', 'ac', 'ad']);
  });

  it('--min drops pairs below it (and the terms that cannot reach it)', () => {
    const rows = cooccurrenceTable(count([fakeDoc('d', {}, TEXT)], { min: 2 })).rows;
    expect(rows.map((r) => `${r.term1}${r.term2}`)).toEqual(['bc', 'ab']);
  });

  it('--top keeps the most frequent terms (a: 3 tokens, b: 3, c: 2, d: 2; ties by term)', () => {
    const top2 = count([fakeDoc('d', {}, TEXT)], { top: 2 });
    expect(top2.terms).toEqual(['a', 'b']);
    expect(cooccurrenceTable(top2).rows.map((r) => `${r.term1}${r.term2}`)).toEqual(['ab']);
  });
});

describe('co-occurrence over paragraphs and windows', () => {
  it('paragraphs: N = 2, b–d in both paragraphs', () => {
    const rows = cooccurrenceTable(count([fakeDoc('d', {}, TEXT)], { kind: 'paragraph' })).rows;
    // P1 {a b c d}, P2 {b c d}
    expect(pair(rows, 'b', 'd')).toMatchObject({ both: 2, n1: 2, n2: 2, units: 2 });
    expect(pair(rows, 'a', 'b')).toMatchObject({ both: 1, n1: 1, n2: 2, units: 2 });
    // six pairs of four terms
    expect(rows).toHaveLength(6);
  });

  it('windows: N = word positions; a pair d words apart shares k + 1 − d windows', () => {
    // "a b c a", k = 2: windows [a b c] [b c a] [c a] [a]; N = 4
    const rows = cooccurrenceTable(count([fakeDoc('d', {}, 'a b c a')], { kind: 'window', window: 2 })).rows;
    // a in all 4 windows, b in 2, c in 3; a–c: 3 windows, a–b: 2, b–c: 2
    expect(pair(rows, 'a', 'c')).toMatchObject({ both: 3, n1: 4, n2: 3, units: 4 });
    expect(pair(rows, 'a', 'b')).toMatchObject({ both: 2, n1: 4, n2: 2, units: 4 });
    expect(pair(rows, 'b', 'c')).toMatchObject({ both: 2, n1: 2, n2: 3, units: 4 });
  });

  it('windows count every word as a position, terms or not, but never cross documents', () => {
    // terms a and c only; "a b c": at k = 1 a and c are 2 words apart, at k = 2 they meet in [a b c]
    const terms = { kind: 'terms', terms: ['a', 'c'] } as const;
    const docs = [fakeDoc('d', {}, 'a b c'), fakeDoc('e', {}, 'a c')];
    // k = 1, doc d: [a b] [b c] [c]; doc e: [a c] [c] → a–c in 1 window of N = 5
    expect(cooccurrenceTable(count(docs, { kind: 'window', window: 1, terms })).rows).toMatchObject([{ both: 1, n1: 2, n2: 4, units: 5 }]);
    // k = 2, doc d: [a b c] [b c] [c]; doc e: [a c] [c] → a–c in 2 windows
    expect(cooccurrenceTable(count(docs, { kind: 'window', window: 2, terms })).rows).toMatchObject([{ both: 2, n1: 2, n2: 5, units: 5 }]);
  });
});

describe('term sets', () => {
  it('surface forms count under their canonical form', () => {
    const forms = new Map([
      ['x1', 'X'],
      ['x2', 'X'],
      ['y', 'Y'],
    ]);
    const counts = count([fakeDoc('d', {}, 'x1 y 。 x2 y 。 x1 z')], { terms: { kind: 'forms', forms } });
    expect(counts.terms).toEqual(['X', 'Y']);
    // X in all 3 sentences, Y in 2, both in 2
    expect(cooccurrenceTable(counts).rows).toMatchObject([{ term1: 'X', term2: 'Y', both: 2, n1: 3, n2: 2, units: 3 }]);
  });

  it('the word filter drops stopwords from the term set', () => {
    const counts = count([fakeDoc('d', {}, TEXT)], { terms: { kind: 'words', filter: { stopwords: new Set(['a']) } } });
    expect(counts.terms).toEqual(['b', 'c', 'd']);
  });
});

describe('grouping', () => {
  const docs = [
    fakeDoc('x1', { city: 'X' }, 'a b 。 a b'),
    fakeDoc('y1', { city: 'Y' }, 'a c 。 a b 。 c'),
    fakeDoc('none', {}, 'a b c'),
  ];
  const counts = countCooccurrence(docs, spaceSegmenter, { field: 'city', unit: { kind: 'sentence', window: 5 }, terms: words });
  const table = cooccurrenceTable(counts);

  it('counts each group over its own units, with group as the first column', () => {
    expect(counts.leftOut.map((d) => d.id)).toEqual(['none']);
    expect(table.columns[0]).toBe('group');
    // X: 2 sentences, a–b in both. Y: 3 sentences; a–c in 1, a–b in 1; a in 2, b in 1, c in 2
    expect(table.rows).toEqual([
      expect.objectContaining({ group: 'X', term1: 'a', term2: 'b', both: 2, n1: 2, n2: 2, units: 2 }),
      expect.objectContaining({ group: 'Y', term1: 'a', term2: 'b', both: 1, n1: 2, n2: 1, units: 3 }),
      expect.objectContaining({ group: 'Y', term1: 'a', term2: 'c', both: 1, n1: 2, n2: 2, units: 3 }),
    ]);
  });

  it('the network pools the groups; nodes carry per-group counts and the top group by rate', () => {
    const { nodes, edges } = coocNetwork(counts);
    // pooled: N = 5; a in 4, b in 3, a–b in 3
    expect(edges.find((e) => e.source === 'a' && e.target === 'b')).toMatchObject({ both: 3 });
    expect(edges.find((e) => e.source === 'a' && e.target === 'b')!.scores.logdice).toBeCloseTo(14 + Math.log2(6 / 7), 12);
    // b: 2 of X's 4 tokens (5000 per 10k) vs 1 of Y's 5 (2000 per 10k) → X; c: only in Y
    expect(nodes.find((n) => n.term === 'b')).toEqual({ term: 'b', count: 3, byGroup: { X: 2, Y: 1 }, topGroup: 'X' });
    expect(nodes.find((n) => n.term === 'c')).toMatchObject({ count: 2, byGroup: { X: 0, Y: 2 }, topGroup: 'Y' });
  });
});

describe('matrix', () => {
  const counts = count([fakeDoc('d', {}, TEXT)]);

  it('is symmetric, with units per term on the diagonal', () => {
    const m = cooccurrenceMatrix(counts);
    expect(m.columns).toEqual(['term', 'a', 'b', 'c', 'd']);
    for (const row of m.rows) for (const other of counts.terms) {
      expect(row[other]).toBe(m.rows.find((r) => r.term === other)![row.term as string]);
    }
    expect(m.rows.map((r) => counts.terms.map((t) => r[t]))).toEqual([
      [3, 2, 1, 1],
      [2, 3, 2, 0],
      [1, 2, 2, 0],
      [1, 0, 0, 2],
    ]);
  });

  it('of a measure is symmetric too, blank on the diagonal', () => {
    const m = cooccurrenceMatrix(counts, { value: 'jaccard' });
    // a–b: 2/(3 + 3 − 2) = 0.5
    expect(m.rows[0]).toEqual({ term: 'a', a: null, b: 0.5, c: 0.25, d: 0.25 });
    expect(m.rows[1].a).toBe(0.5);
  });

  it('leaves pairs below --min blank', () => {
    const m = cooccurrenceMatrix(count([fakeDoc('d', {}, TEXT)], { min: 2 }));
    expect(m.rows[0]).toEqual({ term: 'a', a: 3, b: 2, c: null, d: null });
  });
});

describe('pair counting', () => {
  it('counts the same pairs in arrays (small term sets) as in Maps (the whole vocabulary)', () => {
    // 3000 word types: the whole set is too large for arrays, --top 40 is not.
    const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    // Six common words (of 60) and six rare ones (of the other 2940) a sentence.
    const wordOf = (s: number, k: number) => vocabulary[k < 6 ? (s * 7 + k * k * 13) % 60 : 60 + ((s * 6 + k) % 2940)];
    const sentences = Array.from({ length: 600 }, (_, s) => Array.from({ length: 12 }, (_, k) => wordOf(s, k)).join(' '));
    const docs = [fakeDoc('d', {}, sentences.join(' 。 '))];
    const all = count(docs);
    const top = count(docs, { top: 40 });
    expect(all.terms.length).toBeGreaterThan(2048);
    expect(top.terms).toEqual(all.terms.slice(0, 40));
    const entries = (pairs: PairCounts) => {
      const all: Array<[number, number]> = [];
      pairs.forEach((key, both) => all.push([key, both]));
      return all;
    };
    const within = (pairs: PairCounts, size: number) =>
      entries(pairs).map(([key, both]) => [Math.floor(key / size), key % size, both]).filter(([a, b]) => a < 40 && b < 40).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(within(top.pairs[0], 40)).toEqual(within(all.pairs[0], all.terms.length));
    expect(entries(top.pairs[0]).length).toBeGreaterThan(0);
  });
});
