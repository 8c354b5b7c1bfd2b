import type { Token } from '../segment/token.js';
import { canonicalSurface } from '../lexicon/fold.js';
import type { LexiconMatcher } from '../lexicon/lexiconMatcher.js';
import { adjacentSlogans, markFinds, MIN_RECURRENCE, modifiedSlogans, recurringPhrases } from './recurringPhrases.js';
import { recurringEnumerations } from './recurringEnumerations.js';
import { namedPlaces, usesOfNamed } from './namedFormulations.js';
import type { SloganMatcher } from './entryParts.js';

export type { LexiconMatcher } from '../lexicon/lexiconMatcher.js';
export { createLexiconMatcher } from '../lexicon/lexiconMatcher.js';
export { createSloganMatcher, type SloganMatcher } from './entryParts.js';

/**
 * How a formulation was found; when several sources find the same stretch, the first in this order wins.
 * `named`: a form its document's wording names as a formulation, once or more (namedFormulations.ts).
 * `recurring`: a phrase of formulation shape that its document repeats (recurringPhrases.ts).
 */
export const SLOGAN_KINDS = ['lexicon', 'numbered', 'formula', 'local', 'quoted', 'named', 'recurring'] as const;
export type SloganKind = (typeof SLOGAN_KINDS)[number];

/** One use of a formulation in a text. */
export interface SloganHit {
  /** The form it is counted under: the lexicon's canonical form, or the found text with noise removed. */
  canonical: string;
  /** The text as written, `[start, end)` of the analysis text. */
  surface: string;
  start: number;
  end: number;
  /** The formulation is the whole content of a pair of quotes (“…” 「…」 『…』 "…" ‘…’). */
  quoted: boolean;
  kind: SloganKind;
  /**
   * A quoted find that is one word of the segmentation (“帽子”, “老虎”, “苍蝇”): a word put in quotes for emphasis or
   * a metaphor, not a formulation. Kept for --discover, left out of the slogan table.
   */
  singleWord?: boolean;
  /** A lexicon slogan inside a longer one (高质量发展 in 推动高质量发展): a use of both. */
  nested?: boolean;
  /** A part of a long lexicon entry used on its own (为人民服务 of 为人民服务、为社会主义服务; entryParts.ts). */
  part?: boolean;
}

/** Where tokens start (bit 1) and end (bit 2), indexed by offset. */
function tokenBoundaries(text: string, tokens: Token[]): Uint8Array {
  const flags = new Uint8Array(text.length + 1);
  for (const t of tokens) {
    flags[t.start] |= 1;
    flags[t.end] |= 2;
  }
  return flags;
}

/** Index of the token that covers `offset` (tokens cover the text in order, without gaps). */
function tokenIndexAt(tokens: Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (tokens[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** `[start, end)` is exactly one token. */
function isOneToken(tokens: Token[], start: number, end: number): boolean {
  const t = tokens[tokenIndexAt(tokens, start)];
  return t.start === start && t.end === end;
}

/** The line that holds `offset`: `[start, end)` without its line break. */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

/**
 * A web page's footer or credits line (版权所有, ICP备, 公网安备, 主办：, 承办：, 技术支持, 网站标识码): site chrome, where a
 * quote, a number or a place brand names the site's owners and links, no formulation.
 */
const CHROME_LINE = /版权所有|ICP备|公网安备|网站标识码|技术支持[:：]|主办(?:单位)?[:：]|承办(?:单位)?[:：]/u;
const isChromeLine = (text: string, offset: number): boolean => CHROME_LINE.test(lineAt(text, offset));

/** A noun of jieba's tag set (n, nr, ns, nt, nz, ng, …), all Han: what may continue a formula's head or operand. */
function isNoun(token: Token | undefined): boolean {
  return token !== undefined && token.pos !== undefined && token.pos.startsWith('n') && /^\p{Script=Han}+$/u.test(token.text);
}

function hit(text: string, start: number, end: number, canonical: string, kind: SloganKind, quoted = false): SloganHit {
  return { canonical, surface: text.slice(start, end), start, end, quoted, kind };
}

/**
 * Lexicon slogans anywhere, quoted or not. A match must not cut through a word on its way: it starts and ends on
 * token boundaries, or lies inside one token (a dictionary compound that holds the slogan: `进一步全面深化改革`,
 * `常态化扫黑除恶`). So `护游` is not found in `保护|游客` nor `四同` in `四|同步`. See LexiconMatcher.matches for the
 * noise tolerated and the nesting rule.
 */
function lexiconHits(text: string, tokens: Token[], boundaries: Uint8Array, lexicon: LexiconMatcher): SloganHit[] {
  const accept = (start: number, end: number) =>
    ((boundaries[start] & 1) !== 0 && (boundaries[end] & 2) !== 0) || tokenIndexAt(tokens, start) === tokenIndexAt(tokens, end - 1);
  return lexicon.matches(text, accept).map((m) => hit(text, m.start, m.end, m.canonical, 'lexicon'));
}

/** Quote pairs; a pair never spans a line, so one stray quote mark cannot swallow a paragraph. */
const QUOTE_PAIRS: readonly RegExp[] = [/“([^“”\n]*)”/g, /「([^「」\n]*)」/g, /『([^『』\n]*)』/g, /"([^"\n]*)"/g, /‘([^‘’\n]*)’/g];
const QUOTED_MIN = 2;
const QUOTED_MAX = 20;
/** A quote holding one of these is a quoted sentence (reported speech), not a formulation. */
const SENTENCE_PUNCTUATION = /[。！？；!?;]/;
/**
 * A colon in a quote joins a label and its value (“文章类型：原创”, “文章来源：…网站”: a page's copyright notice
 * quotes the fields it asks for) or opens what is said: formulations hold commas and 、, never a colon.
 */
const LABEL_AND_VALUE = /[:：]/;
/**
 * A quote that opens with a verb of meeting a criterion (“符合一户一宅”, “满足…”, “属于…”) quotes the condition a form
 * or a rule checks, verb and all, not the name of a formulation; the formulation inside is found by the other rules
 * where it can be. Not the verbs that open a principle (“坚持和发展新时代枫桥经验” is one).
 */
const CRITERION_VERB = /^(?:符合|满足|属于|达到)/u;
/** A quoted name of a day (“世界家庭医生日”, “国家宪法日”, “全国助残日”): an observance that a campaign is timed to, an event. */
const OBSERVANCE_DAY = /^\p{Script=Han}{2,}日$/u;

/**
 * The rule for a quoted formulation outside the lexicon: 2–20 characters (after noise removal) or a parallel
 * enumeration, no sentence punctuation (。！？；), at least one letter (so `“+”` or `“、”` are not formulations, nor a
 * date or a number: `“23·7”` names a rainstorm, `“12320”` a hotline), not a manner modifier (MANNER_MODIFIER:
 * `“点单式”`), a verb phrase (CRITERION_VERB: `“符合一户一宅”`), the name of a day (OBSERVANCE_DAY: `“世界家庭医生日”`), a sum of amounts (`“医药服务价格+上门服务费”`) nor
 * a label and its value (LABEL_AND_VALUE: `“文章类型：原创”`). A comma or 、 is allowed: formulations often have two halves (`思想引领，学习在先`).
 */
export function isQuotedFormulation(content: string): boolean {
  const length = [...content].length;
  if (length < QUOTED_MIN || SENTENCE_PUNCTUATION.test(content) || LABEL_AND_VALUE.test(content) || !/\p{L}/u.test(content)) return false;
  if (MANNER_MODIFIER.test(content) || OBSERVANCE_DAY.test(content) || CRITERION_VERB.test(content) || isSumOfAmounts(content)) return false;
  return length <= QUOTED_MAX || isParallelEnumeration(content);
}

/**
 * A short “X式” (“点单式”, “一站式”, “内卷式”, “组团式”, “全链条式”) says in what manner the noun after it is done
 * (“点单式”个性化服务): a modifier quoted for emphasis, not a formulation. Not the nouns that end in 式 (“广州模式”,
 * 方式, 形式), nor forms with 式 inside (中国式现代化).
 */
const MANNER_MODIFIER = /^\p{Script=Han}{2,3}(?<![模方形样范仪公正程格招款制])式$/u;

/**
 * The text before the run of quotes (only 、 or commas between them: “以上”“以下”“最高”“不超过”) that holds the quote
 * pair opened at `open`: the words of a legal definition come in such runs.
 */
function quoteRun(text: string, open: number): { before: string } {
  return { before: text.slice(Math.max(0, open - 80), open).replace(/(?:[“「『][^“”「」『』\n]*[”」』][、，,]?)*$/u, '') };
}

/**
 * Words a legal text defines (本办法所称“以上”“以下”“最高”“不超过”均包括本数; 本法所称“突发事件”，是指…): the quotes
 * mention a word to say what it means, so it is no formulation, and its ordinary uses elsewhere (不超过 10 个) are not
 * uses of one. Only 所称 marks a definition: “最多跑一次”是指… explains a formulation, as news and speeches do.
 */
function isDefinedTerm(text: string, open: number): boolean {
  return /所称$/u.test(quoteRun(text, open).before);
}

/**
 * What names an app or a screen element: after the closing quote (“粤省事”小程序, “粤居码”微信小程序, “学习强国”APP) or
 * before the opening one (点击“提交”, 选择“添加成员”).
 */
const APP_AFTER = /^(?:微信|手机|移动|政务)?(?:APP|App|app|小程序|公众号|服务号|订阅号|客户端|微信号|视频号|按钮|菜单|栏目|图标)/u;
const UI_BEFORE = /(?:点击|单击|点选|勾选|选择|下载|登录|登陆|扫描|搜索|关注|打开|进入)$/u;

/**
 * A quote that names an app, an account or a button (“粤省事”小程序, 关注“广州卫健委”公众号, 点击“我要办理”): the name of a
 * product or a screen label, which pages of government services quote all the time, no formulation.
 */
function isInterfaceName(text: string, open: number, close: number): boolean {
  return APP_AFTER.test(text.slice(close, close + 5)) || UI_BEFORE.test(text.slice(Math.max(0, open - 2), open));
}

/**
 * The quoted contents (noise removed) that `text` names as an app, an account or a button somewhere (isInterfaceName):
 * once a page says “亮证”按钮, its “亮证” elsewhere (即可完成“亮证”) is that button, not a formulation.
 */
function interfaceNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const pair of QUOTE_PAIRS) {
    for (const m of text.matchAll(pair)) if (isInterfaceName(text, m.index, m.index + m[0].length)) names.add(canonicalSurface(m[1].trim()));
  }
  return names;
}

/** The parts of a longer quoted enumeration are short and of nearly one length. */
const ENUMERATION_MAX = 40;
const ENUMERATION_PART_MAX = 10;

/**
 * A quoted enumeration of short parallel parts (`一年基本恢复、三年全面提升、长远高质量发展`) is one formulation however
 * long: parts split at 、 or a comma, at least two, each 2–10 characters, no two differing by more than one
 * character. Reported speech has parts of any length, so it stays out.
 */
function isParallelEnumeration(content: string): boolean {
  if ([...content].length > ENUMERATION_MAX) return false;
  const lengths = content.split(/[、，,]/).map((part) => [...part].length);
  return (
    lengths.length >= 2 &&
    lengths.every((n) => n >= 2 && n <= ENUMERATION_PART_MAX) &&
    Math.max(...lengths) - Math.min(...lengths) <= 1
  );
}

/**
 * A Han token the segmenter made without its dictionary (tag `x`, joined by its HMM: “小升规”, “规改股”, “小而美”):
 * a coinage, which is what a new formulation looks like, unlike the common words put in quotes for emphasis
 * (“帽子”, “老虎”, all dictionary words).
 */
function isCoinage(token: Token): boolean {
  return token.pos === 'x' && token.text.length >= 2 && /^\p{Script=Han}+$/u.test(token.text);
}

/**
 * Numbers open numbered labels written as one word (“两新”, “三北”, “双减”, “八五”): those stay formulations. Not 一
 * alone, which opens ordinary words (“一对一”, “一把手”, “一站式”, “一刀切”) as it is the indefinite article of
 * prose (see NUMBER_CLASSIFIER); with a second number it counts again (“一岗双责”). Nor an idiom (jieba's i:
 * “千方百计”) or an attribute (b); a fixed phrase (l: “三步走”) is what a numbered label is.
 */
const NUMBER_OPENING = /^(?:[二三四五六七八九十两双百千万]|一.*[二三四五六七八九十两双])/u;
const isNumberedLabel = (token: Token): boolean => NUMBER_OPENING.test(token.text) && token.pos !== 'i' && token.pos !== 'b';

/**
 * The contents of quote pairs: a lexicon form (whatever its length) counts as that slogan, other formulations as
 * themselves; not what the text names as an app, account or button anywhere (interfaceNames) nor a quote on a page's
 * credits line (isChromeLine). Without tokens (a first pass over a corpus) no find is marked a single word.
 */
export function quotedHits(text: string, lexicon: LexiconMatcher, tokens?: Token[]): SloganHit[] {
  const hits: SloganHit[] = [];
  const interfaces = interfaceNames(text);
  for (const pair of QUOTE_PAIRS) {
    for (const m of text.matchAll(pair)) {
      const inner = m[1];
      const start = m.index + 1 + (inner.length - inner.trimStart().length);
      const end = m.index + 1 + inner.trimEnd().length;
      if (end <= start) continue;
      const surface = text.slice(start, end);
      const slogan = lexicon.canonicalOf(surface);
      const content = canonicalSurface(surface);
      if (slogan !== undefined) hits.push(hit(text, start, end, slogan, 'lexicon', true));
      else if (isQuotedFormulation(content) && !isDefinedTerm(text, m.index) && !interfaces.has(content) && !isChromeLine(text, m.index)) {
        const found = hit(text, start, end, content, 'quoted', true);
        const token = tokens?.[tokenIndexAt(tokens, start)];
        if (tokens && token && isOneToken(tokens, start, end) && !isNumberedLabel(token) && !isCoinage(token)) found.singleWord = true;
        hits.push(found);
      }
    }
  }
  return hits;
}

/**
 * A one-character Han number and a classifier (四个, 五大, 六项, 两化). 一 is left out: 一个/一项/一种 are the
 * indefinite article of ordinary prose. Longer numbers (十九个采油厂) and digits (8个省份, 6个工作日, 22项举措) count
 * things in policy prose; the few slogans written so (十四个坚持) belong in the lexicon. The number must not continue
 * another number or an ordinal (第三个).
 */
const NUMBER_CLASSIFIER = /(?<![0-9一二三四五六七八九十百千万两第])([两二三四五六七八九十])([个大项条种类支化])/g;
/** An ordinal with 个 opens a formulation the same way (第二个百年奋斗目标, 第三个历史决议); 第二次, 第三批 do not. */
const ORDINAL = /(?<![0-9一二三四五六七八九十百千万两])第([一二三四五六七八九十])(个)/g;
/** The longest head, in characters, a numbered formula is extended to. */
const MAX_HEAD = 8;
/** 八大, 九大, 十大 name party congresses (`九大以后`, `九大路线`), not formulas, unless a programme word ends the head (PROGRAMME_HEAD). */
const CONGRESS_NUMBERS = new Set([...'八九十']);

/** Heads that make a count, not a formulation: `三个方面`, `两个月`, `四个自治区`, `九大以后`. */
const GENERIC_HEADS: ReadonlySet<string> = new Set([
  ...['方面', '问题', '阶段', '时期', '部分', '环节', '层面', '层次', '方向', '步骤', '领域', '方式', '途径', '因素', '原因', '特点'],
  ...['年', '月', '日', '天', '周', '小时', '周年', '月份', '季度', '星期', '世纪', '年度', '多月', '多小时', '百分点', '以上', '左右'],
  ...['以后', '以来', '以前', '期间', '可能', '类型', '人', '次', '孩子', '工人', '职工', '国家', '地区', '城市', '地方', '大洲'],
  ...['自治区', '特别行政区', '直辖市', '省份', '单位', '部门', '企业', '行业', '港口', '方案', '文件', '案件', '项目', '建设项目'],
  // the conditions, channels and indicators a rule counts (下列三种情形, 通过两个渠道, 三个条件之一): a count, not a formula
  ...['情形', '情况', '渠道', '种类', '类别', '条件', '指标'],
]);
/**
 * A head that starts with a span of time counts days or months whatever follows (六个月内, 六个月无人认领, 五个工作日内,
 * 三个月后): the number's token may hold the unit (六个月), so the head is tested as text.
 */
const TIME_HEAD = /^(?:[年月日天周]|小时|工作日|季度|星期|世纪|多月|周年)/u;
/** Heads that only qualify the word after them: `四项基本|原则` takes both. */
const MODIFIER_HEADS: ReadonlySet<string> = new Set(['基本', '主要', '重大', '重要', '重点', '大型', '根本', '总体', '特别']);

/**
 * A word that restricts the name after it, part of that name (基本|公共服务均等化, 保障性|安居工程): a modifier head or an
 * attributive of 1–3 characters and 性 (保障性, 战略性, 普惠性). Not a verb or adverb before a formulation (加快, 更加),
 * which says what is done with it.
 */
export const isQualifier = (word: string): boolean => MODIFIER_HEADS.has(word) || /^\p{Script=Han}{1,3}性$/u.test(word);
/** The longest qualifier, in characters (保障性: 3; 1–3 characters and 性: 4). */
export const MAX_QUALIFIER = 4;

/**
 * The head of a numbered formula: the rest of the number's token (`五个一批`), else the next token (`三个|务必`),
 * and the token after a modifier (`四项|基本|原则`); then, when the tokens carry tags, the nouns that follow it, so
 * that the whole head is taken (`三大|科创|高地`, `五大|工作|导向`, `第二个|百年|奋斗目标`), up to MAX_HEAD characters.
 */
function numberedHead(text: string, tokens: Token[], afterClassifier: number): { head: string; end: number } {
  const i = tokenIndexAt(tokens, afterClassifier - 1);
  let last: number;
  if (tokens[i].end > afterClassifier) {
    last = i;
  } else {
    const next = tokens[i + 1];
    if (!next || next.start !== afterClassifier || next.text.length < 2) return { head: '', end: afterClassifier };
    last = i + 1;
  }
  const next = tokens[last];
  const after = tokens[last + 1];
  if (last === i + 1 && MODIFIER_HEADS.has(next.text) && after && after.start === next.end && /^\p{Script=Han}+$/u.test(after.text)) last++;
  while (isNoun(tokens[last + 1]) && tokens[last + 1].end - afterClassifier <= MAX_HEAD) last++;
  last = programmeHeadAfter(tokens, last, afterClassifier) ?? last;
  return { head: text.slice(afterClassifier, tokens[last].end), end: tokens[last].end };
}

/**
 * Words that name a programme, plan or campaign (工程, 行动, 计划, 规划, 战略, 攻坚战, 战役): a numbered head that
 * reaches one is the programme's name (十大重点节能工程, 十大产业振兴规划), and 八大/九大/十大 before one count
 * programmes, not party congresses.
 */
const PROGRAMME_HEAD = /(?:工程|行动|计划|规划|战略|攻坚战|战役)$/u;
/** The longest head, in characters, that a programme word may end (三大重点科技专项行动计划). */
const MAX_PROGRAMME_HEAD = 10;

/**
 * The token of a programme word (PROGRAMME_HEAD) that continues the head ending at token `last`: over nouns, and
 * one verb only right before the programme word (产业|振兴|规划, 重点|节能|工程: the verb names what the programme
 * does), within MAX_PROGRAMME_HEAD characters; undefined when none does. A verb elsewhere starts the predicate
 * (三项措施|推进|重点工程 keeps 三项措施).
 */
function programmeHeadAfter(tokens: Token[], last: number, afterClassifier: number): number | undefined {
  for (let k = last + 1; k < tokens.length && tokens[k].start === tokens[k - 1].end && tokens[k].end - afterClassifier <= MAX_PROGRAMME_HEAD; k++) {
    if (!/^\p{Script=Han}+$/u.test(tokens[k].text)) return undefined;
    if (PROGRAMME_HEAD.test(tokens[k].text)) return k;
    const verbBeforeHead = /^v/u.test(tokens[k].pos ?? '') && PROGRAMME_HEAD.test(tokens[k + 1]?.text ?? '') && tokens[k + 1].start === tokens[k].end;
    if (!isNoun(tokens[k]) && !verbBeforeHead) return undefined;
  }
  return undefined;
}

/** The token that starts at `offset`, '' when none does. */
function firstWord(tokens: Token[], offset: number): string {
  const t = tokens[tokenIndexAt(tokens, offset)];
  return t.start === offset ? t.text : '';
}

/**
 * Paired numbers, each with one character (一村一品, 一老一小, 三去一降, 五险一金, 三区三州, 一业一证): the shape of a
 * numbered formulation without a classifier. Not when a character is a number, a unit of counting or time or a side
 * (一个五年, 一点二倍, 两年一度, 一时一地, 二〇二〇, 两岸双方, 一式二份), nor a doubling (一步一步, 一年一年), nor an idiom the segmenter knows as one
 * word (一兵一卒, 千方百计: tag i), nor a place name and a number (四川三大), nor a word of another kind that opens with a
 * number (一般四级, 两岸双向). It must start and end on token boundaries and not continue a number
 * (十一届三中全会 holds 一届三中).
 */
const PAIRED_NUMBERS = /(?<![0-9一二三四五六七八九十百千万两第])[一二三四五六七八九十两双](\p{Script=Han})[一二三四五六七八九十两双](\p{Script=Han})/gu;
/** Numbers, units of counting and time, 方 (sides: 两岸双方), 是 (list heads: 三是), 份 and 式 (一式二份). */
const COUNTING_CHARACTER = /[一二三四五六七八九十百千万亿两双〇零个届次点年月日号时天周岁多项条件代步度批倍等到成分元方期是份式]/u;

function pairedNumberHits(text: string, tokens: Token[], boundaries: Uint8Array): SloganHit[] {
  const hits: SloganHit[] = [];
  for (const m of text.matchAll(PAIRED_NUMBERS)) {
    const [whole, x, y] = m;
    const end = m.index + whole.length;
    if ((boundaries[m.index] & 1) === 0 || (boundaries[end] & 2) === 0) continue;
    if (x === y || COUNTING_CHARACTER.test(x) || COUNTING_CHARACTER.test(y)) continue;
    const token = tokens[tokenIndexAt(tokens, m.index)];
    if (token.end === end && token.pos === 'i') continue;
    // A name that opens with a number (四川|三大), or a word of its own whose first character is a number: an
    // adjective, adverb, locative or conjunction (一般|四级, 两岸|双向, 一直, 一旦), no number and its object.
    if (token.end === m.index + 2 && token.pos !== undefined && /^(?:ns|nr|a|d|f|c|p)/.test(token.pos)) continue;
    hits.push(hit(text, m.index, end, whole, 'numbered'));
  }
  return hits;
}

/** The value of a one-character Han number (两 and 二 are 2). */
const numberValue = (n: string): number => (n === '两' ? 2 : '一二三四五六七八九十'.indexOf(n) + 1);

/**
 * The number at `index` counts the quoted items right before it (“小升规”“规改股”“股上市”三个梯度, “京通”“京办”“京智”三个
 * 应用): a run of two or more quotes, joined by nothing, 、, a comma or 和, as many as the number says. The formulations
 * are the quoted items; the count and its head only say how many.
 */
function countsQuotedItems(text: string, index: number, number: string): boolean {
  const run = /(?:[“「『][^“”「」『』\n]*[”」』][、，,和与及]?)+$/u.exec(text.slice(Math.max(0, index - 120), index));
  const items = run ? (run[0].match(/[“「『]/gu) ?? []).length : 0;
  return items >= 2 && items === numberValue(number);
}

/**
 * Numbered formulas: number + classifier + head (四个意识, 五大安全, 两个维护, 六项规定, 三个务必), the head
 * found with the tokens. Not formulas: a head in GENERIC_HEADS, a span of time (TIME_HEAD) or not all Han; a number
 * inside a word (the number must start a token); 八大/九大/十大 (party congresses) unless the head names a programme (十大重点节能工程);
 * a count of the quoted items before it (countsQuotedItems).
 * List heads (`一是`, `二、`) never match: 是 and 、 are not classifiers. Nothing on a page's credits line (isChromeLine). Only 化 stands without a head (`四化`).
 * Then the paired numbers (pairedNumberHits).
 */
function numberedHits(text: string, tokens: Token[], boundaries: Uint8Array): SloganHit[] {
  const hits: SloganHit[] = [];
  for (const m of [...text.matchAll(NUMBER_CLASSIFIER), ...(text.includes('第') ? text.matchAll(ORDINAL) : [])]) {
    const [whole, number, classifier] = m;
    if ((boundaries[m.index] & 1) === 0) continue;
    if (isChromeLine(text, m.index) || (!whole.startsWith('第') && countsQuotedItems(text, m.index, number))) continue;
    const { head, end } = numberedHead(text, tokens, m.index + whole.length);
    if (classifier === '大' && CONGRESS_NUMBERS.has(number) && !PROGRAMME_HEAD.test(head)) continue;
    const headless = head === '' && classifier === '化';
    if (!headless && (!/^\p{Script=Han}+$/u.test(head) || GENERIC_HEADS.has(head) || TIME_HEAD.test(head) || GENERIC_HEADS.has(firstWord(tokens, m.index + whole.length)))) continue;
    hits.push(hit(text, m.index, end, canonicalSurface(text.slice(m.index, end)), 'numbered'));
  }
  return [...hits, ...pairedNumberHits(text, tokens, boundaries)];
}

const OPERAND_CHAR = '[\\p{Script=Han}A-Za-z0-9\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a]';
const OPERAND = `${OPERAND_CHAR}+`;
const PLUS = '[ \\t\\u3000\\u00a0]*[+＋][ \\t\\u3000\\u00a0]*';
// Tried only where a run of operand characters starts: from inside a run it would rescan the run (quadratic).
const FORMULA = new RegExp(`(?<!${OPERAND_CHAR})${OPERAND}(?:${PLUS}${OPERAND})+`, 'gu');
const LEADING_OPERAND = new RegExp(`^${OPERAND}`, 'u');
const TRAILING_OPERAND = new RegExp(`${OPERAND}$`, 'u');

/** An operand that names an amount (医药服务价格+上门服务费, 签约人数+…): the + adds numbers, it names no formulation. */
const QUANTITY = /(?:价格|价|费|费用|金额|人数|户数|次数|数量|总额|总数|成本|收入|得分|分值|比例|比率)$/u;

/** A + formula with an amount among its operands, quoted (“医药服务价格+上门服务费”) or not. */
function isSumOfAmounts(formula: string): boolean {
  return /[+＋]/u.test(formula) && formula.split(/\s*[+＋]\s*/u).some((o) => QUANTITY.test(o));
}

/**
 * `[start, end)` is all its line or its tab-separated cell holds (tifa's readers write a table row as one line of
 * cells), but for a full stop: a cell of a table (an indicator's method of calculation: `统计数据+抽查真实性。`), not
 * prose, where a formula is named inside a sentence (推进“互联网+政务服务”); a quoted one is still found by its quotes.
 */
function isTableCell(text: string, start: number, end: number): boolean {
  return (start === 0 || text[start - 1] === '\n' || text[start - 1] === '\t') && /^[。；]?[^\S\n\t]*(?:[\n\t]|$)/u.test(text.slice(end, end + 3));
}

/** The sentence around `[start, end)` holds an equation or a product (…=（A+B）/C*100%): a calculation, not a formula. */
function isCalculation(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/[。！？；\n]/u.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !/[。！？；\n]/u.test(text[to])) to++;
  return /[=＝×÷*＊]/u.test(text.slice(from, to));
}

/**
 * Formulas: operands (Han, letters, digits) joined by + or ＋, spaces around it tolerated (1+9+N, 专业+机制+大数据,
 * 四所一庭一中心+N). A run of Han characters has no word breaks, so the first operand starts and the last one ends
 * with the word (token) next to the +, taking the nouns beside it when the tokens carry tags (`产业大脑+未来工厂`),
 * never a verb: `落实党建+业务融合` gives `党建+业务`. Sums of bare numbers (`3+5`) are not formulas, nor a formula
 * with a one-character Han operand (`A+大`, `A+中`: a web page's font-size buttons), nor sums of amounts (QUANTITY)
 * or a + inside a calculation (isCalculation) or alone on its line (isTableCell); placeholders stay (`1+9+N`).
 */
function formulaHits(text: string, tokens: Token[]): SloganHit[] {
  const hits: SloganHit[] = [];
  if (!/[+＋]/.test(text)) return hits;
  for (const m of text.matchAll(FORMULA)) {
    if (!/\p{L}/u.test(m[0])) continue;
    const matchEnd = m.index + m[0].length;
    const firstOperandEnd = m.index + LEADING_OPERAND.exec(m[0])![0].length;
    const lastOperandStart = matchEnd - TRAILING_OPERAND.exec(m[0])![0].length;
    let first = tokenIndexAt(tokens, firstOperandEnd - 1);
    let last = tokenIndexAt(tokens, lastOperandStart);
    // Whole operands: the nouns before the first and after the last operand word (产业|大脑+未来|工厂), never a verb
    // (落实|党建+业务|融合 stays 党建+业务).
    while (first > 0 && tokens[first - 1].start >= m.index && isNoun(tokens[first - 1]) && firstOperandEnd - tokens[first - 1].start <= MAX_HEAD) first--;
    while (last + 1 < tokens.length && tokens[last + 1].end <= matchEnd && isNoun(tokens[last + 1]) && tokens[last + 1].end - lastOperandStart <= MAX_HEAD) last++;
    const start = Math.max(m.index, tokens[first].start);
    const end = Math.min(matchEnd, tokens[last].end);
    const operands = text.slice(start, end).split(/\s*[+＋]\s*/);
    if (operands.some((o) => /^\p{Script=Han}$/u.test(o)) || isSumOfAmounts(text.slice(start, end)) || isCalculation(text, m.index, matchEnd) || isTableCell(text, start, end)) continue;
    hits.push(hit(text, start, end, canonicalSurface(text.slice(start, end)), 'formula'));
  }
  return hits;
}

/**
 * The words that make a place's programme of itself (平安北京, 健康广州, 法治广东, 美丽浙江, 人文北京, 书香京城): the
 * shape in which every province and city names its own version of a national formulation (平安中国, 健康中国, 法治中国,
 * 美丽中国, 数字中国, most of them in the lexicon).
 */
const PLACE_BRANDS: ReadonlySet<string> = new Set([
  ...['平安', '法治', '健康', '美丽', '数字', '智慧', '幸福', '文明', '诚信', '清廉', '廉洁', '人文', '科技', '绿色', '书香', '生态', '宜居', '韧性', '善治'],
]);
/** Words jieba tags as places (ns) that name no place: 智慧城市 is no city's programme. */
const NO_PLACE: ReadonlySet<string> = new Set(['城市', '宜居', '河湖', '城乡', '乡村', '地区', '区域', '社区', '园区', '城区', '国际']);

/**
 * `[start, end)` is the only Han text of its line (文明天河 -->, a menu of site links): a web page's navigation link
 * or a label, not prose.
 */
function isLinkLine(text: string, start: number, end: number): boolean {
  const line = lineAt(text, start);
  return (line.match(/\p{Script=Han}/gu) ?? []).length === end - start;
}

/**
 * Local formulations: a word of PLACE_BRANDS and the name of a place right after it, both whole tokens (平安|北京, the
 * place tagged ns): 平安北京, 健康广州. Not on a line of site links (isLinkLine) or of page credits (isChromeLine).
 */
function localHits(text: string, tokens: Token[]): SloganHit[] {
  const hits: SloganHit[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [brand, place] = [tokens[i], tokens[i + 1]];
    if (!PLACE_BRANDS.has(brand.text) || place.pos !== 'ns' || NO_PLACE.has(place.text) || !/^\p{Script=Han}{2,4}$/u.test(place.text)) continue;
    if (isLinkLine(text, brand.start, place.end) || isChromeLine(text, brand.start)) continue;
    hits.push(hit(text, brand.start, place.end, brand.text + place.text, 'local'));
  }
  return hits;
}

const spanKey = (h: SloganHit): string => `${h.start}:${h.end}`;

/**
 * One hit per stretch of text, in text order. Quotes delimit a slogan exactly, so a quoted lexicon form comes
 * first, then the lexicon matches outside it. A numbered or formula hit that overlaps a slogan is dropped (on the
 * same span it adds nothing; otherwise the lexicon knows where its slogan ends). A quoted formulation on the same
 * span as a kept hit only marks it quoted; a longer quotation is kept beside the slogans inside it, because the
 * quotation is the author's own unit and the slogans in it are used all the same.
 */
function mergeHits(length: number, lexicon: SloganHit[], parts: SloganHit[], corpus: SloganHit[], structural: SloganHit[], quoted: SloganHit[]): SloganHit[] {
  const covered = new Uint8Array(length);
  const bySpan = new Map<string, SloganHit>();
  const kept: SloganHit[] = [];
  const isFree = (h: SloganHit) => covered.subarray(h.start, h.end).every((c) => c === 0);
  const keep = (h: SloganHit) => {
    kept.push(h);
    bySpan.set(spanKey(h), h);
    covered.fill(1, h.start, h.end);
  };
  for (const q of quoted) if (q.kind === 'lexicon' && !bySpan.has(spanKey(q))) keep(q);
  for (const h of lexicon) if (isFree(h)) keep(h);
  for (const h of parts) if (isFree(h)) keep(h);
  for (const h of corpus) if (isFree(h)) keep(h);
  const leftmostLongest = [...structural].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const h of leftmostLongest) if (isFree(h)) keep(h);
  for (const q of quoted) {
    if (q.kind === 'lexicon') continue;
    const same = bySpan.get(spanKey(q));
    if (same) same.quoted = true;
    else kept.push(q);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Characters that join the parts of a longer formulation, conjunctions and prepositions: a slogan beside one is a
 * part of its own (以|中国式现代化|全面推进…, 党风廉政建设|和|反腐败斗争).
 */
const JOINERS = /[和与及、，,的以为在把对同向于]/;

/**
 * The lexicon slogans inside each lexicon hit, one level deep: a use of the longer formulation is a use of these
 * too. A part must open or close the longer one (乡村振兴 in 乡村振兴战略, 高质量发展 in 推动高质量发展) or stand
 * beside a joining character (党风廉政建设 and 反腐败斗争 in 党风廉政建设和反腐败斗争, 中国式现代化 after 以): the segmenter may have joined
 * the longer one into one token, so its words no longer show where the parts are, and 百年奋斗 inside
 * 第二个百年奋斗目标 is no part of it. Not inside a + formula (its operands are not uses of their own).
 */
function nestedHits(text: string, matcher: LexiconMatcher, outer: SloganHit[], part = false): SloganHit[] {
  const nested: SloganHit[] = [];
  for (const h of outer) {
    // A + formula's operands are parts of one formula, not uses of their own (大数据 in 专业+机制+大数据).
    if (h.kind !== 'lexicon' || h.end - h.start < 3 || h.canonical.includes('+') || (part && h.part)) continue;
    const local = text.slice(h.start, h.end);
    const inside = (start: number, end: number) =>
      !(start === 0 && end === local.length) &&
      (start === 0 || end === local.length || JOINERS.test(local[start - 1]) || JOINERS.test(local[end]));
    for (const m of matcher.matches(local, inside)) {
      if (m.canonical === h.canonical) continue;
      nested.push({ ...hit(text, h.start + m.start, h.start + m.end, m.canonical, 'lexicon'), nested: true, ...(part ? { part } : {}) });
    }
  }
  return nested;
}

/**
 * The parts of long entries (SloganMatcher.parts) that the document uses on their own at least once and at least
 * twice in all, the uses inside the whole entry included (为人民服务 alone and in 为人民服务、为社会主义服务): a long
 * entry used once, or a piece of it met once, makes no row. Their uses on their own (outside every lexicon hit)
 * and inside the whole entries, both marked `part`.
 */
function partHits(text: string, tokens: Token[], boundaries: Uint8Array, parts: LexiconMatcher, lexicon: SloganHit[]): { alone: SloganHit[]; inside: SloganHit[] } {
  const covered = new Uint8Array(text.length);
  for (const h of lexicon) covered.fill(1, h.start, h.end);
  const alone = lexiconHits(text, tokens, boundaries, parts)
    .filter((h) => covered.subarray(h.start, h.end).every((c) => c === 0))
    .map((h): SloganHit => ({ ...h, part: true }));
  if (alone.length === 0) return { alone, inside: [] };
  const inside = nestedHits(text, parts, lexicon, true);
  const count = (hits: SloganHit[], canonical: string) => hits.filter((h) => h.canonical === canonical).length;
  const used = new Set([...new Set(alone.map((h) => h.canonical))].filter((c) => count(alone, c) + count(inside, c) >= 2));
  return { alone: alone.filter((h) => used.has(h.canonical)), inside: inside.filter((h) => used.has(h.canonical)) };
}

/**
 * Unquoted uses of the formulations the corpus quotes somewhere (`corpus`, see corpusQuotedForms): counted like
 * lexicon slogans, but only where they start and end on token boundaries and span more than one token (a single
 * word quoted once, “帽子”, is not counted at every use of 帽子). They keep the kind `quoted`.
 */
function corpusHits(text: string, tokens: Token[], boundaries: Uint8Array, corpus: LexiconMatcher): SloganHit[] {
  const accept = (start: number, end: number) => (boundaries[start] & 1) !== 0 && (boundaries[end] & 2) !== 0 && !isOneToken(tokens, start, end);
  return corpus.matches(text, accept).map((m) => hit(text, m.start, m.end, m.canonical, 'quoted'));
}

/**
 * The forms the document's wording names as formulations (namedFormulations.ts: an enumeration closed by 的 and a
 * principle head, a strategy after 实施, A与B相结合 stated as a rule, a list of principle phrases), and those another
 * document of the corpus names (`corpusNamed`), at every use in the document outside the other finds (a lexicon
 * slogan held whole allowed).
 */
function namedHits(text: string, tokens: Token[], finds: SloganHit[], corpusNamed?: LexiconMatcher): SloganHit[] {
  const places = namedPlaces(tokens);
  const elsewhere = corpusNamed?.matches(text, () => true) ?? [];
  if (places.length === 0 && elsewhere.length === 0) return [];
  const marks = markFinds(text.length, finds.map((h) => ({ start: h.start, end: h.end, lexicon: h.kind === 'lexicon' })));
  return usesOfNamed(places, tokens, text, marks, elsewhere).flatMap((p) => p.spans.map(([start, end]) => hit(text, start, end, p.canonical, 'named')));
}

/**
 * The document's recurring phrases of formulation shape (recurringPhrases) outside the other finds, a lexicon
 * slogan held whole allowed (京津冀协同发展战略 beside 京津冀协同发展, a use of both), and the lexicon slogans it
 * uses twice with the same modifier (modifiedSlogans: …的人民民主专政) or written together with another slogan
 * (adjacentSlogans: 家庭医生签约服务高质量发展), a pair inside a longer phrase found above left to that phrase.
 */
function recurringHits(text: string, tokens: Token[], finds: SloganHit[], lexicon: LexiconMatcher): SloganHit[] {
  const marks = markFinds(text.length, finds.map((h) => ({ start: h.start, end: h.end, lexicon: h.kind === 'lexicon' })));
  const slogans = finds.filter((h) => h.kind === 'lexicon' && !h.part);
  const phrases = [
    ...recurringPhrases(tokens, text, marks, (word) => lexicon.inVocabulary(word)),
    ...modifiedSlogans(tokens, text, slogans, marks),
    ...recurringEnumerations(tokens, text, marks, (word) => lexicon.inVocabulary(word)),
  ];
  // A pair of slogans already inside a longer phrase found above is that phrase's.
  const taken = (start: number, end: number) => phrases.some((p) => p.spans.some(([s, e]) => s <= start && end <= e));
  const pairs = adjacentSlogans(text, slogans, marks)
    .map((p) => ({ ...p, spans: p.spans.filter(([s, e]) => !taken(s, e)) }))
    .filter((p) => p.spans.length >= MIN_RECURRENCE);
  return [...phrases, ...pairs].flatMap((p) =>
    p.spans.map(([start, end]) => hit(text, start, end, p.canonical, 'recurring')),
  );
}

/**
 * Every formulation used in `text` (the analysis text of a Document, `tokens` its segmentation, tagged for the
 * noun rules of numbered and + formulas): lexicon slogans, the corpus's quoted formulations wherever they are used
 * (`corpus`, optional), quoted formulations, numbered formulas, + formulas and local formulations, one hit per stretch of text, then
 * the forms its wording names or another document's does (namedHits; `corpusNamed`, optional, see corpusNamedForms), the phrases of formulation shape the document repeats (recurringHits) and the lexicon slogans nested in a
 * lexicon hit (marked `nested`), in text order.
 */
export function extractSlogans(text: string, tokens: Token[], lexicon: SloganMatcher, corpus?: LexiconMatcher, corpusNamed?: LexiconMatcher): SloganHit[] {
  if (tokens.length === 0) return [];
  const boundaries = tokenBoundaries(text, tokens);
  const structural = [...numberedHits(text, tokens, boundaries), ...formulaHits(text, tokens), ...localHits(text, tokens)];
  const fromCorpus = corpus ? corpusHits(text, tokens, boundaries, corpus) : [];
  const fromLexicon = lexiconHits(text, tokens, boundaries, lexicon);
  const parts = lexicon.parts ? partHits(text, tokens, boundaries, lexicon.parts, fromLexicon) : { alone: [], inside: [] };
  const merged = mergeHits(text.length, fromLexicon, parts.alone, fromCorpus, structural, quotedHits(text, lexicon, tokens));
  const found = [...merged, ...namedHits(text, tokens, merged, corpusNamed)];
  const hits = [...found, ...recurringHits(text, tokens, found, lexicon)];
  // Parts inside a whole entry that mergeHits kept (a quoted lexicon form may have taken another's place).
  const partsInside = parts.inside.filter((h) => merged.some((m) => m.kind === 'lexicon' && !m.part && m.start <= h.start && h.end <= m.end));
  return [...hits, ...nestedHits(text, lexicon, hits), ...partsInside].sort((a, b) => a.start - b.start || b.end - a.end);
}
