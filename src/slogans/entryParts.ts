import { createLexiconMatcher, type LexiconMatcher } from '../lexicon/lexiconMatcher.js';
import type { LexiconEntry } from '../lexicon/lexicon.js';
import { foldText, type FoldedText } from '../lexicon/fold.js';

/**
 * The parts of long lexicon entries that texts use on their own: 为人民服务 of 为人民服务、为社会主义服务, 平等团结互助和谐
 * of 平等团结互助和谐的社会主义民族关系, 社会主义现代化建设 of 改革开放和社会主义现代化建设. A part is counted where its
 * document uses it on its own and at least twice in all (extract.ts: keepRecurringParts), so that a long entry
 * used once does not make rows of its pieces.
 */

/** A 、-item counts on its own from this length: shorter items are words of the list (严格、规范; 民族地区、边疆地区). */
const MIN_ITEM = 5;
/**
 * A `…化` manner before a noun (精细化服务, 信息化支撑, 网格化管理) is a plain phrase out of its list; an item that ends
 * in 化 (世界多极化, 经济全球化) names a process and stands alone.
 */
const MANNER_AND_NOUN = /化\p{Script=Han}/u;
/** Words with 和 inside: no conjunction there (和谐, 和平, 共和国). */
const HE_WORDS = /和[谐平睦美衷]|[共祥温缓调协]和/u;

/**
 * A run of two-character words coordinated without commas (平等团结互助和谐): at least four of them, as three make
 * clauses as often (解决台湾问题, 人民日益增长).
 */
const COORDINATE_RUN = /^(?:\p{Script=Han}{2}){4,}$/u;
/** Characters that make a run a clause, not a coordination of words: 的, 以, 为, 对, 在, 是, 和, 与, 及, 党, 之. */
const CLAUSE_CHARACTER = /[的以为对在是和与及党之把将]/u;

/**
 * The parts of one canonical form, each itself formulation-shaped:
 * - the items of an enumeration (、) of MIN_ITEM characters or more (为人民服务), not a clause (以…为…, …的…) nor a
 *   manner and a noun (MANNER_AND_NOUN), nor an item that carries what all share (more than twice the shortest);
 * - of `X和Y` (one 和, no 、), the conjunct beside a conjunct that is itself a slogan of the lexicon (`isSlogan`):
 *   the lexicon coordinates two formulations (改革开放 和 社会主义现代化建设), not a task and a plain phrase
 *   (统筹疫情防控 和 经济社会发展);
 * - of `X的Y`, a modifier X that is a coordinate run (平等团结互助和谐 of …的社会主义民族关系); the head Y after 的 is
 *   the entry's generic category (民族关系, 财政政策), no formulation alone.
 */
export function partsOf(canonical: string, isSlogan: (form: string) => boolean): string[] {
  const parts: string[] = [];
  if (canonical.includes('、')) {
    const items = canonical.split('、');
    // An item more than twice as long as the shortest carries what the items share (市场化、法治化、国际化一流营商环境).
    const shortest = Math.min(...items.map((i) => [...i].length));
    for (const item of items) {
      const length = [...item].length;
      if (length >= MIN_ITEM && length <= 2 * shortest && !CLAUSE_CHARACTER.test(item.replace(/^为/u, '')) && !MANNER_AND_NOUN.test(item)) parts.push(item);
    }
  } else {
    const conjunctions = [...canonical.matchAll(/[和与]/gu)].filter((m) => !HE_WORDS.test(canonical.slice(Math.max(0, m.index - 1), m.index + 2)));
    if (conjunctions.length === 1) {
      const at = conjunctions[0].index;
      const [left, right] = [canonical.slice(0, at), canonical.slice(at + 1)];
      if (isSlogan(left) && right.length >= MIN_ITEM) parts.push(right);
      if (isSlogan(right) && left.length >= MIN_ITEM) parts.push(left);
    }
    const of = canonical.split('的');
    if (of.length === 2 && COORDINATE_RUN.test(of[0]) && !CLAUSE_CHARACTER.test(of[0])) parts.push(of[0]);
  }
  return parts.filter((p) => p !== canonical && !isSlogan(p));
}

/**
 * The parts of every entry as entries of their own (the theme of the entry they come from; the first entry wins),
 * for the parts matcher of slogan extraction. Empty when no entry has parts.
 */
export function entryParts(entries: readonly LexiconEntry[]): LexiconEntry[] {
  const forms = new Set(entries.flatMap((e) => [e.canonical, ...e.variants]));
  const parts = new Map<string, LexiconEntry>();
  for (const entry of entries) {
    for (const part of partsOf(entry.canonical, (form) => forms.has(form))) {
      if (!parts.has(part)) parts.set(part, { canonical: part, variants: [], theme: entry.theme, expansion: [], note: `part of ${entry.canonical}`, extra: {} });
    }
  }
  return [...parts.values()];
}

/** The lexicon as slogan extraction matches it: its own forms, and the parts of its long entries (`parts`). */
export interface SloganMatcher extends LexiconMatcher {
  parts?: LexiconMatcher;
}

export function createSloganMatcher(entries: readonly LexiconEntry[]): SloganMatcher {
  const derived = entryParts(entries);
  if (derived.length === 0) return createLexiconMatcher(entries);
  // Both matchers read each document in turn: it is folded once.
  let last: { text: string; folded: FoldedText } | undefined;
  const fold = (text: string) => (last?.text === text ? last.folded : (last = { text, folded: foldText(text) }).folded);
  const matcher = createLexiconMatcher(entries, fold);
  const parts = createLexiconMatcher(derived, fold);
  return { ...matcher, parts, themeOf: (canonical) => matcher.themeOf(canonical) ?? parts.themeOf(canonical) };
}
