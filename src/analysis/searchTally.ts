import { searchPattern } from './kwic.js';

/**
 * How often some terms are written in the documents of each group, counted in the text as KWIC finds them (so
 * 扫黑除恶 inside 扫黑除恶专项斗争 counts, whatever the segmenter made of it): what a trend is made of. Plain data,
 * so that it is stored in the cache and crosses threads with the counts it travels with.
 */
export interface SearchTally {
  /** Documents per group (by group index). */
  docs: number[];
  /** [term][group]: occurrences. */
  counts: number[][];
  /** [term][group]: documents using the term. */
  termDocs: number[][];
}

/** Non-overlapping matches of a KWIC search pattern in a text (empty matches do not count). */
function occurrences(text: string, pattern: RegExp): number {
  let n = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    else n++;
  }
  return n;
}

/** The occurrences of each term in a text: literal (full-width ＋ read as +), or /a regular expression/, as kwic searches. */
export function termSearch(terms: readonly string[]): (text: string) => number[] {
  const patterns = terms.map((term) => searchPattern(term));
  return (text) => patterns.map((pattern) => occurrences(text, pattern));
}

/** An empty tally of `terms` terms. */
export function emptyTally(terms: number): SearchTally {
  return { docs: [], counts: Array.from({ length: terms }, () => []), termDocs: Array.from({ length: terms }, () => []) };
}

/** Adds one document of group `g` with the occurrences of each term (termSearch). */
export function tallyDocument(tally: SearchTally, g: number, matches: ArrayLike<number>): void {
  while (tally.docs.length <= g) {
    tally.docs.push(0);
    for (const row of tally.counts) row.push(0);
    for (const row of tally.termDocs) row.push(0);
  }
  tally.docs[g]++;
  for (let t = 0; t < tally.counts.length; t++) {
    tally.counts[t][g] += matches[t];
    if (matches[t] > 0) tally.termDocs[t][g]++;
  }
}
