import { describe, expect, it } from 'vitest';
import { CountMinSketch } from '../src/analysis/countMinSketch.js';
import type { LexiconEntry } from '../src/lexicon/lexicon.js';
import { collectSlogans } from '../src/slogans/collectSlogans.js';
import { wholeTable } from '../src/resultTable.js';
import { discoverTable } from '../src/slogans/sloganTable.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

describe('CountMinSketch', () => {
  it('never estimates below the true count, even with 4 counters a row for 40 keys', () => {
    const sketch = new CountMinSketch(2, 2);
    const truth = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const key = `词${i}`;
      for (let n = 0; n <= i % 5; n++) sketch.add(key);
      truth.set(key, (i % 5) + 1);
    }
    for (const [key, n] of truth) expect(sketch.estimate(key)).toBeGreaterThanOrEqual(n);
  });

  it('counts exactly where nothing collides, and an unseen key is 0 in an empty sketch', () => {
    const sketch = new CountMinSketch(16, 3);
    expect(sketch.estimate('枫桥经验')).toBe(0);
    sketch.add('执法质量');
    sketch.add('执法质量');
    sketch.add('严守纪律');
    expect([sketch.estimate('执法质量'), sketch.estimate('严守纪律')]).toEqual([2, 1]);
  });
});

describe('slogans --discover with the n-gram sketch', () => {
  const lexicon: LexiconEntry[] = [{ canonical: '枫桥经验', variants: [], theme: '基层治理', expansion: [], note: '' }];
  // 执法 质量 three times in two documents, 警企 恳谈 twice in one; 坚持 枫桥经验 推进 splits its run at the lexicon
  // slogan; every other n-gram is seen once.
  const texts = ['狠抓 执法 质量 。 狠抓 执法 质量 。 坚持 枫桥经验 推进 工作 。', '狠抓 执法 质量 ， 严守 政治 纪律 。', '推行 警企 恳谈 ， 警企 恳谈 。'];
  const corpus = texts.map((t, i) => fakeDoc(`d${i}`, { city: i < 2 ? '甲' : '乙' }, t));
  const run = (sketch: boolean) => collectSlogans(corpus, spaceSegmenter, { field: 'city', lexicon, discover: { edgeStopwords: new Set(['狠抓', '推行']), sketch } });

  it('finds the same candidates with the same counts, and holds only the n-grams that recur', () => {
    const [plain, sketched] = [run(false), run(true)];
    expect(wholeTable(discoverTable(sketched))).toEqual(wholeTable(discoverTable(plain)));
    expect(wholeTable(discoverTable(sketched)).rows.map((r) => [r.term, r.total, r.docs])).toEqual([['执法质量', 3, 2], ['警企恳谈', 2, 1]]);
    // Without the sketch every n-gram is held (a shard needs the singletons: 严守 政治, 推进 工作, …); with it only the two.
    expect(plain.ngramCounter!.toData().grams.length).toBeGreaterThan(2);
    expect(sketched.ngramCounter!.toData().grams.map((g) => g[0].replace(/\u0001/g, ' '))).toEqual(['执法 质量', '警企 恳谈']);
  });
});
