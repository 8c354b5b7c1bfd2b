import { originalRange, type FoldedText } from '../lexicon/fold.js';
import type { LexiconIndex } from '../lexicon/lexiconIndex.js';
import { escapeRegExp } from '../escapeRegExp.js';

/** A lexicon enumeration written with a 、 missing between two elements or one too many inside an element. */
export interface EnumerationSlip {
  start: number;
  end: number;
  written: string;
  canonical: string;
  /** What is off, in the words of the message: `、 missing after 服务人民`, `extra 、 in 对党忠诚`. */
  reason: string;
}

/** The enumeration's characters with an optional 、 between any two: every way of writing its marks. */
function loosePattern(items: readonly string[]): RegExp {
  const chars = [...items.join('')];
  return new RegExp(chars.map(escapeRegExp).join('、?'), 'gu');
}

/** What differs between the written marks and the enumeration's: the first missing or extra 、. */
function slipReason(written: string, items: readonly string[]): string | undefined {
  // ends[i]: characters up to the end of item i, where a 、 belongs (the last item ends the enumeration).
  const ends: number[] = [];
  let total = 0;
  for (const item of items) ends.push((total += [...item].length));
  const writtenMarks: number[] = [];
  let count = 0;
  for (const c of written) {
    if (c === '、') writtenMarks.push(count);
    else count++;
  }
  // Written with no 、 at all, the enumeration is run together on purpose (获得感幸福感安全感): a style, not a slip.
  if (writtenMarks.length === 0) return undefined;
  const missing = ends.slice(0, -1).filter((end) => !writtenMarks.includes(end));
  const extra = writtenMarks.filter((m) => !ends.includes(m));
  // One mark off is a slip; several are another grouping of the same words (谦虚谨慎、不骄不躁).
  if (missing.length + extra.length !== 1) return undefined;
  if (missing.length === 1) return `、 missing after ${items[ends.indexOf(missing[0])]}`;
  return `extra 、 in ${items[ends.findIndex((end) => end > extra[0])]}`;
}

/**
 * Lexicon enumerations (对党忠诚、服务人民、执法公正、纪律严明) written with their elements in order but a 、
 * missing or extra (对党忠诚、服务人民执法公正、纪律严明). A form the lexicon lists is never one.
 */
export function findEnumerationSlips(text: string, folded: FoldedText, index: LexiconIndex): EnumerationSlip[] {
  const found: EnumerationSlip[] = [];
  for (const enumeration of index.enumerations) {
    if (!folded.text.includes(enumeration.items[0])) continue;
    for (const match of folded.text.matchAll(loosePattern(enumeration.items))) {
      if (index.canonicalOf.has(match[0])) continue;
      const reason = slipReason(match[0], enumeration.items);
      if (reason === undefined) continue;
      const [start, end] = originalRange(folded, match.index, match.index + match[0].length);
      found.push({ start, end, written: text.slice(start, end), canonical: index.canonicalOf.get(enumeration.form) ?? enumeration.form, reason });
    }
  }
  return found;
}
