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

/** Lexicon enumerations (严格、规范、公正、文明) whose elements are written in another order. */
export function findReorderedEnumerations(text: string, folded: FoldedText, index: LexiconIndex): ReorderedEnumeration[] {
  const found: ReorderedEnumeration[] = [];
  for (const run of folded.text.matchAll(ENUMERATION_RUN)) {
    const items = itemsOf(run[0], run.index);
    for (const enumeration of index.enumerations) {
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
