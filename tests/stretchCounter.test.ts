import { describe, expect, it } from 'vitest';
import { StretchCounter } from '../src/analysis/stretchCounter.js';
import { DocumentCounter } from '../src/analysis/termCounts.js';
import { wordFilter } from '../src/analysis/tokenFilter.js';
import { CodeUnitTrie } from '../src/lexicon/charTrie.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { wordEnds } from '../src/segment/offsets.js';
import type { WordNodes } from '../src/segment/token.js';

/** A text and the end offset of each of its words. */
function cutOf(...words: string[]): { text: string; ends: Uint32Array } {
  return { text: words.join(''), ends: wordEnds(words.join(''), words, 0, words.join('').length) };
}

describe('StretchCounter', () => {
  it('counts words where they stand: punctuation is no word, ids in order of first use', () => {
    const counter = new DocumentCounter();
    const stretches = new StretchCounter(counter, () => true);
    const { text, ends } = cutOf('改革', '，', '发展', '、', '改革', '改', '。');
    expect(stretches.add(text, 0, ends)).toBe(4);
    expect(counter.take()).toEqual({ ids: [0, 1, 2], counts: [2, 1, 1] });
    expect(counter.vocabulary).toEqual(['改革', '发展', '改']);
  });

  it('reads words from an offset, keeps ids across documents, and leaves out words it is told not to count', () => {
    const counter = new DocumentCounter();
    const stretches = new StretchCounter(counter, (word) => word !== '的');
    const first = cutOf('人民', '的', '幸福');
    stretches.add(first.text, 0, first.ends);
    counter.take();
    const second = cutOf('幸福', '的', '的', '生活');
    // The same words after a prefix of 3 units that is not counted: ends are relative to offset 3.
    expect(stretches.add(`xyz${second.text}`, 3, second.ends)).toBe(4);
    expect(counter.take()).toEqual({ ids: [1, 2], counts: [1, 1] });
    expect(counter.vocabulary).toEqual(['人民', '幸福', '生活']);
  });

  it('gives the counts counting strings gives, under a filter, on a text with many distinct words', () => {
    const words: string[] = [];
    for (let i = 0; i < 3000; i++) words.push(String.fromCharCode(0x4e00 + ((i * 7919) % 500)) + (i % 3 ? String.fromCharCode(0x4e00 + (i % 37)) : ''), i % 5 ? '' : '，');
    const cut = words.filter((w) => w !== '');
    const keep = wordFilter({ stopwords: new Set([cut[0]]), minLength: 2 });
    const viaStrings = new DocumentCounter();
    viaStrings.addItems(cut.filter((w) => keep(w, undefined)));
    const viaText = new DocumentCounter();
    const { text, ends } = cutOf(...cut);
    new StretchCounter(viaText, (w) => keep(w, undefined)).add(text, 0, ends);
    expect(viaText.take()).toEqual(viaStrings.take());
    expect(viaText.vocabulary).toEqual(viaStrings.vocabulary);
  });
});

describe('CodeUnitTrie', () => {
  it('finds every key it was given, and no other, after growing many times', () => {
    const trie = new CodeUnitTrie();
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i * 13}`);
    const nodes = keys.map((key) => trie.insert(key));
    expect(new Set(nodes).size).toBe(keys.length);
    const walk = (key: string) => [...key].reduce((node, ch) => (node < 0 ? node : trie.next(node, ch.charCodeAt(0))), CodeUnitTrie.ROOT);
    keys.forEach((key, i) => expect(walk(key)).toBe(nodes[i]));
    expect(walk('k7z')).toBe(-1);
    expect(walk('x')).toBe(-1);
    expect(trie.insert(keys[42])).toBe(nodes[42]);
  });
});

describe('wordEnds', () => {
  it('sums lengths when the words add up to the text, and finds each word when a backend dropped characters', () => {
    expect([...wordEnds('改革发展', ['改革', '发展'], 0, 4)]).toEqual([2, 4]);
    expect([...wordEnds('改革 发展', ['改革', '发展'], 0, 5)]).toEqual([2, 5]);
    expect([...wordEnds('ab改革 发展', ['改革', '发展'], 2)]).toEqual([4, 7]);
  });
});

describe('StretchCounter with dictionary nodes', () => {
  it('counts by the dictionary nodes the segmenter gives as it counts by the text, and a new dictionary starts afresh', () => {
    // The second text is cut folded (１９９７ as 1997): its written words with a folded character have no node, so
    // Ｔ恤 and T恤 stay two terms.
    for (const text of ['坚持两个确立，深化枫桥经验。1997年——香港回归，坚持改革开放……'.repeat(3), '香港１９９７年回归，穿Ｔ恤和T恤，做Ｂ超与B超。坚持改革开放'.repeat(3)]) {
      const cut = createSegmenter().words(text);
      expect(cut.nodes).toBeDefined();
      const keep = wordFilter({ stopwords: new Set(['坚持']) });
      const count = (nodes?: WordNodes) => {
        const counter = new DocumentCounter();
        const size = new StretchCounter(counter, (w) => keep(w, undefined)).add(text, 0, cut.ends!, nodes);
        return { size, ...counter.take(), vocabulary: counter.vocabulary };
      };
      expect(count(cut.nodes)).toEqual(count());
    }
    // Node ids of another dictionary name other words: the counter does not take them for the first one's.
    const counter = new DocumentCounter();
    const stretches = new StretchCounter(counter, () => true);
    const one = cutOf('改革', '发展');
    stretches.add(one.text, 0, one.ends, { dictionary: 'a', ids: Int32Array.of(5, 6) });
    stretches.add(one.text, 0, one.ends, { dictionary: 'b', ids: Int32Array.of(6, 5) });
    expect(counter.take()).toEqual({ ids: [0, 1], counts: [2, 2] });
    expect(counter.vocabulary).toEqual(['改革', '发展']);
  });
});
