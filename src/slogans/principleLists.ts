import type { Token } from '../segment/token.js';

/**
 * Principles written as a list of four-character phrases (实行预防为主，综合治理; 坚持军民结合、寓军于民; 坚持标本兼治、
 * 综合治理、惩防并举、注重预防的方针): policy language states a working principle as two or more phrases of four
 * characters, one of them saying how things are weighed or joined (…为主, …结合, …并举, …兼治, 寓…于…). Like the other
 * named shapes (namedFormulations.ts) it is stated once; the shape, after a verb that states a principle, is the
 * evidence. The found list is then counted at every use of it in the document (usesOfNamed).
 */

/** Verbs that state a principle to follow: the list must come right after one (以预防为主，优化流程 is a sentence). */
const STATING_VERB: ReadonlySet<string> = new Set(['坚持', '实行', '贯彻', '遵循', '按照', '本着', '执行', '贯彻落实']);
/** The phrase that weighs or joins: its last two characters (预防为主, 军民结合, 惩防并举, 标本兼治), or 寓X于Y. */
const WEIGHING = /(?:为主|为辅|为本|为先|结合|并举|并重|兼治|兼顾)$|^寓\p{Script=Han}于\p{Script=Han}$/u;
/** The phrase length of such lists; a weighing phrase may be longer (属地管理为主). */
const PHRASE = 4;
const MAX_WEIGHING = 6;
/** An adverb or pronoun in the phrase makes a plain verb phrase (相互|结合, 紧密|结合, 以此|为主). */
const PLAIN_OPENING = /^(?:d|ad|r)$/u;

const isHan = (t: Token | undefined): t is Token => t !== undefined && /^\p{Script=Han}+$/u.test(t.text);
const touching = (a: Token, b: Token) => a.end === b.start;

/** The phrase of touching Han tokens from `from` up to a mark or 的: its last token, or -1. */
function phraseEnd(tokens: Token[], from: number): number {
  if (!isHan(tokens[from]) || tokens[from].text === '的') return -1;
  let to = from;
  while (isHan(tokens[to + 1]) && tokens[to + 1].text !== '的' && touching(tokens[to], tokens[to + 1])) to++;
  return to;
}

/** Tokens [from, to] are a weighing phrase (WEIGHING, not opened by an adverb or pronoun). */
function isWeighing(tokens: Token[], from: number, to: number, phrase: string): boolean {
  if (!WEIGHING.test(phrase) || phrase.length > MAX_WEIGHING || tokens.slice(from, to).some((t) => PLAIN_OPENING.test(t.pos ?? ''))) return false;
  // A longer one names what weighs most (属地管理为主); opened by a verb it is a verb phrase (注重|统筹兼顾).
  return phrase.length === PHRASE || !/^v/u.test(tokens[from].pos ?? '');
}

/**
 * Lists of principle phrases right after a stating verb (STATING_VERB): two or more phrases separated by 、 or by
 * commas (one of the two throughout), each of four characters or a weighing phrase of up to six, at least one of them weighing; the list ends
 * before the first phrase that is not one (坚持标本兼治、综合治理，强化监督问责 → 标本兼治、综合治理). Returns
 * `[start, end)` of each list.
 */
export function principleLists(tokens: Token[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!STATING_VERB.has(tokens[i].text) || !touching(tokens[i], tokens[i + 1])) continue;
    let phrases = 0;
    let weighing = false;
    let end = -1;
    // One separator throughout: after a list in 、 a comma ends the list (…、协调推进，把稳增长…).
    let separatorUsed: string | undefined;
    for (let from = i + 1; ; ) {
      const to = phraseEnd(tokens, from);
      if (to < 0) break;
      const phrase = tokens.slice(from, to + 1).map((t) => t.text).join('');
      const weighs = isWeighing(tokens, from, to, phrase);
      if (phrase.length !== PHRASE && !weighs) break;
      phrases++;
      weighing ||= weighs;
      end = to;
      const separator = tokens[to + 1];
      if (!separator || !/^[、，,]$/u.test(separator.text) || !touching(tokens[to], separator) || !tokens[to + 2] || !touching(separator, tokens[to + 2])) break;
      const kind = separator.text === '、' ? '、' : '，';
      if ((separatorUsed ??= kind) !== kind) break;
      from = to + 2;
    }
    if (phrases >= 2 && weighing) found.push([tokens[i + 1].start, tokens[end].end]);
  }
  return found;
}
