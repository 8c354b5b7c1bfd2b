import { describe, expect, it } from 'vitest';
import { memorySpill, type Spill } from '../src/analysis/spill.js';
import { bundledCorpusPath } from '../src/corpus/files.js';
import { readCorpus } from '../src/corpus/readCorpus.js';
import { loadBundledLexicon } from '../src/lexicon/lexicon.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { loadStopwords } from '../src/segment/stopwords.js';
import { createSloganMatcher, extractSlogans } from '../src/slogans/extract.js';
import { NgramCounter } from '../src/slogans/ngramCandidates.js';
import { spaceSegmenter } from './helpers.js';
import { keyCountRuns, mergeOrdered, rankedRuns } from '../src/slogans/ngramRuns.js';

/** The memory spill, counting the streams made (each a run) and those freed. */
function countingSpill(): Spill & { streams: number; disposed: number } {
  const spill = {
    streams: 0,
    disposed: 0,
    create: () => {
      spill.streams++;
      const stream = memorySpill.create();
      return { ...stream, dispose: () => (spill.disposed++, stream.dispose()) };
    },
  };
  return spill;
}

describe('slogans --discover with its n-gram counts spilled in sorted runs', () => {
  const segmenter = createSegmenter();
  const matcher = createSloganMatcher(loadBundledLexicon());
  const edges = loadStopwords('zh,domain');
  // The bundled corpus twice, the second time as other documents of another group: n-grams recur across runs.
  const docs = [...readCorpus([bundledCorpusPath()], { onBadFile: 'stop', warn: () => {} })].map((doc) => {
    const tokens = segmenter.cut(doc.text, { pos: true });
    return { text: doc.text, tokens, hits: extractSlogans(doc.text, tokens, matcher) };
  });
  const counter = (spill?: Spill, spillGrams?: number, mergeRuns?: number) => {
    const counter = new NgramCounter(edges, undefined, spill, spillGrams, mergeRuns);
    [0, 1].forEach((group) => docs.forEach((d) => counter.addDocument(group, d.text, d.tokens, d.hits)));
    return counter;
  };
  const count = (spill?: Spill, spillGrams?: number, mergeRuns?: number) => [...counter(spill, spillGrams, mergeRuns).rankedCandidates()];

  it('gives the candidates of the table held in memory, in the same order, however small the table and however its runs are merged', () => {
    const held = count();
    expect(held.length).toBeGreaterThan(100);
    for (const [grams, mergeRuns] of [[1, 2], [1, 3], [1, 32], [50, 2], [2000, 32]]) {
      const spill = countingSpill();
      expect(count(spill, grams, mergeRuns), `${grams} n-grams a table, runs merged by ${mergeRuns}`).toEqual(held);
      // Runs of the counts, the admitted n-grams, the subsumption claims and the ranking; all freed once read.
      expect(spill.streams).toBeGreaterThan(4);
      expect(spill.disposed).toBe(spill.streams);
    }
  });

  it('ranks them: most uses, then most documents, then term', () => {
    const held = count();
    for (let i = 1; i < held.length; i++) {
      const [a, b] = [held[i - 1], held[i]];
      const inOrder = a.total > b.total || (a.total === b.total && (a.docs > b.docs || (a.docs === b.docs && a.term <= b.term)));
      expect(inOrder, `${a.term} ${a.total}/${a.docs} before ${b.term} ${b.total}/${b.docs}`).toBe(true);
    }
  });

  it('stopped after the first few (--top), frees every run it wrote; spilled, it is read once', () => {
    const held = count();
    const spill = countingSpill();
    const spilled = counter(spill, 50);
    const first: typeof held = [];
    for (const candidate of spilled.rankedCandidates()) {
      first.push(candidate);
      if (first.length === 10) break;
    }
    expect(first).toEqual(held.slice(0, 10));
    expect(spill.disposed).toBe(spill.streams);
    // The runs are gone: a second read would find nothing, so it is refused rather than empty.
    expect(() => [...spilled.rankedCandidates()]).toThrow(/read again/);
  });

  it('frees the subsumption claims that sort after every candidate', () => {
    // 丁 京 北 twice: it claims 丁 京 and 京 北, and 京 北 (no candidate: 京 is an edge stopword) sorts after it.
    const spill = countingSpill();
    const small = new NgramCounter(new Set(['京']), undefined, spill, 1);
    for (const text of ['丁 京 北 。', '丁 京 北 。']) small.addDocument(0, text, spaceSegmenter.cut(text), []);
    expect([...small.rankedCandidates()].map((c) => c.term)).toEqual(['丁京北']);
    expect(spill.disposed).toBe(spill.streams);
  });

  it('a spill that the table never fills writes nothing', () => {
    const spill = countingSpill();
    expect(count(spill, 1e9)).toEqual(count());
    expect(spill.streams).toBe(0);
  });
});

describe('mergeOrdered, rankedRuns and keyCountRuns', () => {
  it('merges sorted sequences into one order, the earlier sequence first among equals', () => {
    const tagged = (xs: number[], tag: string) => xs.map((x) => ({ x, tag }));
    const merged = [...mergeOrdered([tagged([1, 4, 4, 9], 'a'), tagged([], 'b'), tagged([0, 4, 10], 'c')], (p, q) => p.x - q.x)];
    expect(merged.map((m) => `${m.x}${m.tag}`)).toEqual(['0c', '1a', '4a', '4a', '4c', '9a', '10c']);
  });

  it('stopped early, closes the sequences it has not read to their end (they free their runs)', () => {
    const closed: string[] = [];
    const sequence = function* (name: string, xs: number[]) {
      try {
        yield* xs;
      } finally {
        closed.push(name);
      }
    };
    for (const x of mergeOrdered([sequence('a', [1, 3, 5]), sequence('b', [2]), sequence('c', [4, 6])], (p, q) => p - q)) if (x === 3) break;
    expect(closed.sort()).toEqual(['a', 'b', 'c']);
  });

  it('rankedRuns: equal candidates (two n-grams written alike) in order of first sight, across runs', () => {
    const candidate = (term: string, total: number, run: number, row: number) => ({ term, total, docs: 1, groups: 1, score: 14, run, row });
    const added = [candidate('甲乙', 2, 1, 0), candidate('丙', 3, 1, 1), candidate('甲乙', 2, 0, 5), candidate('甲乙', 2, 0, 2), candidate('丁', 2, 2, 0)];
    const order = (runs: ReturnType<typeof rankedRuns>) => {
      for (const c of added) runs.add(c);
      return [...runs.sorted()].map((c) => `${c.term}${c.run}.${c.row}`);
    };
    const expected = ['丙1.1', '丁2.0', '甲乙0.2', '甲乙0.5', '甲乙1.0'];
    expect(order(rankedRuns(undefined, 0))).toEqual(expected);
    expect(order(rankedRuns(memorySpill, 2))).toEqual(expected);
  });

  it('gives back every pair added, in key then count order, from runs of two', () => {
    const runs = keyCountRuns(memorySpill, 2);
    const pairs: Array<[string, number]> = [['执法', 3], ['质量', 1], ['执法', 2], ['a\u0001b', 7], ['执法', 3], ['𠀀', 1]];
    for (const [key, count] of pairs) runs.add({ key, count });
    const expected = [...pairs].sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : p[1] - q[1]));
    expect([...runs.sorted()].map((p) => [p.key, p.count])).toEqual(expected);
  });
});
