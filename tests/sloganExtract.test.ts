import { describe, expect, it } from 'vitest';
import { normalise } from '../src/corpus/normalise.js';
import type { Token } from '../src/segment/token.js';
import { createLexiconMatcher, extractSlogans, isQuotedFormulation, type SloganHit } from '../src/slogans/extract.js';
import type { LexiconEntry } from '../src/lexicon/lexicon.js';

const entry = (canonical: string, theme: string, variants: string[] = []): LexiconEntry => ({
  canonical,
  variants,
  theme,
  expansion: [],
  note: '',
});

const LEXICON = createLexiconMatcher([
  entry('枫桥经验', '基层治理'),
  entry('专业+机制+大数据', '改革创新'),
  entry('大数据', '科技信息化'),
  entry('市县主战、派出所主防', '改革创新', ['市县主战派出所主防']),
  entry('四个意识', '政治建警'),
  entry('护游', '安全稳定'),
  entry('一村一警', '基层治理'),
]);

/**
 * Forward maximum matching over a word list (longest listed word first, else one character; spaces are tokens):
 * segmentation a reader can redo by hand, like jieba with the lexicon forms in its dictionary.
 */
function dictSegmenter(words: string[]): (text: string) => Token[] {
  const byLength = [...words].sort((a, b) => b.length - a.length);
  return (text) => {
    const tokens: Token[] = [];
    let at = 0;
    while (at < text.length) {
      const space = /^\s+/.exec(text.slice(at))?.[0];
      const word = space ?? byLength.find((w) => text.startsWith(w, at)) ?? text[at];
      tokens.push({ text: word, start: at, end: at + word.length });
      at += word.length;
    }
    return tokens;
  };
}

const cut = dictSegmenter([
  ...['枫桥经验', '枫桥', '经验', '专业+机制+大数据', '大数据', '专业', '机制', '市县主战', '派出所', '主防', '四个意识'],
  ...['坚持', '新时代', '发展', '推进', '改革', '用好', '保护', '游客', '专项', '行动', '实施', '全覆盖', '增强'],
  ...['三个', '务必', '方面', '五大', '安全', '两个', '四项', '基本', '原则', '九大', '路线', '做到', '入手', '从'],
  ...['健全', '大监督格局', '四所一庭一中心', '联动', '落实', '党建', '业务', '融合', '警务', '模式', '全会', '指出'],
]);

function extract(text: string): SloganHit[] {
  return extractSlogans(text, cut(text), LEXICON);
}

/** The hits as `canonical/kind/quoted?` strings, the shape most tests compare. */
function brief(text: string): string[] {
  return extract(text).map((h) => `${h.canonical}/${h.kind}${h.quoted ? '/q' : ''}`);
}

describe('lexicon matches', () => {
  it('finds a slogan anywhere, with its offsets and written form', () => {
    expect(extract('坚持新时代枫桥经验。')).toEqual([
      { canonical: '枫桥经验', surface: '枫桥经验', start: 5, end: 9, quoted: false, kind: 'lexicon' },
    ]);
  });

  it('counts a variant under its canonical form', () => {
    expect(extract('推进市县主战派出所主防改革')).toMatchObject([{ canonical: '市县主战、派出所主防', surface: '市县主战派出所主防' }]);
  });

  it('counts a nested slogan only outside the longer one (leftmost-longest, no overlap)', () => {
    // 大数据 inside 专业+机制+大数据 is part of that slogan; the 大数据 after 用好 is a use of its own.
    const hits = extract('推进专业+机制+大数据改革，用好大数据。');
    expect(hits.map((h) => [h.canonical, h.start])).toEqual([
      ['专业+机制+大数据', 2],
      ['大数据', 16],
    ]);
  });

  it('does not find a slogan that cuts through words (护游 in 保护|游客)', () => {
    expect(brief('保护游客安全')).toEqual([]);
    expect(brief('“护游”专项行动')).toEqual(['护游/lexicon/q']);
  });
});

describe('noise a reader does not count as a different slogan', () => {
  it('a space inside', () => {
    expect(extract('坚持枫桥 经验')).toMatchObject([{ canonical: '枫桥经验', surface: '枫桥 经验' }]);
  });

  it('full-width ＋ and spaces around +', () => {
    expect(extract('推进专业＋机制＋大数据')).toMatchObject([{ canonical: '专业+机制+大数据', surface: '专业＋机制＋大数据' }]);
    expect(extract('推进专业 + 机制 + 大数据')).toMatchObject([{ canonical: '专业+机制+大数据', surface: '专业 + 机制 + 大数据' }]);
  });

  it('a comma for 、 and a short bracketed aside', () => {
    expect(brief('市县主战，派出所主防')).toEqual(['市县主战、派出所主防/lexicon']);
    expect(extract('实施“一村（格）一警”全覆盖')).toMatchObject([{ canonical: '一村一警', surface: '一村（格）一警', quoted: true }]);
  });

  it('every quote style, the same slogan each time', () => {
    for (const quoted of ['“枫桥经验”', '"枫桥经验"', '「枫桥经验」', '『枫桥经验』', '‘枫桥经验’']) {
      expect(brief(`坚持${quoted}。`)).toEqual(['枫桥经验/lexicon/q']);
    }
  });

  it('a page break repaired by normalise(), located on the original lines', () => {
    const original = '全会指出，改革要更加注重系统集成，突出重点，注重实效。要持续推进“专业+机制+大\n\n数据”警务模式改革。';
    const { text, origin } = normalise(original);
    const hits = extractSlogans(text, cut(text), LEXICON);
    expect(hits.map((h) => `${h.canonical}/${h.quoted}`)).toEqual(['专业+机制+大数据/true']);
    expect(origin.locate(hits[0].start)).toEqual({ line: 1, column: 34 });
    expect(origin.locate(hits[0].end - 1)).toEqual({ line: 3, column: 2 });
  });
});

describe('quoted formulations', () => {
  it('a quoted phrase outside the lexicon counts as itself', () => {
    expect(extract('落实“思想引领，学习在先”机制')).toEqual([
      { canonical: '思想引领，学习在先', surface: '思想引领，学习在先', start: 3, end: 12, quoted: true, kind: 'quoted' },
    ]);
  });

  it('a quoted sentence, a lone sign and an overlong quotation are not formulations', () => {
    expect(brief('强调：“维护社会稳定，是人民警察的职责。”')).toEqual([]);
    expect(brief('三个“+”管理')).toEqual([]);
    expect(isQuotedFormulation('一二三四五六七八九十一二三四五六七八九十')).toBe(true);
    expect(isQuotedFormulation('一二三四五六七八九十一二三四五六七八九十一')).toBe(false);
    expect(isQuotedFormulation('专')).toBe(false);
  });

  it('a date or a number in quotes is no formulation: it needs a letter', () => {
    expect(brief('全力应对“23·7”极端强降雨，拨打“12320”')).toEqual([]);
    expect(isQuotedFormulation('1+N')).toBe(true);
    expect(isQuotedFormulation('十四五')).toBe(true);
  });

  it('a quoted enumeration of short parallel parts may pass 20 characters; reported speech may not', () => {
    // 6 + 6 + 7 characters in three parts: 21 with the two 、
    expect(isQuotedFormulation('一年基本恢复、三年全面提升、长远高质量发展')).toBe(true);
    expect(brief('按照“一年基本恢复、三年全面提升、长远高质量发展”的思路')).toEqual(['一年基本恢复、三年全面提升、长远高质量发展/quoted/q']);
    // parts of 4 and 17 characters
    expect(isQuotedFormulation('我们认为，这是一个需要全社会共同面对和解决的问题')).toBe(false);
    // parts over 10 characters
    expect(isQuotedFormulation('坚持稳中求进工作总基调不动摇、坚持新发展理念不动摇')).toBe(false);
  });

  it('a quoted single word is emphasis unless the segmenter coined it outside its dictionary (tag x)', () => {
    const text = '实现“小升规”，打“老虎”';
    const tokens: Token[] = [
      { text: '实现', start: 0, end: 2, pos: 'v' },
      { text: '“', start: 2, end: 3, pos: 'x' },
      { text: '小升规', start: 3, end: 6, pos: 'x' },
      { text: '”', start: 6, end: 7, pos: 'x' },
      { text: '，', start: 7, end: 8, pos: 'x' },
      { text: '打', start: 8, end: 9, pos: 'v' },
      { text: '“', start: 9, end: 10, pos: 'x' },
      { text: '老虎', start: 10, end: 12, pos: 'n' },
      { text: '”', start: 12, end: 13, pos: 'x' },
    ];
    expect(extractSlogans(text, tokens, LEXICON).map((h) => `${h.canonical}/${h.singleWord === true}`)).toEqual(['小升规/false', '老虎/true']);
  });

  it('a longer quotation is kept beside the slogan inside it, which is not itself quoted', () => {
    expect(brief('“坚持和发展新时代枫桥经验”')).toEqual(['坚持和发展新时代枫桥经验/quoted/q', '枫桥经验/lexicon']);
  });

  it('ASCII quotes pair up left to right', () => {
    expect(brief('推行"警企恳谈"和"民呼警为"')).toEqual(['警企恳谈/quoted/q', '民呼警为/quoted/q']);
  });
});

describe('numbered formulas', () => {
  it('number + classifier + head, the head from the tokens', () => {
    expect(brief('做到三个务必')).toEqual(['三个务必/numbered']);
    expect(brief('维护五大安全')).toEqual(['五大安全/numbered']);
    expect(brief('坚持四项基本原则')).toEqual(['四项基本原则/numbered']);
  });

  it('a lexicon entry wins over the pattern', () => {
    expect(brief('增强四个意识')).toEqual(['四个意识/lexicon']);
  });

  it('the same span in quotes is one hit, numbered and quoted', () => {
    expect(brief('做到“三个务必”')).toEqual(['三个务必/numbered/q']);
    expect(brief('推进“四化”')).toEqual(['四化/numbered/q']);
  });

  it('counts, list heads, 一 and party congresses are not formulas', () => {
    expect(brief('从三个方面入手')).toEqual([]);
    expect(brief('两个月')).toEqual([]);
    expect(brief('一是强化，二是推进。一、落实')).toEqual([]);
    expect(brief('一个中心')).toEqual([]);
    expect(brief('九大路线')).toEqual([]);
  });
});

describe('formulas with +', () => {
  it('numbers and letters, ending at the words beside the +', () => {
    expect(brief('健全1+9+N大监督格局')).toEqual(['1+9+N/formula']);
    expect(brief('落实党建+业务融合')).toEqual(['党建+业务/formula']);
  });

  it('full-width ＋ becomes + in the reported form', () => {
    expect(extract('四所一庭一中心＋N联动')).toMatchObject([{ canonical: '四所一庭一中心+N', surface: '四所一庭一中心＋N', kind: 'formula' }]);
  });

  it('a sum of bare numbers is not a formula', () => {
    expect(brief('3+5')).toEqual([]);
  });

  it('a one-character Han operand is not one (a web page\'s font-size buttons), a letter placeholder is', () => {
    expect(brief('字号：A+大 A+中。')).toEqual([]);
    expect(brief('推行党建+N。')).toEqual(['党建+N/formula']);
  });
});
