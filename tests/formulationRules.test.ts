import { describe, expect, it } from 'vitest';
import { fakeDoc } from './helpers.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { collectSlogans, corpusQuotedForms, type SloganCounts } from '../src/slogans/collectSlogans.js';
import { discoverTable, sloganTable } from '../src/slogans/sloganTable.js';

// Three tiny texts whose formulations can be counted by eye; issue 16's rules, one per test.
const TEXTS: Record<string, string> = {
  a: '各地推进“山区共富”行动，坚持三个区分开来。\n',
  b: '山区共富成效明显，要让山区共富更进一步。既打“老虎”，又拍“苍蝇”。落实“三个区分开来”。\n',
  c: '加快建设三大科创高地，突出五大工作导向，向第二个百年奋斗目标进军。推进产业大脑＋未来工厂建设，落实党建+业务融合。加强党风廉政建设和反腐败斗争。\n',
};
const docs = Object.entries(TEXTS).map(([id, text]) => fakeDoc(id, {}, text));
const segmenter = createSegmenter();
const counts = collectSlogans(docs, segmenter, { corpusQuotes: corpusQuotedForms(docs) });
const rows = new Map(sloganTable(counts).rows.map((r) => [r.term as string, r]));

describe('counting that follows the corpus (issue 16)', () => {
  it('counts a formulation quoted once anywhere at every use; quoted keeps counting the quoted uses', () => {
    // “山区共富” is quoted once in a and used twice unquoted in b
    expect(rows.get('山区共富')).toMatchObject({ total: 3, docs: 2, quoted: 1, kind: 'quoted' });
  });

  it('without the corpus pass counts it only where it is quoted', () => {
    const alone = collectSlogans(docs, segmenter);
    expect(sloganTable(alone).rows.find((r) => r.term === '山区共富')).toMatchObject({ total: 1, quoted: 1 });
  });

  it('leaves single words in quotes (metaphors, emphasis) out of the table and lists them for discovery', () => {
    expect(rows.has('老虎')).toBe(false);
    expect(rows.has('苍蝇')).toBe(false);
    const discovered = discoverTable(counts).rows.map((r) => r.term);
    expect(discovered).toEqual(expect.arrayContaining(['老虎', '苍蝇']));
  });

  it('takes the whole head of a numbered formula and ordinals with 个', () => {
    expect(rows.get('三大科创高地')).toMatchObject({ total: 1, kind: 'numbered' });
    expect(rows.get('五大工作导向')).toMatchObject({ total: 1, kind: 'numbered' });
    expect(rows.has('三大科创')).toBe(false);
    expect(rows.get('第二个百年奋斗目标')).toMatchObject({ total: 1 });
  });

  it('takes whole noun operands of a + formula, never a verb', () => {
    expect(rows.get('产业大脑+未来工厂')).toMatchObject({ total: 1, kind: 'formula' });
    expect(rows.get('党建+业务')).toMatchObject({ total: 1, kind: 'formula' });
  });

  it('counts the slogans a longer one is made of, beside the longer one', () => {
    expect(rows.get('党风廉政建设和反腐败斗争')).toMatchObject({ total: 1 });
    expect(rows.get('党风廉政建设')).toMatchObject({ total: 1 });
    expect(rows.get('反腐败斗争')).toMatchObject({ total: 1 });
    // 百年奋斗 sits inside 第二个百年奋斗目标 but is no part of it
    expect(rows.has('百年奋斗')).toBe(false);
  });
});

describe('cut-off finds', () => {
  const stats = (canonical: string, kind: 'lexicon' | 'numbered' | 'quoted', total: number) => ({
    canonical,
    kind,
    theme: '',
    byGroup: [total],
    docs: 1,
    quoted: 0,
    variants: new Set<string>(),
    first: { doc: 'x', line: 1, column: 1 },
    singleWord: false,
  });
  it('drops a pattern find inside a longer find used at least as often, never a lexicon slogan', () => {
    const made: SloganCounts = {
      groups: ['all'],
      tokens: [100],
      slogans: new Map([
        ['三个区分', stats('三个区分', 'numbered', 1)],
        ['三个区分开来', stats('三个区分开来', 'quoted', 2)],
        ['五大安全', stats('五大安全', 'numbered', 3)],
        ['五大安全风险', stats('五大安全风险', 'numbered', 1)],
        ['枫桥经验', stats('枫桥经验', 'lexicon', 1)],
        ['新时代枫桥经验', stats('新时代枫桥经验', 'quoted', 2)],
      ]),
    };
    expect(sloganTable(made).rows.map((r) => r.term)).toEqual(['五大安全', '三个区分开来', '新时代枫桥经验', '五大安全风险', '枫桥经验']);
  });
});
