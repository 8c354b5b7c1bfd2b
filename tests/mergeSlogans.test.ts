import { describe, expect, it } from 'vitest';
import type { SloganCounts, SloganStats } from '../src/slogans/collectSlogans.js';
import { mergeSloganCounts } from '../src/slogans/mergeSlogans.js';
import { mergeShardQuotes, shardQuotes } from '../src/slogans/corpusQuotes.js';

/** One shard's counts of one quoted formulation: `uses` uses in document `doc`, all of them one word or not. */
function part(doc: string, uses: number, singleWord: boolean): SloganCounts {
  const stats: SloganStats = {
    canonical: '两个轮子',
    kind: 'quoted',
    theme: '',
    byGroup: [uses],
    docs: 1,
    quoted: uses,
    variants: new Set(),
    first: { doc, line: 1, column: 1 },
    singleWord,
  };
  return { groups: ['all'], leftOut: [], tokens: [10], slogans: new Map([[stats.canonical, stats]]) };
}

describe('mergeSloganCounts', () => {
  it('a formulation is a single quoted word in the merge only if it is one in every shard, in either order', () => {
    const merged = (...parts: SloganCounts[]) => mergeSloganCounts(parts).slogans.get('两个轮子')!;
    expect(merged(part('a', 2, true), part('b', 1, false))).toMatchObject({ singleWord: false, byGroup: [3], docs: 2, quoted: 3, first: { doc: 'a' } });
    expect(merged(part('a', 2, false), part('b', 1, true))).toMatchObject({ singleWord: false, byGroup: [3], docs: 2 });
    expect(merged(part('a', 2, true), part('b', 1, true)).singleWord).toBe(true);
  });
});

describe('mergeShardQuotes', () => {
  it('shards counted with the forms they quote together, in corpus order, are complete; otherwise it says which differs', () => {
    const all = ['甲乙丙', '丁戊'];
    const a = shardQuotes(['甲乙丙'], all);
    const b = shardQuotes(['丁戊', '甲乙丙'], all);
    expect(mergeShardQuotes([a, b])).toEqual({ quotes: { own: all, countedWith: a.countedWith }, differs: undefined, complete: true });
    // The order is part of the set counted with: the first of two forms that fold alike wins in the matcher.
    expect(mergeShardQuotes([b, a]).complete).toBe(false);
    // A part missing: the rest quote less than they were counted with.
    expect(mergeShardQuotes([a]).complete).toBe(false);
    // Counted each with its own forms only.
    expect(mergeShardQuotes([shardQuotes(['甲乙丙'], ['甲乙丙']), shardQuotes(['丁戊'], ['丁戊'])]).differs).toBe(1);
  });
});
