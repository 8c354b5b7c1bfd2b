import { describe, expect, it } from 'vitest';
import { normalise } from '../src/corpus/normalise.js';
import { findPageBreakJoins } from '../src/corpus/pageBreaks.js';
import { TextBuilder } from '../src/corpus/originMap.js';
import { segmenterBreakEvidence } from '../src/segment/breakEvidence.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';

/** The segmenter's word across a break, as every reader of tifa is given it. */
const evidence = segmenterBreakEvidence(createSegmenter());

/** Where the n-th occurrence (0-based) of `needle` in the normalised text sits in the original. */
function locateIn(original: string, needle: string, nth = 0) {
  const { text, origin } = normalise(original, evidence);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  expect(at).toBeGreaterThanOrEqual(0);
  return origin.locate(at);
}

describe('TextBuilder', () => {
  it('maps copies, one-to-one replacements and deletions back to the original', () => {
    const original = '甲乙\n丙＋丁  戊';
    const { text, origin } = new TextBuilder(original)
      .copy(0, 4) // 甲乙\n丙
      .replace(4, 5, '+')
      .copy(5, 6) // 丁
      .replace(6, 8, '') // two spaces deleted
      .copy(8, 9) // 戊
      .build();
    expect(text).toBe('甲乙\n丙+丁戊');
    expect([...text].map((_, i) => origin.toOriginal(i))).toEqual([0, 1, 2, 3, 4, 5, 8]);
    expect(origin.locate(4)).toEqual({ line: 2, column: 2 });
    expect(origin.locate(6)).toEqual({ line: 2, column: 6 });
    expect(origin.toOriginal(text.length)).toBe(original.length);
  });

  it('keeps characters of a longer replacement on the last replaced character', () => {
    const { text, origin } = new TextBuilder('ab').copy(0, 1).replace(1, 2, 'XYZ').build();
    expect(text).toBe('aXYZ');
    expect([1, 2, 3].map((i) => origin.toOriginal(i))).toEqual([1, 1, 1]);
  });

  it('chains onto the map of an earlier step', () => {
    const first = new TextBuilder('一\n\n二三').copy(0, 1).replace(1, 3, '').copy(3, 5).build(); // 一二三
    const second = new TextBuilder(first.text, first.origin).copy(0, 1).replace(1, 2, '').copy(2, 3).build(); // 一三
    expect(second.text).toBe('一三');
    expect(second.origin.locate(1)).toEqual({ line: 3, column: 2 });
  });

  it('merges adjacent copies and locates far into a long line', () => {
    const long = '公'.repeat(100_000);
    const builder = new TextBuilder(long).copy(0, 50_000).copy(50_000, 100_000);
    const { origin } = builder.build();
    expect(origin.locate(99_999)).toEqual({ line: 1, column: 100_000 });
  });
});

describe('normalise: (a) page breaks inside a sentence', () => {
  it('joins `运\\n\\n行模式` and maps 行 to line 3 column 1', () => {
    const original = '坚持向改革要动力，以新型警务运\n\n行模式为牵引。\n';
    expect(normalise(original, evidence).text).toBe('坚持向改革要动力，以新型警务运行模式为牵引。\n');
    expect(locateIn(original, '行模式')).toEqual({ line: 3, column: 1 });
    expect(locateIn(original, '牵引')).toEqual({ line: 3, column: 5 });
    expect(locateIn(original, '运')).toEqual({ line: 1, column: 15 });
  });

  it('removes several blank lines and the indentation of the continuation', () => {
    const original = '坚持把政治建警摆在首位，做到初心如\n\n\n　　磐、使命如炬。';
    expect(normalise(original, evidence).text).toBe('坚持把政治建警摆在首位，做到初心如磐、使命如炬。');
    expect(locateIn(original, '磐')).toEqual({ line: 4, column: 3 });
  });

  it('joins after a closing quote that closes no sentence', () => {
    const original = '四是实施法治警务，深化刑事案件“两统一”\n\n改革，全面实行办案质量终身负责制。';
    expect(normalise(original, evidence).text).toBe('四是实施法治警务，深化刑事案件“两统一”改革，全面实行办案质量终身负责制。');
  });

  it('keeps spaced numbers from making a body line look like a title', () => {
    const original = '围绕新中国成立 75 周年等重大安保任务，必\n\n须坚定不移。';
    expect(normalise(original, evidence).text).toBe('围绕新中国成立75周年等重大安保任务，必须坚定不移。');
  });

  it('does not join a title followed by a blank line and a paragraph', () => {
    for (const title of ['奋楫前行 进而有为', '全面推进黄山公安工作现代化', '——编者', '一、关于经济体制改革', '第二，加快发展基础工业，发挥工业的主导作用']) {
      const original = `${title}\n\n党中央时隔五年再次召开全国公安工作会议。`;
      expect(normalise(original, evidence).text).toBe(original);
    }
  });

  it('does not join an author line with a name after a space', () => {
    const original = '政法委书记，市公安局局长 伍春宏\n\n党中央时隔五年再次召开全国公安工作会议。';
    expect(findPageBreakJoins(original, evidence)).toEqual([]);
  });

  it('does not join before a list head, even after an unfinished line', () => {
    for (const head of ['一、牢牢把握政治建警根本要求。', '二是实施生态警务。', '（一）强化政治忠诚。', '第一章 总则', '1、完善机制。']) {
      const original = `坚持系统观念、守正创新，着力构建新型警务运行模式\n\n${head}`;
      expect(findPageBreakJoins(original, evidence)).toEqual([]);
    }
  });

  it('does not join after a finished sentence, a quotation closed by a full stop, or a citation', () => {
    for (const previous of ['全力守护人民群众生命财产安全。', '习近平总书记强调：“公平正义是执法司法工作的生命线。”', '（《列宁全集》中文版，第二十五卷，第三百九十九页）']) {
      expect(findPageBreakJoins(`${previous}\n\n列宁领导俄国无产阶级夺取了胜利。`, evidence)).toEqual([]);
    }
  });

  it('does not join lines that are only separated by a newline', () => {
    expect(findPageBreakJoins('安徽省黄山市委常委、秘书长、\n政法委书记，市公安局局长 伍春宏\n', evidence)).toEqual([]);
  });

  it('reports each join with the broken line and the removed range', () => {
    const original = '标题\n\n强化源头治理、\n\n  监测预警。\n';
    expect(findPageBreakJoins(original, evidence)).toEqual([{ offset: 11, end: 15, line: 3 }]);
    expect(original.slice(11, 15)).toBe('\n\n  ');
  });
});

describe('page breaks: structure before sentences', () => {
  const joins = (text: string) => findPageBreakJoins(text, evidence).map((j) => j.line);

  it('leaves a series of paragraphs that end on a comma on purpose (an invocation)', () => {
    const text = '首先，我提议：\n\n为悼念去年逝世的毛泽东主席，\n\n为悼念去年逝世的周恩来总理、朱德委员长，\n\n为悼念在这期间逝世的其他同志们，\n\n全体起立，静默致哀。\n';
    expect(joins(text)).toEqual([]);
  });

  it('leaves an unnumbered subheading that lacks a full stop, however long', () => {
    for (const heading of ['五年来，外交工作开创新局面', '调整国民经济的任务已经基本完成，国民经济已经全面好转，并将进入一个新的发展时期', '下面，着重讲一下能源、交通、农业的建设计划和现有企业技术改造的重点']) {
      expect(joins(`${heading}\n\n面对国际局势的深刻变化，我们坚持独立自主的和平外交政策。`), heading).toEqual([]);
    }
  });

  it('leaves lines that lead in, list items, table rows and titles in 《》 or bold', () => {
    for (const line of ['概括起来就是——', '- 加强组织领导，压实工作责任', '| 项目 | 金额', '《关于进一步加强基层治理的意见》', '**强化组织保障，确保各项任务落到实处**']) {
      expect(joins(`${line}\n\n各地区各部门要结合实际认真贯彻落实。`), line).toEqual([]);
    }
  });

  it('joins where a word runs across the break or the next line opens on a mark', () => {
    expect(joins('深化金融体制改革，按照货币流通规律适当控\n\n制信贷规模和货币供应量。')).toEqual([1]);
    expect(joins('这是我们必须长期坚持的基本方针\n\n，也是各项工作的出发点。')).toEqual([1]);
  });

  it('joins a comma-ended line outside a series, not inside one', () => {
    expect(joins('我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，\n\n加快构建新发展格局。')).toEqual([1]);
  });

  it('without the segmenter, only punctuation says a break cut a sentence', () => {
    expect(findPageBreakJoins('按照货币流通规律适当控\n\n制信贷规模。')).toEqual([]);
    expect(findPageBreakJoins('强化源头治理、\n\n监测预警。').map((j) => j.line)).toEqual([1]);
  });
});

describe('normalise: (b) plus signs in slogans', () => {
  it('turns full-width ＋ into + and removes spaces around + between words', () => {
    expect(normalise('深刻把握“专业 + 机制 + 大数据”新型警务', evidence).text).toBe('深刻把握“专业+机制+大数据”新型警务');
    expect(normalise('深化拓展“四所一庭一中心＋N”联动模式', evidence).text).toBe('深化拓展“四所一庭一中心+N”联动模式');
    expect(normalise('健全完善“1 ＋ 9 ＋ N”大监督格局', evidence).text).toBe('健全完善“1+9+N”大监督格局');
    expect(normalise('三个“＋”八小时', evidence).text).toBe('三个“+”八小时');
  });

  it('leaves spaces around + that does not sit between words to the space step', () => {
    expect(normalise('合计 ＋　“附加”', evidence).text).toBe('合计 + “附加”');
  });

  it('maps the characters after a tightened + to their original columns', () => {
    const original = '第一行\n“专业 + 机制 + 大数据”';
    expect(locateIn(original, '+')).toEqual({ line: 2, column: 5 });
    expect(locateIn(original, '机制')).toEqual({ line: 2, column: 7 });
    expect(locateIn(original, '大数据')).toEqual({ line: 2, column: 12 });
  });
});

describe('normalise: (c) spaces between Han characters and ASCII letters or digits', () => {
  it('removes them', () => {
    expect(normalise('均连续 3 年全省第一', evidence).text).toBe('均连续3年全省第一');
    expect(normalise('推动 110 与 12345 对接联动', evidence).text).toBe('推动110与12345对接联动');
    expect(normalise('保障 RCEP 地方政府论坛', evidence).text).toBe('保障RCEP地方政府论坛');
  });

  it('keeps spaces between ASCII words and maps the following characters back', () => {
    expect(normalise('Top 10 榜单', evidence).text).toBe('Top 10榜单');
    expect(locateIn('2023 年以来', '年')).toEqual({ line: 1, column: 6 });
  });
});

describe('normalise: page breaks of a plain text lie a page apart', () => {
  const filler = '各地区各部门要切实提高政治站位，把思想和行动统一到党中央决策部署上来，结合实际抓好贯彻落实。'.repeat(4);
  it('joins a lone break inside a sentence, but not breaks a few lines apart (list items ending in a comma)', () => {
    const list = '由下列人员组成：\n\n委员长，\n\n副委员长若干人，\n\n秘书长，\n\n委员若干人。';
    const text = `${filler}推进“枫\n\n桥经验”。${filler}\n\n${list}`;
    expect(normalise(text, evidence).text).toBe(`${filler}推进“枫桥经验”。${filler}\n\n${list}`);
  });
});

describe('normalise: (d) space runs', () => {
  it('collapses runs of spaces and ideographic spaces to one ASCII space, a run holding a tab to one tab', () => {
    expect(normalise('李　强', evidence).text).toBe('李 强');
    expect(normalise('国务院总理　  李强', evidence).text).toBe('国务院总理 李强');
    expect(normalise('国务院总理　 \t李强', evidence).text).toBe('国务院总理\t李强');
    expect(normalise('　　党中央召开会议。', evidence).text).toBe(' 党中央召开会议。');
  });

  it('keeps a tab between a digit and a Han character (table cells), where a space goes', () => {
    expect(normalise('1\t丽水粮食储备库\t2\t事业', evidence).text).toBe('1\t丽水粮食储备库\t2\t事业');
    expect(normalise('连续 3 年', evidence).text).toBe('连续3年');
    expect(normalise(normalise('序号 \t 单位\t1 \t丽水', evidence).text, evidence).text).toBe('序号\t单位\t1\t丽水');
  });
});

describe('normalise: what it must not touch', () => {
  it('keeps full-width punctuation and digits (no NFKC)', () => {
    const original = '全会指出：“改革（深化）”，第１２３条；‘引号’……！？';
    expect(normalise(original, evidence).text).toBe(original);
  });

  it('returns a text without noise unchanged, with an identity map', () => {
    const original = '第一段。\n\n第二段。\n';
    const { text, origin } = normalise(original, evidence);
    expect(text).toBe(original);
    expect(origin.locate(6)).toEqual({ line: 3, column: 1 });
  });

  it('runs every step and keeps positions through all of them', () => {
    const original = '标题 一\n\n要持续推进改革，“专业 ＋ 机制”警\n\n务模式改革，连续 3 年　第一。';
    const { text, origin } = normalise(original, evidence);
    expect(text).toBe('标题 一\n\n要持续推进改革，“专业+机制”警务模式改革，连续3年 第一。');
    const at = (needle: string) => origin.locate(text.indexOf(needle));
    expect(at('务模式')).toEqual({ line: 5, column: 1 });
    expect(at('3年')).toEqual({ line: 5, column: 10 });
    expect(at('第一。')).toEqual({ line: 5, column: 14 });
    expect(at('机制')).toEqual({ line: 3, column: 15 });
    expect(at('+')).toEqual({ line: 3, column: 13 });
  });
});
