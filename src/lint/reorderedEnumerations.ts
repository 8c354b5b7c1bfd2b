import { originalRange, type FoldedText } from '../lexicon/fold.js';
import type { Enumeration, LexiconIndex } from '../lexicon/lexiconIndex.js';

/** Han runs joined by 、: the written enumerations a lexicon enumeration could be reordered into. */
const ENUMERATION_RUN = /\p{Script=Han}+(?:、\p{Script=Han}+)+/gu;

/** A lexicon enumeration written with the same elements in another order. */
export interface ReorderedEnumeration {
  start: number;
  end: number;
  written: string;
  form: string;
  canonical: string;
}

interface Item {
  text: string;
  /** Offset of the item in the folded text. */
  at: number;
}

function itemsOf(run: string, runAt: number): Item[] {
  const items: Item[] = [];
  let at = runAt;
  for (const text of run.split('、')) {
    items.push({ text, at });
    at += text.length + 1;
  }
  return items;
}

/**
 * Matches `enumeration` against `k` consecutive written items: inner items must be elements, the first may end
 * with one and the last start with one (要文明、规范、公正、严格执法). Returns the folded range of the elements
 * when they are the same elements in another order.
 */
function reorderedRange(items: Item[], enumeration: Enumeration): [number, number] | undefined {
  const k = enumeration.items.length;
  const elements = new Set(enumeration.items);
  const first = enumeration.items.filter((e) => items[0].text.endsWith(e)).sort((a, b) => b.length - a.length)[0];
  const last = enumeration.items.filter((e) => items[k - 1].text.startsWith(e)).sort((a, b) => b.length - a.length)[0];
  if (first === undefined || last === undefined) return undefined;
  const written = [first, ...items.slice(1, k - 1).map((i) => i.text), last];
  if (!written.slice(1, -1).every((e) => elements.has(e))) return undefined;
  const sameElements = [...written].sort().join('、') === [...enumeration.items].sort().join('、');
  if (!sameElements || written.join('、') === enumeration.form) return undefined;
  const from = items[0].at + items[0].text.length - first.length;
  return [from, items[k - 1].at + last.length];
}

/**
 * Enumerations whose order is fixed, the ones a reordering is measured against: the expansion of a numbered
 * formulation (有理想、有道德、有文化、有纪律 for 四有), or a canonical form the lexicon lists in another order too (as
 * a variant, discouraged or wrong), which shows that its order is a question. Central texts themselves write other lists in either order (形式主义、官僚主义 and
 * 官僚主义、形式主义), so those are not reported.
 */
function fixedOrder(index: LexiconIndex): Enumeration[] {
  // Made once per lexicon, not once per file: it compares every enumeration with every other, which cost a lint
  // of 20,000 small files two minutes.
  let fixed = FIXED_ORDER.get(index);
  if (!fixed) FIXED_ORDER.set(index, (fixed = fixedOrderOf(index)));
  return fixed;
}

const FIXED_ORDER = new WeakMap<LexiconIndex, Enumeration[]>();

function fixedOrderOf(index: LexiconIndex): Enumeration[] {
  const sortedItems = (e: Enumeration) => [...e.items].sort().join('、');
  return index.enumerations.filter((e) => {
    const canonical = index.canonicalOf.get(e.form) ?? e.form;
    if (canonical !== e.form) return !canonical.includes('、');
    return index.enumerations.some((o) => o !== e && index.canonicalOf.get(o.form) === canonical && sortedItems(o) === sortedItems(e));
  });
}

/** Lexicon enumerations of fixed order (严格、规范、公正、文明) whose elements are written in another order. */
export function findReorderedEnumerations(text: string, folded: FoldedText, index: LexiconIndex): ReorderedEnumeration[] {
  const found: ReorderedEnumeration[] = [];
  const fixed = fixedOrder(index);
  for (const run of folded.text.matchAll(ENUMERATION_RUN)) {
    const items = itemsOf(run[0], run.index);
    for (const enumeration of fixed) {
      const k = enumeration.items.length;
      for (let j = 0; j + k <= items.length; j++) {
        const range = reorderedRange(items.slice(j, j + k), enumeration);
        if (!range) continue;
        const [start, end] = originalRange(folded, range[0], range[1]);
        const written = text.slice(start, end);
        if (index.canonicalOf.has(folded.text.slice(range[0], range[1]))) continue;
        found.push({ start, end, written, form: enumeration.form, canonical: index.canonicalOf.get(enumeration.form) ?? enumeration.form });
      }
    }
  }
  return found;
}
