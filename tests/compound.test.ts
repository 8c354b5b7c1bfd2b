import { describe, expect, it } from 'vitest';
import { PhraseJoin } from '../src/segment/compound.js';
import { endsWords } from '../src/segment/endsWords.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import type { Words } from '../src/segment/token.js';

function cutOf(...words: string[]): { text: string; cut: Words } {
  return { text: words.join(''), cut: { words } };
}

const join = (phrases: string[], text: string, cut: Words) => new PhraseJoin(phrases).apply(text, cut);

describe('PhraseJoin', () => {
  it('joins a phrase that starts and ends on word boundaries', () => {
    const { text, cut } = cutOf('推进', '市县', '主战', '、', '派出所', '主防', '改革');
    expect(join(['市县主战、派出所主防'], text, cut).words).toEqual(['推进', '市县主战、派出所主防', '改革']);
  });

  it('leaves a phrase alone when it cuts through a word', () => {
    const { text, cut } = cutOf('大市县', '主战');
    expect(join(['市县主战'], text, cut).words).toEqual(['大市县', '主战']);
  });

  it('prefers the longer of two overlapping phrases', () => {
    const { text, cut } = cutOf('严格', '、', '规范', '、', '公正', '、', '文明');
    expect(join(['严格、规范', '严格、规范、公正、文明'], text, cut).words).toEqual(['严格、规范、公正、文明']);
  });

  it('joins every occurrence, including one that ends the text', () => {
    const { text, cut } = cutOf('a', '·', 'b', 'c', 'a', '·', 'b');
    expect(join(['a·b'], text, cut).words).toEqual(['a·b', 'c', 'a·b']);
  });

  it('finds occurrences of a phrase like repeated indexOf: leftmost first, never overlapping each other', () => {
    const { text, cut } = cutOf('a', '、', 'a', '、', 'a', '、', 'a');
    expect(join(['a、a'], text, cut).words).toEqual(['a、a', '、', 'a、a']);
  });

  it('joins thousands of phrases in one long chunk, with every word end where its word ends', () => {
    const words = Array.from({ length: 6000 }, () => ['a', '·', 'b', 'cd']).flat();
    const { text, cut } = cutOf(...words);
    const out = join(['a·b'], text, { ...cut, tags: words.map(() => 'x') });
    expect(out.words).toEqual(Array.from({ length: 6000 }, () => ['a·b', 'cd']).flat());
    expect(out.tags).toEqual(Array.from({ length: 6000 }, () => ['nz', 'x']).flat());
    expect([...out.ends!.slice(0, 4)]).toEqual([3, 5, 8, 10]);
    expect(out.ends![out.ends!.length - 1]).toBe(text.length);
  });

  it('with dictionary nodes, answers each word once per dictionary whether a phrase can start at it', () => {
    // 严格 (node 7) starts 严格、规范; 严 (node 3) opens it by its first unit but is no prefix of it.
    const text = '严格、规范严、严格、规范';
    const ends = Uint32Array.of(2, 3, 5, 6, 7, 9, 10, 12);
    const cut = (ids: number[], dictionary = 'd1'): Words => endsWords(text, ends, undefined, { dictionary, ids: Int32Array.from(ids) });
    const joiner = new PhraseJoin(['严格、规范']);
    const nodes = [7, -1, 5, 3, -1, 7, -1, 5];
    expect(joiner.apply(text, cut(nodes)).words).toEqual(['严格、规范', '严', '、', '严格、规范']);
    expect(joiner.apply(text, cut(nodes)).nodes!.ids).toEqual(Int32Array.of(-1, 3, -1, -1));
    // Another dictionary numbers its nodes anew (3 is now 严格, 7 严): the first one's answers are not reused.
    expect(joiner.apply(text, cut([3, -1, 5, 7, -1, 3, -1, 5], 'd2')).words).toEqual(['严格、规范', '严', '、', '严格、规范']);
  });

  it('tags a joined phrase nz and keeps the other tags', () => {
    const { text } = cutOf('推进', '严格', '、', '规范');
    const out = join(['严格、规范'], text, { words: ['推进', '严格', '、', '规范'], tags: ['v', 'a', 'x', 'v'] });
    expect(out).toEqual({ words: ['推进', '严格、规范'], tags: ['v', 'nz'], ends: Uint32Array.of(2, 7) });
  });
});

describe('createSegmenter', () => {
  const text = '坚持市县主战、派出所主防，做到严格、规范、公正、文明。\n2025年  工作报告';
  const segmenter = createSegmenter();
  const compound = createSegmenter({ compound: true });

  it('gives the same segmentation as tokens, as words and as words cut off the main thread', async () => {
    for (const s of [segmenter, compound]) {
      for (const pos of [false, true]) {
        const tokens = s.cut(text, { pos });
        const ends = Uint32Array.from(tokens.map((t) => t.end));
        const expected: Words = pos ? { words: tokens.map((t) => t.text), tags: tokens.map((t) => t.pos!), ends } : { words: tokens.map((t) => t.text), ends };
        // The untagged cut also names each word's dictionary node (Words.nodes: what counting reads), one per word.
        const plain = ({ words, tags, ends, nodes }: Words) => {
          if (!pos) expect(nodes?.ids.length).toBe(ends?.length);
          return tags ? { words, tags, ends } : { words, ends };
        };
        expect(plain(s.words(text, { pos }))).toEqual(expected);
        expect(plain(await s.wordsAsync(text, { pos }))).toEqual(expected);
      }
    }
  });

  it('covers the text with contiguous tokens, and joins the phrases with 、 only with --compound', () => {
    for (const s of [segmenter, compound]) {
      const tokens = s.cut(text);
      expect(tokens.map((t) => t.text).join('')).toBe(text);
      tokens.forEach((t, i) => expect(t.start).toBe(i === 0 ? 0 : tokens[i - 1].end));
    }
    // jieba cuts at 、 before it reads its dictionary: 市县主战 (a dictionary term, joined) and 派出所主防 (a word)
    expect(segmenter.cut(text).map((t) => t.text).slice(1, 4)).toEqual(['市县主战', '、', '派出所主防']);
    expect(compound.cut(text).map((t) => t.text)).toContain('市县主战、派出所主防');
    expect(compound.cut(text).map((t) => t.text)).toContain('严格、规范、公正、文明');
  });

  it('reads page breaks with the phrases joined, with or without --compound (cutUnits)', () => {
    const phrase = '建立新型警务运行模式';
    const none = createSegmenter({ compound: false });
    expect(none.cut(phrase).map((t) => t.text)).toEqual(['建立', '新型', '警务', '运行', '模式']);
    for (const s of [none, segmenter, compound]) expect(s.cutUnits(phrase).map((t) => t.text)).toEqual(['建立', '新型警务运行模式']);
  });
});
