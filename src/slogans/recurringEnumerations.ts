import type { Token } from '../segment/token.js';
import { canonicalSurface } from '../lexicon/fold.js';
import { isFree, MIN_RECURRENCE, type RecurringPhrase } from './recurringPhrases.js';

/**
 * Fixed enumerations a document repeats without a head after them: three to five parallel items separated by 、 (the
 * last one may follow 和, 与, 及), written the same way at least twice (针对性、灵活性和前瞻性; 工业化、城镇化和农业现代化;
 * 不平衡、不协调、不可持续). What makes the items parallel, and not a list of things, is their form: every item shares
 * its first or its last character with the others (…化, 不…, 法治…), as the items of a coined triad do; and what makes
 * them policy language is that one of them at least is of the lexicon's vocabulary (inside some lexicon form, as
 * recurringPhrases asks of its words): a law's lists of categories (爆炸性、毒害性、放射性) and a service page's lists
 * of services (健康档案管理、健康咨询、健康指导) share affixes too. Decided per document, as recurringPhrases.
 */

const MIN_ITEMS = 3;
const MAX_ITEMS = 5;
/** Items of two to six characters (不协调, 生态文明建设); no two differing by more than MAX_SPREAD. */
const ITEM_MIN = 2;
const ITEM_MAX = 6;
const MAX_SPREAD = 2;
/** The conjunctions that may stand before the last item. */
const LAST_JOINERS: ReadonlySet<string> = new Set(['和', '与', '及', '以及']);
/** Words an item cannot hold: they join or cut clauses (安全和发展利益, 党的建设). */
const CLAUSE_WORDS: ReadonlySet<string> = new Set(['和', '与', '及', '或', '或者', '以及', '并', '的', '等', '之', '是', '同']);
/** Tags of names: places, people, organisations (北京、上海、广州; 教育部、公安部、民政部) are things listed, not terms. */
const NAME_TAGS = /^(?:nr|nrt|ns|nt)$/u;
const COUNT = /[0-9０-９一二三四五六七八九十百千万亿两第]/u;
/**
 * Shared ends that make the items members of a class of things: persons (控告人、检举人、证人), bodies (行政机关、监察机关…;
 * 国有企业、民营企业、外资企业), diseases (艾滋病、结核病、血吸虫病) and goods (麻醉药品、精神药品和易制毒化学品). A law lists
 * them again and again to say whom or what a rule covers; a formulation's items name qualities, tasks or fields.
 */
const CLASS_MEMBER = /(?:人|者|员|机关|机构|部门|单位|企业|公司|组织|病|症|品|物|剂)$/u;

const isHan = (t: Token | undefined): t is Token => t !== undefined && /^\p{Script=Han}+$/u.test(t.text);
const touching = (a: Token, b: Token) => a.end === b.start;
const isItemWord = (t: Token | undefined): t is Token => isHan(t) && !CLAUSE_WORDS.has(t.text);

/** Tokens [from, to] inclusive. */
type Run = [number, number];

/** The run of item words that ends at token `to` (going back), or undefined when `to` is none. */
function runEndingAt(tokens: Token[], to: number): Run | undefined {
  if (!isItemWord(tokens[to])) return undefined;
  let from = to;
  while (from > 0 && isItemWord(tokens[from - 1]) && touching(tokens[from - 1], tokens[from])) from--;
  return [from, to];
}

/** The run of item words that starts at token `from`, or undefined. */
function runStartingAt(tokens: Token[], from: number): Run | undefined {
  if (!isItemWord(tokens[from])) return undefined;
  let to = from;
  while (to + 1 < tokens.length && isItemWord(tokens[to + 1]) && touching(tokens[to], tokens[to + 1])) to++;
  return [from, to];
}

const text = (tokens: Token[], [from, to]: Run) => tokens.slice(from, to + 1).map((t) => t.text).join('');

/** What all of `items` share: their first character, their last, or neither (''). */
function sharedAffix(items: string[]): { first: string; last: string } {
  const first = items.every((s) => s[0] === items[0][0]) ? items[0][0] : '';
  const last = items.every((s) => s.at(-1) === items[0].at(-1)) ? items[0].at(-1)! : '';
  return { first, last };
}

/**
 * The item cut from an outer run at a word boundary: the first item of an enumeration is the end of the run before
 * its first 、 (提高政策的|针对性: a verb or subject before it stays out), the last one the start of the run after its
 * joiner (农业现代化|快速推进). Among the cuts of ITEM_MIN–ITEM_MAX characters that keep the affix the middle items
 * share, the one closest in length to `reference` (the first middle item), the longer one on a tie.
 */
function cutItem(tokens: Token[], [from, to]: Run, side: 'first' | 'last', affix: { first: string; last: string }, reference: number): Run | undefined {
  let best: Run | undefined;
  let bestDistance = Infinity;
  for (let k = side === 'first' ? to : from; side === 'first' ? k >= from : k <= to; k += side === 'first' ? -1 : 1) {
    const run: Run = side === 'first' ? [k, to] : [from, k];
    const item = text(tokens, run);
    if (item.length > ITEM_MAX) break;
    if (item.length < ITEM_MIN || !((affix.first && item[0] === affix.first) || (affix.last && item.at(-1) === affix.last))) continue;
    const distance = Math.abs(item.length - reference);
    if (distance <= bestDistance) [best, bestDistance] = [run, distance];
  }
  return best;
}

/**
 * The enumeration whose first 、 is token `comma`: `[start, end)` and the items, or undefined when it has not the
 * shape (item count, lengths, a shared first or last character, no count, no name, not all plain two-character words,
 * not all members of a class, one item at least of the lexicon's vocabulary: `inVocabulary`).
 */
export function enumerationAt(tokens: Token[], comma: number, inVocabulary: (word: string) => boolean): [number, number] | undefined {
  const before = runEndingAt(tokens, comma - 1);
  if (!before || !touching(tokens[comma - 1], tokens[comma])) return undefined;
  const middle: Run[] = [];
  let k = comma;
  let lastOuter: Run | undefined;
  for (;;) {
    const run = runStartingAt(tokens, k + 1);
    if (!run || !touching(tokens[k], tokens[k + 1])) return undefined;
    const after = tokens[run[1] + 1];
    if (after?.text === '、' && touching(tokens[run[1]], after)) {
      middle.push(run);
      k = run[1] + 1;
      continue;
    }
    if (after && LAST_JOINERS.has(after.text) && touching(tokens[run[1]], after)) {
      middle.push(run);
      lastOuter = runStartingAt(tokens, run[1] + 2);
      if (!lastOuter || !touching(after, tokens[lastOuter[0]])) return undefined;
    } else {
      lastOuter = run;
    }
    break;
  }
  if (middle.length === 0 || middle.length + 2 < MIN_ITEMS || middle.length + 2 > MAX_ITEMS) return undefined;
  const middleTexts = middle.map((r) => text(tokens, r));
  const affix = sharedAffix(middleTexts);
  if (!affix.first && !affix.last) return undefined;
  const reference = middleTexts[0].length;
  const first = cutItem(tokens, before, 'first', affix, reference);
  const last = cutItem(tokens, lastOuter, 'last', affix, reference);
  if (!first || !last) return undefined;
  const runs = [first, ...middle, last];
  const items = runs.map((r) => text(tokens, r));
  const lengths = items.map((s) => s.length);
  if (Math.min(...lengths) < ITEM_MIN || Math.max(...lengths) > ITEM_MAX || Math.max(...lengths) - Math.min(...lengths) > MAX_SPREAD) return undefined;
  const shared = sharedAffix(items);
  if (!shared.first && !shared.last) return undefined;
  if (items.every((s) => CLASS_MEMBER.test(s)) || !items.some(inVocabulary)) return undefined;
  // A noun right after the last item is what the list describes (构建规范化、垂直化、同质化|医疗机构…体系): an attribute of
  // that thing, not an enumeration that stands for itself (…农业现代化|快速推进, …不可持续。).
  const next = tokens[last[1] + 1];
  if (next && touching(tokens[last[1]], next) && isHan(next) && /^n/u.test(next.pos ?? '')) return undefined;
  if (items.some((s) => COUNT.test(s))) return undefined;
  if (runs.some(([from, to]) => from === to && NAME_TAGS.test(tokens[from].pos ?? ''))) return undefined;
  // Two-character words listed (农业、工业、商业; 小学、中学、大学) are things; a coined triad has longer items.
  if (lengths.every((n) => n === ITEM_MIN)) return undefined;
  return [tokens[first[0]].start, tokens[last[1]].end];
}

/**
 * The enumerations of enumerationAt that the document writes the same way at least MIN_RECURRENCE times, outside
 * the other finds (`marks`; a lexicon slogan held whole as an item allowed).
 */
export function recurringEnumerations(tokens: Token[], source: string, marks: Uint8Array, inVocabulary: (word: string) => boolean): RecurringPhrase[] {
  const uses = new Map<string, Array<[number, number]>>();
  for (let k = 1; k < tokens.length; k++) {
    if (tokens[k].text !== '、') continue;
    // Only from the first 、 of a list: from a later one the items would be cut from a longer list.
    const before = runEndingAt(tokens, k - 1);
    const opening = before ? tokens[before[0] - 1] : undefined;
    if (opening?.text === '、' && touching(opening, tokens[before![0]])) continue;
    const span = enumerationAt(tokens, k, inVocabulary);
    if (!span || !isFree(marks, span[0], span[1])) continue;
    const form = canonicalSurface(source.slice(span[0], span[1]));
    if (!uses.has(form)) uses.set(form, []);
    uses.get(form)!.push(span);
  }
  return [...uses].filter(([, spans]) => spans.length >= MIN_RECURRENCE).map(([canonical, spans]) => ({ canonical, spans }));
}
