import { describe, expect, it } from 'vitest';
import { fakeDoc } from './helpers.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { collectSlogans, corpusQuotedForms, quotedFormulaOperands, type SloganCounts } from '../src/slogans/collectSlogans.js';
import { wholeTable } from '../src/resultTable.js';
import { discoverTable, sloganTable } from '../src/slogans/sloganTable.js';
import { corpusNamedForms } from '../src/slogans/corpusNamed.js';

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
    const discovered = wholeTable(discoverTable(counts)).rows.map((r) => r.term);
    expect(discovered).toEqual(expect.arrayContaining(['老虎', '苍蝇']));
  });

  it('keeps a quoted word that the segmenter coined outside its dictionary (“小升规”, “规改股”)', () => {
    const text = fakeDoc('d', {}, '对实现“小升规”“规改股”的企业给予奖励，既打“老虎”。\n');
    const table = new Map(sloganTable(collectSlogans([text], segmenter)).rows.map((r) => [r.term as string, r]));
    expect(table.get('小升规')).toMatchObject({ total: 1, quoted: 1 });
    expect(table.get('规改股')).toMatchObject({ total: 1, quoted: 1 });
    expect(table.has('老虎')).toBe(false);
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
  it('drops a lexicon slogan never used without a qualifier of a longer one (基本, …性); not behind a verb, nor used alone too', () => {
    const made = (entries: Array<[string, number]>): SloganCounts => ({
      groups: ['all'],
      tokens: [100],
      slogans: new Map(entries.map(([c, n]) => [c, stats(c, 'lexicon', n)])),
    });
    const terms = (entries: Array<[string, number]>) => sloganTable(made(entries)).rows.map((r) => r.term);
    expect(terms([['保障性安居工程', 7], ['安居工程', 7], ['基本公共服务均等化', 2], ['公共服务均等化', 2]])).toEqual(['保障性安居工程', '基本公共服务均等化']);
    // used once on its own: 8 uses against 7 of the longer one
    expect(terms([['保障性安居工程', 7], ['安居工程', 8]])).toEqual(['安居工程', '保障性安居工程']);
    // a verb or an adverb before a slogan is no part of its name
    expect(terms([['加快转变经济发展方式', 4], ['转变经济发展方式', 4], ['全面建设小康社会', 6], ['小康社会', 6]])).toEqual(['全面建设小康社会', '小康社会', '加快转变经济发展方式', '转变经济发展方式']);
  });
});

// Rules for texts nobody here has seen (issue 16 items 1–3): each on a tiny text whose answer can be counted by eye.
describe('what is no formulation although quoted, numbered or joined by +', () => {
  const table = (...texts: string[]) => {
    const ds = texts.map((text, i) => fakeDoc(`t${i}`, {}, text));
    return new Map(sloganTable(collectSlogans(ds, segmenter, { corpusQuotes: corpusQuotedForms(ds) })).rows.map((r) => [r.term as string, r]));
  };

  it('a word that a definition quotes is not counted, neither there nor at its ordinary uses', () => {
    const t = table('本办法所称“以上”“以下”“最高”“不超过”均包括本数。\n', '补贴每年不超过5万元，期限不超过3年。本法所称“公共安全事件”，是指突然发生的事件。\n');
    expect(t.has('不超过')).toBe(false);
    expect(t.has('公共安全事件')).toBe(false);
    // an explanation of a formulation is no definition
    expect(table('“山区共富”是指山区共同富裕。\n').get('山区共富')).toMatchObject({ total: 1, quoted: 1 });
    // the same quotes outside a definition stay formulations, counted at every use
    expect(table('落实“山区共富”。\n', '山区共富成效明显。\n').get('山区共富')).toMatchObject({ total: 2, quoted: 1 });
  });

  it('a quoted manner modifier (“点单式”, “一站式”) is emphasis; a noun ending in 式 is not one', () => {
    const t = table('开展“点单式”个性化服务，提供“一站式”全专结合服务，形成“广州模式”。\n');
    expect(t.has('点单式')).toBe(false);
    expect(t.has('一站式')).toBe(false);
    expect(t.get('广州模式')).toMatchObject({ total: 1, quoted: 1 });
  });

  it('a quoted word that opens with 一 is an ordinary word; other numbers open numbered labels', () => {
    const t = table('提供“一对一”服务，抓住“一把手”。推进“两重”建设，落实“八五”普法。\n');
    for (const word of ['一对一', '一把手']) expect(t.has(word)).toBe(false);
    for (const label of ['两重', '八五']) expect(t.get(label)).toMatchObject({ total: 1, quoted: 1 });
  });

  it('a number with a span of time is a count (六个月内, 五个工作日内)', () => {
    const t = table('在六个月内办结，五个工作日内答复，三个月后复查，牢固树立四个意识。\n');
    expect([...t.keys()]).toEqual(['四个意识']);
  });

  it('a + that adds amounts or sits in a calculation is no formula', () => {
    const t = table('采取“医药服务价格+上门服务费”的方式收费。\n履约率=（基本包签约人数+免费包签约人数）/抽查人数*100%\n推进互联网+签约服务，落实党建+业务融合。\n');
    expect(t.has('医药服务价格+上门服务费')).toBe(false);
    // a line that is only a formula is a table cell (an indicator's method)
    const cells = table('考核方法\n统计数据+抽查真实性。\n推进产业大脑+未来工厂建设。\n');
    expect(cells.has('统计数据+抽查真实性')).toBe(false);
    expect(cells.get('产业大脑+未来工厂')).toMatchObject({ total: 1, kind: 'formula' });
    expect([...t.values()].filter((r) => r.kind === 'formula').map((r) => r.term)).toEqual(['党建+业务']);
    // a cell of a table row as tifa's readers write it (cells split by tabs)
    const row = table('签约率\t统计数据+抽查真实性。\t每年\n推进产业大脑+未来工厂建设。\n');
    expect(row.has('统计数据+抽查真实性')).toBe(false);
    expect(row.get('产业大脑+未来工厂')).toMatchObject({ total: 1, kind: 'formula' });
  });

  it('a quoted day is an observance (“世界家庭医生日”); a lexicon day stays a slogan', () => {
    const t = table('结合“世界家庭医生日”宣传活动，推进“山区共富”行动，设立“爱企日”。\n');
    expect(t.has('世界家庭医生日')).toBe(false);
    expect(t.get('山区共富')).toMatchObject({ total: 1, quoted: 1 });
    expect(t.get('爱企日')).toMatchObject({ total: 1, kind: 'lexicon' });
  });

  it('a quote that takes in its verb (“符合一户一宅”) is a verb phrase; the formulation inside is still found', () => {
    const t = table('提交“符合一户一宅”的证明，落实一户一宅。推进“山区共富”行动。\n');
    expect(t.has('符合一户一宅')).toBe(false);
    expect(t.get('一户一宅')).toMatchObject({ total: 2 });
    expect(t.get('山区共富')).toMatchObject({ total: 1, quoted: 1 });
  });

  it('a number that counts the quoted items before it is a count, not a formula; one that names a pair of plain items is', () => {
    const t = table('实现“小升规”“规改股”“股上市”三个梯度发展目标，把好土地、信贷两个闸门。\n');
    expect(t.has('三个梯度')).toBe(false);
    expect(t.has('三个梯度发展目标')).toBe(false);
    for (const item of ['小升规', '规改股', '股上市']) expect(t.get(item)).toMatchObject({ total: 1, quoted: 1 });
    expect(t.get('两个闸门')).toMatchObject({ total: 1, kind: 'numbered' });
  });
});

describe('paired numbers (一村一品, 三去一降): a numbered formulation without a classifier', () => {
  it('counts each use; not counts, doublings, idioms, names or list heads', () => {
    const doc = fakeDoc('p', {}, '推进一村一品，抓好三去一降和一老一小，再抓一村一品。一步一步走，两年一度，不遗一兵一卒，四川三大，三是一些地方。\n');
    // without the lexicon (it holds 一老一小 and 三去一降): the rule alone
    const rows = sloganTable(collectSlogans([doc], segmenter, { lexicon: [] })).rows.map((r) => [r.term, r.total, r.kind]);
    expect(rows).toEqual([
      ['一村一品', 2, 'numbered'],
      ['一老一小', 1, 'numbered'],
      ['三去一降', 1, 'numbered'],
    ]);
  });

  it('not a word of another kind that opens with a number (一般|四级, 两岸|双向), nor a count of regions', () => {
    const doc = fakeDoc('q', {}, '分为特别重大、重大、较大和一般四级。推进两岸双向交流，支持两个特别行政区发展。实行一户一宅。\n');
    const terms = sloganTable(collectSlogans([doc], segmenter, { lexicon: [] })).rows.map((r) => r.term);
    expect(terms).toEqual(['一户一宅']);
  });
});

describe('local formulations: a place programme word and a place name (平安北京, 健康广州)', () => {
  it('counts each use; not a word tagged a place that names none (智慧城市), nor a place alone', () => {
    const doc = fakeDoc('l', {}, '建设平安北京和健康广州，深化平安北京建设，推进智慧城市，北京平安。\n');
    const rows = sloganTable(collectSlogans([doc], segmenter, { lexicon: [] })).rows.map((r) => [r.term, r.total, r.kind]);
    expect(rows).toEqual([
      ['平安北京', 2, 'local'],
      ['健康广州', 1, 'local'],
    ]);
  });
});

describe('parts of long lexicon entries used on their own (为人民服务 of 为人民服务、为社会主义服务)', () => {
  const entry = (canonical: string, theme = '文化建设') => ({ canonical, variants: [], theme, expansion: [], note: '', extra: {} });
  const lexicon = [entry('为人民服务、为社会主义服务'), entry('改革开放', '改革开放'), entry('改革开放和社会主义现代化建设', '改革开放'), entry('党风廉政建设', '党的建设'), entry('党风廉政建设和反腐败斗争', '党的建设')];
  const rows = (text: string) => sloganTable(collectSlogans([fakeDoc('e', {}, text)], segmenter, { lexicon })).rows.map((r) => [r.term, r.total, r.kind, r.theme]);

  it('counts a part where the text uses it alone and twice in all, the whole entry included, with the entry’s theme', () => {
    expect(rows('坚持为人民服务、为社会主义服务的方向。党员要为人民服务。坚持改革开放和社会主义现代化建设，搞好社会主义现代化建设。\n')).toEqual([
      ['为人民服务', 2, 'lexicon', '文化建设'],
      ['社会主义现代化建设', 2, 'lexicon', '改革开放'],
      ['为人民服务、为社会主义服务', 1, 'lexicon', '文化建设'],
      ['改革开放', 1, 'lexicon', '改革开放'],
      ['改革开放和社会主义现代化建设', 1, 'lexicon', '改革开放'],
    ]);
  });

  it('not a part met once, nor one used only inside its entry (为社会主义服务 above), nor a short list item', () => {
    const found = rows('党员要为人民服务。加强党风廉政建设和反腐败斗争。\n').map((r) => r[0]);
    // 为人民服务 once; 反腐败斗争 only inside its entry
    expect(found).toEqual(['党风廉政建设', '党风廉政建设和反腐败斗争']);
  });
});

describe('recurring phrases of formulation shape (kind recurring), decided per document', () => {
  const entry = (canonical: string) => ({ canonical, variants: [], theme: '国防军队', expansion: [], note: '', extra: {} });
  // The lexicon gives the vocabulary (国防, 军队, 革命化 …) and the slogans a phrase may extend (京津冀协同发展, 平安中国).
  const lexicon = [
    ...['国防和军队现代化', '京津冀协同发展', '平安中国', '廉政建设', '反腐败斗争', '东西部协作', '对口支援', '分级管理、统一指挥'].map(entry),
    ...['人民民主专政', '改革开放'].map(entry),
  ];
  const table = (...texts: string[]) => sloganTable(collectSlogans(texts.map((t, i) => fakeDoc(`r${i}`, {}, t)), segmenter, { lexicon }));
  const recurring = (...texts: string[]) => table(...texts).rows.filter((r) => r.kind === 'recurring').map((r) => [r.term, r.total, r.docs]);

  it('X和Y + head, repeated in one document', () => {
    expect(recurring('加强国防和军队建设。国防和军队建设取得成就。加强廉政建设和反腐败工作，做好廉政建设和反腐败工作。\n')).toEqual([
      ['国防和军队建设', 2, 1],
      ['廉政建设和反腐败工作', 2, 1],
    ]);
  });

  it('X和Y + head where Y is one verb after a noun, made a noun by the head; not two activities (管理与指挥体制)', () => {
    expect(recurring('做好东西部协作和支援合作，深化东西部协作和支援合作。建立管理与指挥体制，完善管理与指挥体制。\n')).toEqual([['东西部协作和支援合作', 2, 1]]);
  });

  it('a lexicon slogan with the same modifier of two words or more before it (…的人民民主专政), not a one-word possessive', () => {
    const t = table('我国是工人阶级领导的、以工农联盟为基础的人民民主专政的国家。国家是工人阶级领导的、以工农联盟为基础的人民民主专政。坚持人民民主专政。坚持社会主义的改革开放，社会主义的改革开放。\n');
    const rows = new Map(t.rows.map((r) => [r.term as string, r]));
    expect(rows.get('工人阶级领导的、以工农联盟为基础的人民民主专政')).toMatchObject({ total: 2, kind: 'recurring' });
    expect(rows.get('人民民主专政')).toMatchObject({ total: 3, kind: 'lexicon' });
    expect(rows.has('社会主义的改革开放')).toBe(false);
    expect(rows.get('改革开放')).toMatchObject({ total: 2 });
  });

  it('a lexicon slogan and a naming head (战略), not an activity head (建设): 平安中国建设 is 平安中国 at work', () => {
    const t = table('服务京津冀协同发展战略。京津冀协同发展战略成效明显。推进平安中国建设，深化平安中国建设。\n');
    const rows = new Map(t.rows.map((r) => [r.term as string, r]));
    expect(rows.get('京津冀协同发展战略')).toMatchObject({ total: 2, kind: 'recurring' });
    // the slogan inside is a use of it too
    expect(rows.get('京津冀协同发展')).toMatchObject({ total: 2, kind: 'lexicon' });
    expect(rows.has('平安中国建设')).toBe(false);
    expect(rows.get('平安中国')).toMatchObject({ total: 2 });
  });

  it('not once, not across documents, not plain phrases: sector nouns, words outside the vocabulary, a single noun and a head', () => {
    expect(recurring('加强国防和军队建设。\n', '国防和军队建设取得成就。\n')).toEqual([]);
    expect(recurring('国民经济和社会发展计划。国民经济和社会发展规划。全科和专科建设，全科和专科建设。信息化建设，信息化建设。\n')).toEqual([]);
  });

  it('ranks after the finds of the lexicon or a pattern used as often', () => {
    const terms = table('加强国防和军队建设。国防和军队建设。推进平安中国，建设平安中国。\n').rows.map((r) => r.term);
    expect(terms).toEqual(['平安中国', '国防和军队建设']);
  });
});

describe('forms the wording names as formulations (kind named), once or more per document', () => {
  const entry = (canonical: string) => ({ canonical, variants: [], theme: '民主法治', expansion: [], note: '', extra: {} });
  const lexicon = ['百花齐放、百家争鸣', '改革开放'].map(entry);
  const table = (...texts: string[]) => sloganTable(collectSlogans(texts.map((t, i) => fakeDoc(`n${i}`, {}, t)), segmenter, { lexicon }));
  const named = (...texts: string[]) => table(...texts).rows.filter((r) => r.kind === 'named').map((r) => [r.term, r.total]);

  it('an enumeration of parallel items closed by 的 and a principle head, counted at every use of its items', () => {
    expect(named('遵循公正、公平、便民的原则。坚持公正、公平、便民，构建集中统一、权威高效的监察体制。执行调整、改革、整顿、提高的方针。\n')).toEqual([
      ['公正、公平、便民', 2],
      ['调整、改革、整顿、提高', 1],
      ['集中统一、权威高效', 1],
    ]);
  });

  it('not amounts, places, listed things, modified phrases, two short items, nor a head that names no principle', () => {
    const text = '亩产四百斤、五百斤、八百斤的要求。建设西北、华北、东北地区的防护林体系。完善与党政机关、事业单位的工资制度。' +
      '形成民主讨论的政治氛围、民主监督的制度环境。采取坚决、审慎的方针。推进收集、存储、使用的数据管理。\n';
    expect(named(text)).toEqual([]);
  });

  it('a strategy a verb puts to work by name; not a category, a locative phrase, a plain name or 战略 as a modifier', () => {
    expect(named('国家实施大数据战略，制定并不断完善网络安全战略。大数据战略成效明显。实施国家重大战略，实施人才战略，实施新形势下军事战略，推进战略布局。\n')).toEqual([
      ['大数据战略', 2],
      ['网络安全战略', 1],
    ]);
  });

  it('a lexicon slogan is no named form of its own, and a named row ranks after a lexicon slogan used as often', () => {
    const t = table('贯彻百花齐放、百家争鸣的方针。坚持改革开放，遵循积极利用、科学发展、依法管理、确保安全的方针。\n');
    expect(t.rows.map((r) => [r.term, r.kind])).toEqual([
      ['改革开放', 'lexicon'],
      ['百花齐放、百家争鸣', 'lexicon'],
      ['积极利用、科学发展、依法管理、确保安全', 'named'],
    ]);
  });
});

describe('two lexicon slogans written as one (kind recurring), decided per document', () => {
  const entry = (canonical: string) => ({ canonical, variants: [], theme: '民生保障', expansion: [], note: '', extra: {} });
  const lexicon = ['家庭医生签约服务', '高质量发展', '乡村振兴'].map(entry);
  const table = (...texts: string[]) => sloganTable(collectSlogans(texts.map((t, i) => fakeDoc(`p${i}`, {}, t)), segmenter, { lexicon }));

  it('the pair used together twice is a formulation, each slogan still a use of its own', () => {
    const rows = new Map(table('推动家庭医生签约服务高质量发展。家庭医生签约服务高质量发展取得成效，推动高质量发展。\n').rows.map((r) => [r.term as string, r]));
    expect(rows.get('家庭医生签约服务高质量发展')).toMatchObject({ total: 2, kind: 'recurring' });
    expect(rows.get('高质量发展')).toMatchObject({ total: 3, kind: 'lexicon' });
    expect(rows.get('家庭医生签约服务')).toMatchObject({ total: 2, kind: 'lexicon' });
  });

  it('not once, not across documents, not with a word or mark between them', () => {
    const recurring = (...texts: string[]) => table(...texts).rows.filter((r) => r.kind === 'recurring').map((r) => r.term);
    expect(recurring('推动家庭医生签约服务高质量发展。\n', '家庭医生签约服务高质量发展。\n')).toEqual([]);
    expect(recurring('乡村振兴和高质量发展。乡村振兴和高质量发展。乡村振兴、高质量发展，乡村振兴、高质量发展。\n')).toEqual([]);
  });
});

describe('principles of combination, A与B相结合 (kind named)', () => {
  const table = (text: string) => sloganTable(collectSlogans([fakeDoc('c', {}, text)], segmenter, { lexicon: [] }));
  const named = (text: string) => table(text).rows.filter((r) => r.kind === 'named').map((r) => [r.term, r.total]);

  it('after a verb that states it or opening its clause, closing it or before 的原则; 并重 and 并举 alike', () => {
    expect(named('坚持教育与处罚相结合的原则。权责对等；惩戒与教育相结合，宽严相济。国家坚持网络安全与信息化发展并重。\n')).toEqual([
      ['惩戒与教育相结合', 1],
      ['教育与处罚相结合', 1],
      ['网络安全与信息化发展并重', 1],
    ]);
  });

  it('not a sentence about combining, nor a side cut from a list, nor one carried on by other words', () => {
    expect(named('这有助于理论和实际相结合，必须同中国具体实际相结合。坚持国家、集体和个人利益相结合的原则。坚持教育与处罚相结合起来工作。产业政策要发展和安全并举。\n')).toEqual([]);
  });
});

describe('web page chrome and interface names are no formulations', () => {
  const terms = (text: string) => sloganTable(collectSlogans([fakeDoc('w', {}, text)], segmenter, { lexicon: [] })).rows.map((r) => r.term);

  it('not a quoted app, account or button, nor anything on a credits line, nor a place brand alone on a link line', () => {
    const text = '关注“穗好办”公众号，下载“粤省事”APP，点击“我要预约”。推进“山区共富”。\n文明天河 -->\n版权所有：“天河发布” 三大平台\n建设健康广州，共建健康广州。\n';
    expect(terms(text).sort()).toEqual(['健康广州', '山区共富'].sort());
  });

  it('a numbered count of conditions, channels or indicators is no formula', () => {
    expect(terms('有下列三种情形之一的，通过两个渠道报送。符合三个条件之一的，可以申领。两个指标作些说明。落实四个意识。\n')).toEqual(['四个意识']);
  });

  it('an app named with 微信/手机 before its kind, a button chosen, and that name at its other uses on the page', () => {
    const text = '登录“粤居码”微信小程序，选择“添加成员”，点击“亮证”按钮，即可完成“亮证”。使用“粤居码”申领。推进“山区共富”。\n';
    expect(terms(text)).toEqual(['山区共富']);
    // a formulation quoted on the same page as an app is still one; the app's name is not
    expect(terms('推进“山区共富”行动，下载“浙里办”APP。\n')).toEqual(['山区共富']);
  });

  it('a quote holding a colon is a label and its value (a copyright notice’s “文章类型：原创”); commas and 、 are not', () => {
    expect(terms('凡注明“文章类型：原创”的作品，转载时须注明“文章来源：某某网站”。落实“思想引领，学习在先”。\n')).toEqual(['思想引领，学习在先']);
  });
});

describe('the operands of a quoted + formula (quotedFormulaOperands), counted at every use as the quote is', () => {
  const table = (...texts: string[]) => {
    const ds = texts.map((text, i) => fakeDoc(`q${i}`, {}, text));
    return new Map(sloganTable(collectSlogans(ds, segmenter, { lexicon: [], corpusQuotes: corpusQuotedForms(ds, []) })).rows.map((r) => [r.term as string, r]));
  };

  it('an operand of several words used alone in any document; the formula stays one use of its own', () => {
    const t = table('推行“材料后补+承诺制”。\n', '实行材料后补，材料后补事项办结。\n');
    expect(t.get('材料后补')).toMatchObject({ total: 2, docs: 1, quoted: 0 });
    expect(t.get('材料后补+承诺制')).toMatchObject({ total: 1, quoted: 1 });
  });

  it('not an operand that is one word (互联网, 承诺制), two characters, a placeholder or a number', () => {
    const t = table('推进“互联网+政务服务”，落实“1+9+N”和“党建+业务”。发展互联网，实行承诺制，抓好党建。\n');
    for (const word of ['互联网', '承诺制', '党建', 'N']) expect(t.has(word)).toBe(false);
    expect(quotedFormulaOperands('1+9+N')).toEqual([]);
    expect(quotedFormulaOperands('党建+业务')).toEqual([]);
    expect(quotedFormulaOperands('容缺审批＋承诺制')).toEqual(['容缺审批', '承诺制']);
  });
});

describe('numbered programmes: the head runs to a programme word (工程, 规划, 计划 …)', () => {
  const terms = (text: string) => sloganTable(collectSlogans([fakeDoc('g', {}, text)], segmenter, { lexicon: [] })).rows.map((r) => [r.term, r.total]);

  it('over a verb right before the programme word, and 十大 before one counts programmes, not a congress', () => {
    expect(terms('启动十大重点节能工程，加快十大重点节能工程实施。启动十大产业振兴规划。党的十大召开，九大以后，九大路线。\n')).toEqual([
      ['十大重点节能工程', 2],
      ['十大产业振兴规划', 1],
    ]);
  });

  it('not over a verb that starts the predicate (三项措施|推进|重点工程)', () => {
    expect(terms('实施三项措施推进重点工程。\n')).toEqual([['三项措施', 1]]);
  });
});

describe('fixed enumerations a document repeats without a head (kind recurring)', () => {
  const entry = (canonical: string) => ({ canonical, variants: [], theme: '经济建设', expansion: [], note: '', extra: {} });
  // The lexicon gives the vocabulary one item at least must be of.
  const lexicon = ['新型工业化', '发展不平衡', '规范化建设', '北京市'].map(entry);
  const recurring = (...texts: string[]) =>
    sloganTable(collectSlogans(texts.map((t, i) => fakeDoc(`e${i}`, {}, t)), segmenter, { lexicon })).rows.filter((r) => r.kind === 'recurring').map((r) => [r.term, r.total]);

  it('three items or more sharing a first or last character, written the same way twice', () => {
    expect(recurring('推动工业化、城镇化和农业现代化协调发展。工业化、城镇化和农业现代化快速推进。克服不平衡、不协调、不可持续，解决不平衡、不协调、不可持续。\n')).toEqual([
      ['不平衡、不协调、不可持续', 2],
      ['工业化、城镇化和农业现代化', 2],
    ]);
  });

  it('not once nor across documents, not members of a class, places, an attribute of a noun, nor items outside the vocabulary', () => {
    expect(recurring('推动工业化、城镇化和农业现代化协调发展。\n', '工业化、城镇化和农业现代化快速推进。\n')).toEqual([]);
    const text = '告知控告人、检举人、证人，保护控告人、检举人、证人。北京市、上海市、天津市，北京市、上海市、天津市。' +
      '构建规范化、垂直化、同质化医疗机构，推进规范化、垂直化、同质化医疗机构。爆炸性、毒害性、放射性，爆炸性、毒害性、放射性。\n';
    expect(recurring(text)).toEqual([]);
  });
});

describe('principles written as lists of four-character phrases (kind named)', () => {
  const named = (text: string) => sloganTable(collectSlogans([fakeDoc('s', {}, text)], segmenter, { lexicon: [] })).rows.filter((r) => r.kind === 'named').map((r) => [r.term, r.total]);

  it('after a verb that states a principle, one phrase weighing or joining (…为主, …结合, 寓…于…), one separator throughout', () => {
    expect(named('禁毒工作实行预防为主，综合治理，禁种、禁制的方针。坚持军民结合、寓军于民，走发展路子。\n')).toEqual([
      ['军民结合、寓军于民', 1],
      ['预防为主，综合治理', 1],
    ]);
  });

  it('not without a stating verb, nor a single phrase, nor an adverb or a verb phrase (相互结合, 注重统筹兼顾)', () => {
    expect(named('以预防为主，优化流程。坚持预防为主，压紧压实安全生产责任。坚持以人为本，注重统筹兼顾。坚持相互结合、紧密配合。\n')).toEqual([]);
  });
});

describe('named forms counted corpus-wide (corpusNamedForms), as quoted ones are', () => {
  const docs = [fakeDoc('a', {}, '禁毒工作实行预防为主，综合治理的方针。国家实施网络可信身份战略。\n'), fakeDoc('b', {}, '网络可信身份战略成效明显。坚持综合治理。\n')];
  const rows = (options: { corpusNamed?: ReadonlySet<string> }) =>
    new Map(sloganTable(collectSlogans(docs, segmenter, { lexicon: [], ...options })).rows.map((r) => [r.term as string, r]));

  it('a form named in one document is counted at its uses in the others, kind named', () => {
    const named = corpusNamedForms(docs, segmenter, []);
    expect([...named].sort()).toEqual(['网络可信身份战略', '预防为主，综合治理'].sort());
    expect(rows({ corpusNamed: named }).get('网络可信身份战略')).toMatchObject({ total: 2, docs: 2, kind: 'named' });
  });

  it('without the corpus pass only where it is named; a part of a named form (综合治理) is no use of it', () => {
    expect(rows({}).get('网络可信身份战略')).toMatchObject({ total: 1, docs: 1 });
    const t = rows({ corpusNamed: corpusNamedForms(docs, segmenter, []) });
    expect(t.get('预防为主，综合治理')).toMatchObject({ total: 1, docs: 1 });
    expect(t.has('综合治理')).toBe(false);
  });
});
