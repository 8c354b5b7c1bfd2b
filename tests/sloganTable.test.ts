import { THEMES } from '../src/lexicon/lexicon.js';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { collectSlogans } from '../src/slogans/collectSlogans.js';
import type { LexiconEntry } from '../src/lexicon/lexicon.js';
import { wholeTable } from '../src/resultTable.js';
import { discoverTable, sloganTable } from '../src/slogans/sloganTable.js';
import { sloganUses } from '../src/slogans/sloganUses.js';
import { themeTable } from '../src/slogans/themeTable.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

const entry = (canonical: string, theme: string): LexiconEntry => ({ canonical, variants: [], theme, expansion: [], note: '' });
const lexicon = [entry('枫桥经验', '基层治理'), entry('专业+机制+大数据', '改革创新'), entry('大数据', '科技信息化'), entry('四个意识', '政治建警')];

// spaceSegmenter cuts at spaces, so every count below can be checked by eye. Word tokens (holding a letter or digit):
// A: 坚持 枫桥经验 推进 “专业+机制+大数据” 改革 用好 大数据 = 7; B: 发展 “枫桥经验” 枫桥 经验 增强 四个意识 = 6;
// C: 做到 “思想引领，学习在先” = 2. With --by city, 甲 = A = 7 tokens, 乙 = B + C = 8 tokens.
const docs = [
  fakeDoc('A', { city: '甲' }, '坚持 枫桥经验 。 推进 “专业+机制+大数据” 改革 ， 用好 大数据 。'),
  fakeDoc('B', { city: '乙' }, '发展 “枫桥经验” ，\n枫桥 经验 ！ 增强 四个意识 。'),
  fakeDoc('C', { city: '乙' }, '做到 “思想引领，学习在先” 。'),
];
const byCity = () => collectSlogans(docs, spaceSegmenter, { field: 'city', lexicon });

describe('collectSlogans', () => {
  it('counts word tokens per group and first uses', () => {
    const counts = byCity();
    expect(counts.groups).toEqual(['甲', '乙']);
    expect(counts.tokens).toEqual([7, 8]);
    expect(counts.slogans.get('枫桥经验')!.first).toEqual({ doc: 'A', line: 1, column: 4 });
  });

  it('leaves out documents without the field', () => {
    const counts = collectSlogans([...docs, fakeDoc('D', {}, '枫桥经验')], spaceSegmenter, { field: 'city', lexicon });
    expect(counts.leftOut.map((d) => d.id)).toEqual(['D']);
    expect(counts.slogans.get('枫桥经验')!.docs).toBe(2);
  });
});

describe('sloganTable', () => {
  it('one row per canonical formulation with counts per group, docs, quoted, theme, variants, kind, first', () => {
    const table = sloganTable(byCity());
    expect(table.columns).toEqual(['term', 'total', '甲', '乙', 'docs', 'quoted', 'theme', 'variants', 'kind', 'first']);
    expect(table.rows[0]).toEqual({
      term: '枫桥经验',
      total: 3,
      甲: 1,
      乙: 2,
      docs: 2,
      quoted: 1,
      theme: '基层治理',
      variants: '枫桥 经验',
      kind: 'lexicon',
      first: 'A:1',
    });
    // 大数据 inside 专业+机制+大数据 is not counted again: once, on its own after 用好.
    expect(table.rows.find((r) => r.term === '大数据')).toMatchObject({ total: 1, quoted: 0 });
    expect(table.rows.find((r) => r.term === '思想引领，学习在先')).toMatchObject({ 乙: 1, theme: '', kind: 'quoted', quoted: 1, first: 'C:1' });
    // Singletons are listed: most used first, then by docs, then by term.
    expect(table.rows.map((r) => r.term)).toEqual(['枫桥经验', '专业+机制+大数据', '四个意识', '大数据', '思想引领，学习在先']);
  });

  it('ungrouped, no group columns', () => {
    const table = sloganTable(collectSlogans(docs, spaceSegmenter, { lexicon }));
    expect(table.columns).toEqual(['term', 'total', 'docs', 'quoted', 'theme', 'variants', 'kind', 'first']);
  });

  it('filters by theme, count, documents and top', () => {
    const counts = byCity();
    expect(sloganTable(counts, { themes: ['基层治理', '政治建警'] }).rows.map((r) => r.term)).toEqual(['枫桥经验', '四个意识']);
    expect(sloganTable(counts, { minDocs: 2 }).rows.map((r) => r.term)).toEqual(['枫桥经验']);
    expect(sloganTable(counts, { minCount: 2 }).rows.map((r) => r.term)).toEqual(['枫桥经验']);
    expect(sloganTable(counts, { top: 2 }).rows.map((r) => r.term)).toEqual(['枫桥经验', '专业+机制+大数据']);
    expect(() => sloganTable(counts, { themes: ['口号'] })).toThrow(UsageError);
  });
});

describe('themeTable', () => {
  // Lexicon hits: 甲 = 枫桥经验 (基层治理), 专业+机制+大数据 (改革创新), 大数据 (科技信息化) = 3;
  // 乙 = 枫桥经验 ×2 (基层治理), 四个意识 (政治建警) = 3. The quoted 思想引领，学习在先 has no theme.
  const table = themeTable(byCity());
  const row = (theme: string) => table.rows.find((r) => r.theme === theme)!;

  it('columns per group: count, share, rate, G²', () => {
    expect(table.columns).toEqual([
      ...['theme', 'total', '甲', '甲_share', '甲_per10k', '甲_ll', '乙', '乙_share', '乙_per10k', '乙_ll'],
    ]);
    expect(table.rows.map((r) => r.theme)).toEqual([...THEMES]);
  });

  it('shares of the group’s slogan uses and rates per 10,000 tokens', () => {
    expect(row('基层治理')).toMatchObject({ total: 3, 甲: 1, 乙: 2 });
    expect(row('基层治理').甲_share).toBeCloseTo(1 / 3, 12);
    expect(row('基层治理').乙_share).toBeCloseTo(2 / 3, 12);
    expect(row('基层治理').乙_per10k).toBeCloseTo(2500, 9); // 2 · 10,000 / 8
    expect(row('执法规范')).toMatchObject({ total: 0, 甲_share: 0, 乙_share: 0 });
  });

  it('signed G² of the group against the rest', () => {
    // 基层治理 in 乙: a = 2, b = 1, c = 8, d = 7, N = 15; E1 = 8·3/15 = 1.6, E2 = 7·3/15 = 1.4
    // G² = 2[2·ln(2/1.6) + 1·ln(1/1.4)] = 2[0.4462871 − 0.3364722] = 0.2196298; + because 2/8 > 1/7
    expect(row('基层治理').乙_ll).toBeCloseTo(0.2196298, 6);
    expect(row('基层治理').甲_ll).toBeCloseTo(-0.2196298, 6);
    // 政治建警 only in 乙: a = 1, b = 0, c = 8, d = 7; E1 = 8/15; G² = 2·ln(15/8) = 1.2572173
    expect(row('政治建警').乙_ll).toBeCloseTo(1.2572173, 6);
    expect(row('政治建警').甲_ll).toBeCloseTo(-1.2572173, 6);
  });

  it('ungrouped: share of all slogan uses and one rate', () => {
    const all = themeTable(collectSlogans(docs, spaceSegmenter, { lexicon }));
    expect(all.columns).toEqual(['theme', 'total', 'share', 'per10k']);
    const grassroots = all.rows.find((r) => r.theme === '基层治理')!;
    expect(grassroots.share).toBeCloseTo(3 / 6, 12);
    expect(grassroots.per10k).toBeCloseTo(2000, 9); // 3 · 10,000 / 15
  });
});

describe('discoverTable', () => {
  // 执法 质量 three times in two documents; 严守 政治 纪律 twice in two documents, its inner bigrams never apart;
  // 警企 恳谈 twice in one document only, but always together (log-Dice 14).
  const texts = ['狠抓 执法 质量 。 狠抓 执法 质量 。 严守 政治 纪律 。', '狠抓 执法 质量 ， 严守 政治 纪律 。', '推行 警企 恳谈 ， 警企 恳谈 。 “枫桥经验”'];
  const corpus = texts.map((t, i) => fakeDoc(`d${i}`, { city: i < 2 ? '甲' : '乙' }, t));
  const counts = collectSlogans(corpus, spaceSegmenter, { field: 'city', lexicon, discover: { edgeStopwords: new Set(['狠抓', '推行']) } });

  it('recurring n-grams outside the lexicon with spread and the weakest log-Dice', () => {
    const table = wholeTable(discoverTable(counts));
    expect(table.columns).toEqual(['term', 'total', 'docs', 'groups', 'source', 'score']);
    expect(table.rows).toEqual([
      { term: '执法质量', total: 3, docs: 2, groups: 1, source: 'ngram', score: 14 },
      { term: '严守政治纪律', total: 2, docs: 2, groups: 1, source: 'ngram', score: 14 },
      { term: '警企恳谈', total: 2, docs: 1, groups: 1, source: 'ngram', score: 14 },
    ]);
  });

  it('lists pattern finds, and min-docs applies to every source', () => {
    const withQuote = collectSlogans([...corpus, fakeDoc('d3', { city: '乙' }, '“思想引领，学习在先”')], spaceSegmenter, {
      field: 'city',
      lexicon,
      discover: { edgeStopwords: new Set() },
    });
    expect(wholeTable(discoverTable(withQuote)).rows.find((r) => r.term === '思想引领，学习在先')).toMatchObject({ source: 'quoted', score: null });
    expect(wholeTable(discoverTable(counts, { minDocs: 2 })).rows.map((r) => r.term)).toEqual(['执法质量', '严守政治纪律']);
  });
});

describe('discoverTable, n-grams across groups', () => {
  it('counts every group that uses an n-gram, and names it by its folded written form (full-width letters and digits, spaces)', () => {
    const corpus = ['建设 ５Ｇ 网络 。', '建设 ５Ｇ 网络 。', '建设 ５Ｇ 网络 。'].map((t, i) => fakeDoc(`d${i}`, { city: i === 1 ? '乙' : '甲' }, t));
    const counts = collectSlogans(corpus, spaceSegmenter, { field: 'city', lexicon, discover: { edgeStopwords: new Set(['建设']) } });
    expect(wholeTable(discoverTable(counts)).rows).toEqual([{ term: '5G网络', total: 3, docs: 3, groups: 2, source: 'ngram', score: 14 }]);
  });
});

describe('sloganUses', () => {
  it('every counted use with its line, column and whether it was quoted', () => {
    const table = sloganUses(docs, spaceSegmenter, '枫桥 经验', { width: 3, lexicon });
    expect(table.columns).toEqual(['doc', 'line', 'column', 'left', 'match', 'right', 'quoted']);
    expect(table.rows).toEqual([
      { doc: 'A', line: 1, column: 4, left: '坚持 ', match: '枫桥经验', right: ' 。 ', quoted: '' },
      { doc: 'B', line: 1, column: 5, left: '展 “', match: '枫桥经验', right: '” ，', quoted: 'yes' },
      { doc: 'B', line: 2, column: 1, left: ' ， ¶ ', match: '枫桥 经验', right: ' ！ ', quoted: '' },
    ]);
  });

  it('shows 大数据 where it is counted, not inside 专业+机制+大数据', () => {
    // 坚持 枫桥经验 。 推进 “专业+机制+大数据” 改革 ， 用好 大数据: the standalone 大数据 is the 34th character.
    expect(sloganUses(docs, spaceSegmenter, '大数据', { width: 2, lexicon }).rows.map((r) => r.column)).toEqual([34]);
  });
});

describe('slogan life cycle by a numeric field', () => {
  // 2010: 枫桥经验 once in 4 tokens; 2003: twice in 10 tokens; 2007: no use. Read in that (non-time) order.
  const yearly = [
    fakeDoc('y10', { year: '2010' }, '坚持 枫桥经验 推进 改革'),
    fakeDoc('y03', { year: '2003' }, '枫桥经验 枫桥经验 一 二 三 四 五 六 七 八'),
    fakeDoc('y07', { year: '2007' }, '四个意识'),
  ];
  it('gives first_year, last_year and peak_year (highest rate, not count) in time order', () => {
    const table = sloganTable(collectSlogans(yearly, spaceSegmenter, { field: 'year', lexicon }));
    expect(table.columns.slice(-3)).toEqual(['first_year', 'last_year', 'peak_year']);
    const row = table.rows.find((r) => r.term === '枫桥经验')!;
    expect([row.first_year, row.last_year, row.peak_year]).toEqual(['2003', '2010', '2010']);
  });
  it('adds nothing for a field that is not a timeline', () => {
    expect(sloganTable(byCity()).columns).not.toContain('first_city');
  });
});
