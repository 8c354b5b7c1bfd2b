import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { lexiconSurfaceForms, loadBundledLexicon, parseLexicon, THEMES } from '../src/lexicon/lexicon.js';

const HEADER = 'canonical\tvariants\ttheme\texpansion\tnote';
const row = (...cells: string[]): string => cells.join('\t');

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('parseLexicon', () => {
  it('reads variants, theme, expansion and note', () => {
    const text = [
      HEADER,
      row('四个意识', '', '政治建警', '政治意识、大局意识、核心意识、看齐意识', ''),
      '',
      row('市县主战、派出所主防', '市县主战派出所主防', '改革创新', '', '警务改革'),
      row('黄赌毒', '毒赌黄|黄毒赌', '安全稳定', '', ''),
    ].join('\n');
    expect(parseLexicon(text, 'x.tsv')).toEqual([
      {
        canonical: '四个意识',
        variants: [],
        theme: '政治建警',
        expansion: ['政治意识', '大局意识', '核心意识', '看齐意识'],
        note: '',
        extra: {},
        at: 'x.tsv:2',
      },
      { canonical: '市县主战、派出所主防', variants: ['市县主战派出所主防'], theme: '改革创新', expansion: [], note: '警务改革', extra: {}, at: 'x.tsv:4' },
      { canonical: '黄赌毒', variants: ['毒赌黄', '黄毒赌'], theme: '安全稳定', expansion: [], note: '', extra: {}, at: 'x.tsv:5' },
    ]);
  });

  it('keeps further named columns by their header name; a row may leave trailing ones out', () => {
    const text = [
      `${HEADER}\tsource\tstatus`,
      row('黄赌毒', '毒赌黄', '安全稳定', '', '', '公安部', '毒赌黄=wrong'),
      row('两队一室', '', '基层治理', '', ''),
    ].join('\n');
    const [first, second] = parseLexicon(text, 'x.tsv');
    expect(first.extra).toEqual({ source: '公安部', status: '毒赌黄=wrong' });
    expect(second.extra).toEqual({ source: '', status: '' });
  });

  it('rejects an unnamed or twice-named extra column and a row wider than the header', () => {
    expect(errorOf(() => parseLexicon(`${HEADER}\t\n`, 'x.tsv')).message).toBe('x.tsv:1: column 6 needs a lower-case name, got ""');
    expect(errorOf(() => parseLexicon(`${HEADER}\tsource\tsource\n`, 'x.tsv')).message).toBe('x.tsv:1: column "source" is named twice');
    const wide = [`${HEADER}\tsource`, row('两队一室', '', '基层治理', '', '', 'x', 'y')].join('\n');
    expect(errorOf(() => parseLexicon(wide, 'x.tsv')).message).toBe('x.tsv:2: expected 5 to 6 tab-separated columns, got 7');
  });

  it('rejects two forms that fold to the same text (a comma for 、, full width, traditional)', () => {
    const text = [HEADER, row('市县主战、派出所主防', '市县主战，派出所主防', '改革创新', '', '')].join('\n');
    expect(errorOf(() => parseLexicon(text, 'x.tsv')).message).toBe('x.tsv:2: "市县主战，派出所主防" is already listed on line 2');
    const traditional = [HEADER, row('枫桥经验', '楓橋經驗', '基层治理', '', '')].join('\n');
    expect(errorOf(() => parseLexicon(traditional, 'x.tsv')).message).toMatch(/"楓橋經驗" is already listed/);
  });

  it('separates expansion items with ； when an item contains 、', () => {
    const text = [HEADER, row('两个确立', '', '政治建警', '甲的核心、乙的核心地位；丙的指导地位', '')].join('\n');
    expect(parseLexicon(text, 'x.tsv')[0].expansion).toEqual(['甲的核心、乙的核心地位', '丙的指导地位']);
  });

  it('rejects a wrong header on line 1', () => {
    expect(errorOf(() => parseLexicon('canonical\tvariants\n', 'x.tsv')).message).toMatch(/^x\.tsv:1: expected the header/);
  });

  it('rejects a wrong column count, naming the line', () => {
    const text = [HEADER, row('两个维护', '', '政治建警', '', ''), row('四个自信', '', '政治建警', '')].join('\n');
    expect(errorOf(() => parseLexicon(text, 'x.tsv')).message).toBe('x.tsv:3: expected 5 tab-separated columns, got 4');
  });

  it('rejects an unknown theme', () => {
    const text = [HEADER, row('枫桥经验', '', '社会管理', '', '')].join('\n');
    expect(errorOf(() => parseLexicon(text, 'x.tsv')).message).toMatch(/^x\.tsv:2: unknown theme "社会管理"/);
  });

  it('rejects an empty canonical form and forms with spaces or full-width ＋', () => {
    expect(errorOf(() => parseLexicon([HEADER, row('', '', '政治建警', '', '')].join('\n'), 'x.tsv')).message).toMatch(
      /^x\.tsv:2: empty canonical/,
    );
    const spaced = [HEADER, row('专业+机制+大数据', '专业 + 机制 + 大数据', '改革创新', '', '')].join('\n');
    expect(errorOf(() => parseLexicon(spaced, 'x.tsv')).message).toMatch(/^x\.tsv:2: .*space/);
    const fullWidth = [HEADER, row('专业＋机制＋大数据', '', '改革创新', '', '')].join('\n');
    expect(errorOf(() => parseLexicon(fullWidth, 'x.tsv')).message).toMatch(/^x\.tsv:2: /);
  });

  it('rejects a duplicate canonical and a variant that belongs to another entry', () => {
    const dupCanonical = [HEADER, row('情指行', '', '改革创新', '', ''), row('情指行', '', '改革创新', '', '')];
    expect(errorOf(() => parseLexicon(dupCanonical.join('\n'), 'x.tsv')).message).toBe(
      'x.tsv:3: "情指行" is already listed on line 2',
    );
    const variantIsCanonical = [HEADER, row('黄赌毒', '', '安全稳定', '', ''), row('毒赌黄', '黄赌毒', '安全稳定', '', '')];
    expect(errorOf(() => parseLexicon(variantIsCanonical.join('\n'), 'x.tsv')).message).toBe(
      'x.tsv:3: "黄赌毒" is already listed on line 2',
    );
    const sharedVariant = [HEADER, row('两队一室', '一室两队', '基层治理', '', ''), row('一室两队制', '一室两队', '基层治理', '', '')];
    expect(errorOf(() => parseLexicon(sharedVariant.join('\n'), 'x.tsv')).message).toMatch(/^x\.tsv:3: "一室两队"/);
  });
});

describe('lexiconSurfaceForms', () => {
  it('maps canonical forms and variants to the canonical form', () => {
    const entries = parseLexicon([HEADER, row('四个铁一般', '四个铁一般标准', '队伍建设', '', '')].join('\n'), 'x.tsv');
    expect([...lexiconSurfaceForms(entries)]).toEqual([
      ['四个铁一般', '四个铁一般'],
      ['四个铁一般标准', '四个铁一般'],
    ]);
  });
});

describe('bundled slogans.tsv', () => {
  const lexicon = loadBundledLexicon();
  const byCanonical = new Map(lexicon.map((e) => [e.canonical, e]));

  it('parses into well over a thousand slogans, read once per process', () => {
    expect(lexicon.length).toBeGreaterThan(1200);
    expect(loadBundledLexicon()).toBe(lexicon);
  });

  it('files slogans under every theme', () => {
    expect(new Set(lexicon.map((e) => e.theme))).toEqual(new Set(THEMES));
  });

  it('covers the seed feature’s formulations', () => {
    const forms = lexiconSurfaceForms(lexicon);
    const seed = [
      '两个确立', '两个维护', '四个意识', '四个自信', '五大安全', '枫桥经验', '四所一庭一中心+N', '严格、规范、公正、文明',
      '专业+机制+大数据', '市县主战、派出所主防', '两队一室', '抓基层、打基础、强落实、见实效', '大景区·花满城',
      '四个铁一般标准', '1+9+N', '情指行', '四大警务', '一标三实', '放管服', '一村一辅警', '三个规定', '两统一',
      '下先手棋、打主动仗', '九小场所', '人车枪弹酒密网', '教学研练战',
    ];
    expect(seed.filter((form) => !forms.has(form))).toEqual([]);
  });

  it('gives the public expansions of numbered slogans', () => {
    expect(byCanonical.get('四个意识')?.expansion).toEqual(['政治意识', '大局意识', '核心意识', '看齐意识']);
    expect(byCanonical.get('四个铁一般')?.expansion).toEqual([
      '铁一般理想信念', '铁一般责任担当', '铁一般过硬本领', '铁一般纪律作风',
    ]);
    expect(byCanonical.get('放管服')?.expansion).toEqual(['简政放权', '放管结合', '优化服务']);
    expect(byCanonical.get('两个确立')?.expansion).toHaveLength(2);
    expect(byCanonical.get('两个维护')?.expansion).toHaveLength(2);
    expect(byCanonical.get('三个规定')?.expansion).toHaveLength(3);
  });
});
