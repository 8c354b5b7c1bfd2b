import { describe, expect, it } from 'vitest';
import { memorySpill, type Spill } from '../src/analysis/spill.js';
import { bundledCorpusPath } from '../src/corpus/files.js';
import { readCorpus } from '../src/corpus/readCorpus.js';
import { loadBundledLexicon } from '../src/lexicon/lexicon.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { loadStopwords } from '../src/segment/stopwords.js';
import { createSloganMatcher, extractSlogans } from '../src/slogans/extract.js';
import { NgramCounter } from '../src/slogans/ngramCandidates.js';
import { KeyCountRuns, mergeOrdered } from '../src/slogans/ngramRuns.js';

/** The memory spill, counting the streams made (each a run). */
function countingSpill(): Spill & { streams: number } {
  const spill = { streams: 0, create: () => (spill.streams++, memorySpill.create()) };
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
  const count = (spill?: Spill, spillGrams?: number) => {
    const counter = new NgramCounter(edges, undefined, spill, spillGrams);
    [0, 1].forEach((group) => docs.forEach((d) => counter.addDocument(group, d.text, d.tokens, d.hits)));
    return counter.candidates();
  };

  it('gives the candidates of the table held in memory, in the same order, however small the table', () => {
    const held = count();
    expect(held.length).toBeGreaterThan(100);
    for (const grams of [1, 50, 2000]) {
      const spill = countingSpill();
      expect(count(spill, grams), `${grams} n-grams a table`).toEqual(held);
      // Runs of the counts, the admitted n-grams and the subsumption claims.
      expect(spill.streams).toBeGreaterThan(3);
    }
  });

  it('a spill that the table never fills writes nothing', () => {
    const spill = countingSpill();
    expect(count(spill, 1e9)).toEqual(count());
    expect(spill.streams).toBe(0);
  });
});

describe('mergeOrdered and KeyCountRuns', () => {
  it('merges sorted sequences into one order, the earlier sequence first among equals', () => {
    const tagged = (xs: number[], tag: string) => xs.map((x) => ({ x, tag }));
    const merged = [...mergeOrdered([tagged([1, 4, 4, 9], 'a'), tagged([], 'b'), tagged([0, 4, 10], 'c')], (p, q) => p.x - q.x)];
    expect(merged.map((m) => `${m.x}${m.tag}`)).toEqual(['0c', '1a', '4a', '4a', '4c', '9a', '10c']);
  });

  it('gives back every pair added, in key then count order, from runs of two', () => {
    const runs = new KeyCountRuns(memorySpill, 2);
    const pairs: Array<[string, number]> = [['执法', 3], ['质量', 1], ['执法', 2], ['a\u0001b', 7], ['执法', 3], ['𠀀', 1]];
    for (const [key, n] of pairs) runs.add(key, n);
    const expected = [...pairs].sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : p[1] - q[1]));
    expect([...runs.sorted()].map((p) => [p.key, p.count])).toEqual(expected);
  });
});
