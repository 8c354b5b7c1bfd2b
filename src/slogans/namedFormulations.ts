import type { Token } from '../segment/token.js';
import { canonicalSurface } from '../lexicon/fold.js';
import { principleLists } from './principleLists.js';
import { isFree, type RecurringPhrase } from './recurringPhrases.js';

/**
 * Formulations whose wording names them as one, found once or more in a document that no lexicon knows: a law or a
 * report states its 方针 and 原则 once (and its A与B相结合) (遵循积极利用、科学发展、依法管理、确保安全的方针; 实施网络可信身份战略), so
 * recurrence is no evidence here, the shape is. Each rule finds the places where the shape names a form, then counts
 * every use of that form in the same document (kind `named`, extract.ts); decided per document, as recurringPhrases.
 */

/**
 * The heads that make an enumeration before 的 a stated principle or system (…的方针, …的原则, …的总要求,
 * …的社会治理体制, …的监察队伍): what policy language names its guidelines, requirements, doctrines and systems with.
 * Tested as the end of the head's last token, so that 总要求, 基本方针 and 发展理念 count.
 */
const PRINCIPLE_HEAD = /(?:方针|原则|方略|要求|理念|机制|体制|体系|制度|格局|队伍)$/u;
/** The longest stretch between 的 and the head, in code units (…的数据安全风险评估、报告、信息共享、监测预警机制). */
const MAX_HEAD_PHRASE = 24;
/** Items of a principle enumeration: two to four characters (公正、公平、便民; 积极利用、科学发展). */
const ITEM_MIN = 2;
const ITEM_MAX = 4;
/** Tokens that join or cut clauses: an item holding one is no parallel item (安全和发展利益). */
const CLAUSE_TOKENS: ReadonlySet<string> = new Set(['和', '与', '及', '或', '或者', '以及', '并', '的', '等', '之', '是']);
/** Numbers and classifiers: items with them count amounts (四百斤、五百斤、八百斤的要求); the tag alone is not
 *  enough (jieba tags 整顿 m), the word must hold a number. */
const COUNTING_TAGS = /^(?:m|q|mq)$/u;
const NUMBER_CHARACTER = /[0-9０-９零一二三四五六七八九十百千万亿两半几]/u;
const isCount = (t: Token) => /[0-9０-９]/u.test(t.text) || (COUNTING_TAGS.test(t.pos ?? '') && NUMBER_CHARACTER.test(t.text));

/** Tags of a word that may stand right before an enumeration it takes: verbs, verbal nouns, prepositions, adverbs. */
const OPENING_TAGS = /^(?:v|vd|vn|vi|p|d|ad)$/u;
/** Noun tags (places and names included). */
const NOUN_TAGS = /^(?:n|nr|nrt|ns|nt|nz|ng)$/u;

const isHan = (t: Token | undefined): t is Token => t !== undefined && /^\p{Script=Han}+$/u.test(t.text);
const touching = (a: Token, b: Token) => a.end === b.start;

/** Tokens from `from` on reach a principle head within MAX_HEAD_PHRASE, over Han words and 、 only, no second 的. */
function closesWithPrincipleHead(tokens: Token[], from: number): boolean {
  const start = tokens[from]?.start;
  if (!isHan(tokens[from])) return false;
  for (let j = from; j < tokens.length && tokens[j].end - start <= MAX_HEAD_PHRASE; j++) {
    if (j > from && !touching(tokens[j - 1], tokens[j])) return false;
    if (tokens[j].text === '的' || (!isHan(tokens[j]) && tokens[j].text !== '、')) return false;
    if (PRINCIPLE_HEAD.test(tokens[j].text)) return true;
  }
  return false;
}

/** One 、-item: tokens [from, to] inclusive. */
interface Item {
  from: number;
  to: number;
}

const chars = (tokens: Token[], item: Item) => tokens[item.to].end - tokens[item.from].start;

/**
 * The parallel items that end right before token `before` (a 的): Han runs split by 、, the first run cut at a word
 * start to the items' length (遵循|积极利用 → 积极利用, 执行|调整 → 调整), so that a verb or a subject before the
 * enumeration stays out. Parallel: every item 2–4 characters, lengths differing by one at most, three items or more
 * (two when each holds four characters: 集中统一、权威高效), no item with a conjunction, 的, a number or classifier,
 * not all of them single nouns unless after a verb (西北、华北、东北; 党政机关、事业单位), and after a clause break or a word that takes
 * them (a verb, preposition or adverb). Returns `[start, end)` of the items, or undefined.
 */
export function parallelItemsBefore(tokens: Token[], before: number): [number, number] | undefined {
  const items: Item[] = [];
  let j = before - 1;
  for (;;) {
    const to = j;
    while (j >= 0 && isHan(tokens[j]) && !CLAUSE_TOKENS.has(tokens[j].text) && (j === to || touching(tokens[j], tokens[j + 1]))) j--;
    if (j === to || !touching(tokens[to], tokens[to + 1])) return undefined;
    items.unshift({ from: j + 1, to });
    if (j < 1 || tokens[j].text !== '、' || !touching(tokens[j], tokens[j + 1]) || !touching(tokens[j - 1], tokens[j])) break;
    j--;
  }
  if (items.length < 2) return undefined;
  const rest = items.slice(1).map((item) => chars(tokens, item));
  const [low, high] = [Math.min(...rest), Math.max(...rest)];
  if (low < ITEM_MIN || high > ITEM_MAX || high - low > 1) return undefined;
  // The first run cut at the latest word start that gives it an item's length.
  const first = items[0];
  let from = first.to;
  while (from > first.from && tokens[first.to].end - tokens[from - 1].start <= high) from--;
  first.from = from;
  const length = chars(tokens, first);
  if (Math.max(high, length) - Math.min(low, length) > 1 || length < ITEM_MIN) return undefined;
  if (items.length < 3 && Math.min(low, length) < ITEM_MAX) return undefined;
  // What comes before is a verb, preposition or adverb that takes the enumeration (遵循|…, 按照|…, 建设|…), or a
  // clause break: after 的, a noun or a conjunction the items are the tail of a longer phrase (民主讨论的|政治氛围、
  // 民主监督的制度环境; 公司法人|治理结构、灵活高效的…机制; 企业管理体制和|计划、物资、财政).
  const opener = tokens[first.from - 1];
  if (opener && touching(opener, tokens[first.from]) && isHan(opener) && !OPENING_TAGS.test(opener.pos ?? '')) return undefined;
  const words = (item: Item) => tokens.slice(item.from, item.to + 1);
  // Single nouns listed are things (与党政机关、事业单位的…制度; 西北、华北、东北), not the terms of a principle,
  // unless a verb puts them to work (贯彻军民结合、平战结合的方针).
  const verbBefore = opener !== undefined && /^v/u.test(opener.pos ?? '');
  if (!verbBefore && items.every((item) => item.from === item.to && NOUN_TAGS.test(tokens[item.from].pos ?? ''))) return undefined;
  if (items.some((item) => words(item).some(isCount))) return undefined;
  return [tokens[first.from].start, tokens[items[items.length - 1].to].end];
}

/**
 * Enumerations of parallel items closed by 的 and a principle head: the document states a principle, guideline or
 * system by its items (遵循公正、公平、便民的原则 → 公正、公平、便民; 构建集中统一、权威高效的…监察体制 → 集中统一、权威高效),
 * and the items are how it is cited. The head is left out: it names the kind of thing (方针, 原则), not which.
 * Returns the places found, `[start, end)` of the items.
 */
export function principleEnumerations(tokens: Token[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let k = 1; k + 1 < tokens.length; k++) {
    if (tokens[k].text !== '的' || !touching(tokens[k], tokens[k + 1]) || !closesWithPrincipleHead(tokens, k + 1)) continue;
    const span = parallelItemsBefore(tokens, k);
    if (span) found.push(span);
  }
  return found;
}

/** Verbs that put a strategy to work or in place (实施, 深入实施, 制定, 完善, 推进, 落实, 贯彻). */
const STRATEGY_VERB = /(?:实施|制定|完善|推进|落实|贯彻)$/u;
/** The longest name of a strategy before 战略, in code units (区域发展总体, 重大文化产业项目带动). */
const MAX_STRATEGY_NAME = 10;
const MIN_STRATEGY_NAME = 3;
/** Tags that no word of a strategy's name has: pronouns, numbers, classifiers, locatives, prepositions, particles. */
const NO_NAME_TAGS = /^(?:r|m|q|f|p|u|uj|ul|uz|ud|ug|uv|c|d|y|e)$/u;
/** Modifiers that make 战略 a category, not a name (国家重大战略, 区域重大战略, 重要战略). */
const GENERIC_MODIFIER = /(?:重大|重要)$/u;

/**
 * Strategies a document puts to work by name: a verb of STRATEGY_VERB, then a name of 3–10 characters, then the
 * word 战略 (实施大数据战略, 制定并不断完善网络安全战略, 实施网络可信身份战略). A named strategy is a formulation (the
 * lists' "named strategy") even when stated once. Not: a name holding a pronoun, number, locative or particle
 * (实施新形势下军事战略, 我们的技术发展战略), a category (国家重大战略), 战略 as a modifier (战略布局), or a name of two
 * characters or fewer (人才战略, 国家战略: too plain to name one). Returns `[start, end)` of name and 战略.
 */
export function namedStrategies(tokens: Token[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let j = 1; j < tokens.length; j++) {
    if (!tokens[j].text.endsWith('战略')) continue;
    const next = tokens[j + 1];
    if (next && touching(tokens[j], next) && isHan(next) && /^n/u.test(next.pos ?? '')) continue;
    if (tokens[j].text !== '战略') {
      // A dictionary that holds the strategy as one word (a lexicon or user term: 大数据战略) leaves no separate 战略.
      const name = tokens[j].text.length - 2;
      const verb = tokens[j - 1];
      if (name >= MIN_STRATEGY_NAME && STRATEGY_VERB.test(verb.text) && touching(verb, tokens[j]) && !GENERIC_MODIFIER.test(tokens[j].text.slice(0, -2))) {
        found.push([tokens[j].start, tokens[j].end]);
      }
      continue;
    }
    for (let i = j - 1; i >= 1 && tokens[j].start - tokens[i].start <= MAX_STRATEGY_NAME; i--) {
      if (!isHan(tokens[i]) || !touching(tokens[i], tokens[i + 1]) || NO_NAME_TAGS.test(tokens[i].pos ?? '') || CLAUSE_TOKENS.has(tokens[i].text)) break;
      if (!STRATEGY_VERB.test(tokens[i - 1].text) || !touching(tokens[i - 1], tokens[i])) continue;
      const name = tokens[j].start - tokens[i].start;
      if (name >= MIN_STRATEGY_NAME && !GENERIC_MODIFIER.test(tokens[j - 1].text)) found.push([tokens[i].start, tokens[j].end]);
      break;
    }
  }
  return found;
}

/** Verbs that state a combination as a rule to follow (坚持教育与处罚相结合, 实行依法治国和以德治国相结合). */
const COMBINATION_VERB = /^(?:坚持|实行|贯彻|执行|贯彻执行|坚持走)$/u;
const COMBINATION_JOINERS: ReadonlySet<string> = new Set(['与', '和', '同']);
/** What a principle of combination ends with: both sides joined (相结合) or both pursued at once (并重, 并举). */
const COMBINING: ReadonlySet<string> = new Set(['相结合', '并重', '并举']);
/** The longest side of a combination, in code units (社会统筹 与 个人账户; 减员增效 与 促进再就业). */
const MAX_SIDE = 6;
/** Tags no word of a side has: pronouns, prepositions, conjunctions, adverbs, particles, numbers, classifiers, locatives. */
const NO_SIDE_TAGS = /^(?:r|p|c|d|ad|u|uj|ul|uz|ud|ug|uv|m|q|f|y|e)$/u;

/** Tokens [from, to] make one side of a combination: 1–3 adjacent Han words, 2–MAX_SIDE characters, none of NO_SIDE_TAGS. */
function isSide(tokens: Token[], from: number, to: number): boolean {
  if (from > to || to - from > 2) return false;
  const length = tokens[to].end - tokens[from].start;
  if (length < 2 || length > MAX_SIDE) return false;
  for (let k = from; k <= to; k++) {
    if (!isHan(tokens[k]) || NO_SIDE_TAGS.test(tokens[k].pos ?? '') || CLAUSE_TOKENS.has(tokens[k].text)) return false;
    if (k > from && !touching(tokens[k - 1], tokens[k])) return false;
  }
  return true;
}

/**
 * Principles of combination: `A与B相结合` (also 和, 同; also 并重 and 并举: 网络安全与信息化发展并重) stated as a rule, after a verb that states one (COMBINATION_VERB)
 * or opening its clause, and closing it or followed by 的原则 / 的方针 (坚持教育与处罚相结合的原则; ；惩戒与教育相结合，).
 * A clause that opens with a verb (a verbal noun may: 惩戒与教育相结合) or adverb is a sentence about combining, not a principle (有助于理论和实际相结合,
 * 必须同…相结合). Each side 1–3 words (isSide). Returns `[start, end)` of A与B相结合.
 */
export function combinationPrinciples(tokens: Token[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let j = 2; j < tokens.length; j++) {
    if (!COMBINING.has(tokens[j].text) || !touching(tokens[j - 1], tokens[j])) continue;
    const after = tokens[j + 1];
    const closes = !after || !isHan(after) || (after.text === '的' && /^(?:原则|方针)$/u.test(tokens[j + 2]?.text ?? ''));
    if (!closes) continue;
    for (let at = j - 2; at >= 1 && j - at <= 4; at--) {
      if (!COMBINATION_JOINERS.has(tokens[at].text) || !isSide(tokens, at + 1, j - 1) || !touching(tokens[at], tokens[at + 1])) continue;
      for (let i = at - 1; i >= 0 && at - i <= 3; i--) {
        if (!isSide(tokens, i, at - 1) || !touching(tokens[at - 1], tokens[at])) continue;
        const before = tokens[i - 1];
        // After 、 the side is the last of a list, cut from it (国家、集体和个人利益相结合): no opening.
        if (before?.text === '、') break;
        const opensClause = !before || !isHan(before) || !touching(before, tokens[i]);
        if ((opensClause && !/^(?:v|vd|vi)$/u.test(tokens[i].pos ?? '')) || (!opensClause && COMBINATION_VERB.test(before.text))) {
          found.push([tokens[i].start, tokens[j].end]);
          break;
        }
      }
      break;
    }
  }
  return found;
}

/** Where the wording names a form in a document (`tokens` tagged): every rule of this file and of principleLists.ts. */
export function namedPlaces(tokens: Token[]): Array<[number, number]> {
  return [...principleEnumerations(tokens), ...namedStrategies(tokens), ...combinationPrinciples(tokens), ...principleLists(tokens)];
}

/**
 * Every use in the document of the forms named at `places`, and of the forms other documents of the corpus name
 * (`corpus`: their uses here, found by the corpus's matcher of named forms): the same text wherever it starts and
 * ends on word boundaries and touches no other find (`marks`, see markFinds; a lexicon slogan held whole is allowed,
 * and the form must add to it). Longest forms first; a use inside a longer form's use is that form's.
 */
export function usesOfNamed(places: Array<[number, number]>, tokens: Token[], text: string, marks: Uint8Array, corpus: ReadonlyArray<{ canonical: string; start: number; end: number }> = []): RecurringPhrase[] {
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  const surfaces = new Map<string, Set<string>>();
  for (const [start, end] of places) {
    if (!isFree(marks, start, end)) continue;
    const surface = text.slice(start, end);
    const canonical = canonicalSurface(surface);
    if (!surfaces.has(canonical)) surfaces.set(canonical, new Set());
    surfaces.get(canonical)!.add(surface);
  }
  const elsewhere = new Map<string, Array<[number, number]>>();
  for (const use of corpus) {
    if (surfaces.has(use.canonical)) continue;
    if (!elsewhere.has(use.canonical)) elsewhere.set(use.canonical, []);
    elsewhere.get(use.canonical)!.push([use.start, use.end]);
  }
  const candidates = new Map<string, Array<[number, number]>>(elsewhere);
  for (const [canonical, written] of surfaces) {
    const at: Array<[number, number]> = [];
    for (const surface of written) for (let k = text.indexOf(surface); k >= 0; k = text.indexOf(surface, k + 1)) at.push([k, k + surface.length]);
    candidates.set(canonical, at);
  }
  const claimed = new Uint8Array(text.length);
  const found: RecurringPhrase[] = [];
  for (const [canonical, uses] of [...candidates].sort(([a], [b]) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))) {
    const spans = uses.filter(([at, end]) => starts.has(at) && ends.has(end) && isFree(marks, at, end) && claimed.subarray(at, end).every((c) => c === 0));
    if (spans.length === 0) continue;
    for (const [s, e] of spans) claimed.fill(1, s, e);
    found.push({ canonical, spans: spans.sort((a, b) => a[0] - b[0]) });
  }
  return found;
}
