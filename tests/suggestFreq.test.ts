import { describe, expect, it } from 'vitest';
import { createSegmenter, segmenterVocabulary } from '../src/segment/createSegmenter.js';
import { jiebaDictionary } from '../src/segment/nodeRsJieba.js';
import { JiebaFrequencies } from '../src/segment/suggestFreq.js';

// A dictionary small enough to compute by hand: total = 30 + 10 + 40 + 10 + 5 + 5 = 100.
const TINY = ['两个 30 m', '确立 10 v', '人民 40 n', '容忍 10 v', '以 5 p', '零 5 m'].join('\n');
const WORDS = ['两个确立', '零容忍', '以人民', '人民以'];

describe('JiebaFrequencies on a hand-made dictionary', () => {
  const tiny = new JiebaFrequencies(TINY, WORDS);

  it('sums every frequency of the dictionary', () => {
    expect(tiny.total).toBe(100);
  });

  it('cuts as jieba without HMM: the route of largest probability product', () => {
    expect(tiny.cut('两个确立')).toEqual(['两个', '确立']);
    expect(tiny.cut('零容忍')).toEqual(['零', '容忍']);
  });

  it('suggests ⌊total · Π freq(piece)/total⌋ + 1, the suggest_freq of Python jieba', () => {
    // 100 · (30/100) · (10/100) = 3 → 4; 100 · (5/100) · (10/100) = 0.5 → 1
    expect(tiny.suggest('两个确立')).toBe(4);
    expect(tiny.suggest('零容忍')).toBe(1);
    // a word already in the dictionary: its one piece gives 100 · 40/100 = 40 → 41
    expect(tiny.suggest('人民')).toBe(41);
  });

  it('wants an entry only for a lone content character at an edge of the cut', () => {
    expect(tiny.needsEntry('两个确立')).toBe(false);
    expect(tiny.needsEntry('零容忍')).toBe(true);
    // 以 is a preposition (tag p): it does not join the word beside it
    expect(tiny.needsEntry('以人民')).toBe(false);
    expect(tiny.needsEntry('人民')).toBe(false);
  });
});

describe('JiebaFrequencies.isClause on a hand-made dictionary', () => {
  const dict = ['和平 30 n', '与 10 p', '发展 30 vn', '科技 20 n', '是 10 v', '动力 20 n', '两个 30 m', '确立 10 v', '自 5 p', '贸 1 vn', '试验区 8 n', '为 10 p', '人民 40 n', '服务 20 vn'].join('\n');
  const words = ['和平与发展', '科技是动力', '两个确立', '自贸试验区', '和平，发展', '为人民服务'];
  const tiny = new JiebaFrequencies(dict, words);

  it('calls a formulation with a function word, 是/有 or a punctuation mark inside a clause', () => {
    expect(tiny.cut('和平与发展')).toEqual(['和平', '与', '发展']);
    expect(tiny.isClause('和平与发展')).toBe(true); // 与 tagged p
    expect(tiny.isClause('科技是动力')).toBe(true); // the copula
    expect(tiny.isClause('和平，发展')).toBe(true);
    // opened by a preposition before a word: the phrase it governs
    expect(tiny.cut('为人民服务')).toEqual(['为', '人民', '服务']);
    expect(tiny.isClause('为人民服务')).toBe(true);
  });

  it('calls a name no clause, nor a term whose edge character jieba tags as a function word', () => {
    expect(tiny.isClause('两个确立')).toBe(false);
    // 自|贸|试验区: 自 is tagged p, but at the edge it is part of the term
    expect(tiny.cut('自贸试验区')).toEqual(['自', '贸', '试验区']);
    expect(tiny.isClause('自贸试验区')).toBe(false);
  });
});

describe('the bundled vocabulary adds without moving', () => {
  const jieba = new JiebaFrequencies(jiebaDictionary().toString('utf8'), ['两个确立', '零容忍', '人民群众']);

  it('matches Python jieba 0.42.1 suggest_freq on its own dictionary', () => {
    // python3 -c "import jieba; print(jieba.suggest_freq('两个确立'), jieba.suggest_freq('人民群众'))" → 2 13
    expect(jieba.suggest('两个确立')).toBe(2);
    expect(jieba.suggest('人民群众')).toBe(13);
  });

  it('adds less than a ten-thousandth of the dictionary total (the flat frequencies added 61%)', () => {
    const { entries } = segmenterVocabulary();
    const added = entries.reduce((sum, e) => sum + e.freq, 0);
    expect(entries.length).toBeGreaterThan(100);
    expect(added / jieba.total).toBeLessThan(1e-4);
  });

  it('keeps the terms jieba would cut through whole, and does not break 人民群众 for 群众安全感', () => {
    const cut = (text: string) => createSegmenter().cut(text).map((t) => t.text);
    const words = segmenterVocabulary().entries.map((e) => e.word);
    // 市|域|社会|治理 begins with a lone 市, which the word before could take
    expect(words).toContain('市域社会治理');
    expect(cut('提高市域社会治理能力')).toContain('市域社会治理');
    // 群众|安全感 is cut at its edges already: not loaded, so it cannot take 群众 from 人民群众 inside jieba; the
    // phrase join then takes the leftmost term, 人民群众 (also a bundled term), and leaves 安全感 alone
    expect(words).not.toContain('群众安全感');
    expect(cut('人民群众安全感明显增强')).toEqual(['人民群众', '安全感', '明显增强']);
    expect(cut('群众安全感明显增强')).toContain('群众安全感');
  });
});
