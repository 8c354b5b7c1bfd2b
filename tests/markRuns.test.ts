import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { endsWords } from '../src/segment/endsWords.js';
import { joinMarkRuns } from '../src/segment/markRuns.js';
import { HAS_NODEJIEBA } from './cli.js';

// The Chinese dash —— and ellipsis …… are one mark written with two characters (GB/T 15834); jieba gave each
// character as a token of its own.
describe('joinMarkRuns', () => {
  it('joins a run of one dash or ellipsis character into one word, and keeps the ends', () => {
    const words = ['说', '—', '—', '好', '…', '…', '…', '…', '吧'];
    const out = joinMarkRuns(words.join(''), { words, ends: Uint32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9) });
    expect(out.words).toEqual(['说', '——', '好', '…………', '吧']);
    expect([...out.ends!]).toEqual([1, 3, 4, 8, 9]);
  });

  it('joins the same runs in words given by their ends, and a joined run has no dictionary node', () => {
    const text = '说——好…………吧一—二';
    const ends = Uint32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    const nodes = { dictionary: 'd', ids: Int32Array.of(7, 1, 1, 8, 2, 2, 2, 2, 9, 10, 1, 11) };
    const out = joinMarkRuns(text, endsWords(text, ends, undefined, nodes));
    expect(out.words).toEqual(['说', '——', '好', '…………', '吧', '一', '—', '二']);
    expect([...out.ends!]).toEqual([1, 3, 4, 8, 9, 10, 11, 12]);
    expect([...out.nodes!.ids]).toEqual([7, -1, 8, -1, 9, 10, 1, 11]);
  });

  it('leaves a lone dash, and two different marks, apart', () => {
    const words = ['一', '—', '二', '—', '…'];
    expect(joinMarkRuns(words.join(''), { words, ends: Uint32Array.of(1, 2, 3, 4, 5) }).words).toEqual(words);
  });
});

for (const backend of ['node-rs', 'nodejieba']) {
  describe.skipIf(backend === 'nodejieba' && !HAS_NODEJIEBA)(`dashes and ellipses with ${backend} (nodejieba: skipped where the optional package is not installed)`, () => {
    it('gives —— ——— ―― and …… as one token each, tagged as jieba tags a mark, at their offsets', () => {
      const text = '新世纪——贺词。等等……好吧———对――一—二';
      const tokens = createSegmenter({ backend }).cut(text, { pos: true });
      const marks = tokens.filter((t) => /^[—―…]+$/.test(t.text));
      expect(marks.map((t) => [t.text, t.pos, t.start])).toEqual([
        ['——', 'x', 3],
        ['……', 'x', 10],
        ['———', 'x', 14],
        ['――', 'x', 18],
        ['—', 'x', 21],
      ]);
      for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    });
  });
}
