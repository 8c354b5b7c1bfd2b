import { wordStart } from './offsets.js';
import type { Words } from './token.js';

/** Index of the word that starts exactly at `offset`, or -1 (starts are ascending). */
function wordStartingAt(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = starts[mid];
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The two UTF-16 units at `i` and `i + 1` as one number. */
function opening2(text: string, i: number): number {
  return text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
}

/**
 * Joins multi-word phrases into one word after segmentation (quanteda's tokens_compound). jieba cuts at
 * 、 · and spaces before it looks at its dictionary, so `市县主战、派出所主防` can only be kept whole here.
 * A phrase is joined only where it starts and ends on word boundaries, so no other word changes; where two
 * found phrases overlap, the longer one wins.
 */
export class PhraseJoin {
  /** First and second UTF-16 units of some phrase: one pass over a text with these tables finds every occurrence. */
  private readonly opens = new Uint8Array(0x10000);
  private readonly seconds = new Uint8Array(0x10000);
  /**
   * Phrases by their first two units: phrases often open with a common character (不, 以, 一), so the first
   * alone would send most of a text to the full comparison.
   */
  private readonly byOpening = new Map<number, number[]>();

  constructor(private readonly phrases: readonly string[]) {
    phrases.forEach((phrase, p) => {
      // One unit is one word at most: nothing to join.
      if (phrase.length < 2) return;
      this.opens[phrase.charCodeAt(0)] = 1;
      this.seconds[phrase.charCodeAt(1)] = 1;
      const opening = opening2(phrase, 0);
      const list = this.byOpening.get(opening);
      if (list) list.push(p);
      else this.byOpening.set(opening, [p]);
    });
  }

  /**
   * [start, end) of every occurrence, each phrase's occurrences not overlapping one another (leftmost first,
   * as repeated indexOf would find them). One scan instead of one indexOf per phrase: most texts hold none.
   */
  private occurrences(text: string): number[] {
    const found: number[] = [];
    if (this.phrases.length === 0) return found;
    const nextFree = new Array<number>(this.phrases.length).fill(0);
    const { opens, seconds } = this;
    for (let i = 0; i + 1 < text.length; i++) {
      if (opens[text.charCodeAt(i)] === 0 || seconds[text.charCodeAt(i + 1)] === 0) continue;
      const candidates = this.byOpening.get(opening2(text, i));
      if (candidates === undefined) continue;
      for (const p of candidates) {
        const phrase = this.phrases[p];
        if (i >= nextFree[p] && text.startsWith(phrase, i)) {
          found.push(i, i + phrase.length);
          nextFree[p] = i + phrase.length;
        }
      }
    }
    return found;
  }

  apply(text: string, cut: Words): Words {
    const found = this.occurrences(text);
    if (found.length === 0) return cut;
    const { words, tags } = cut;
    const starts = new Int32Array(words.length);
    for (let i = 0, at = 0; i < words.length; i++) {
      starts[i] = wordStart(text, words[i], at);
      at = starts[i] + words[i].length;
    }
    const endOf = (i: number) => starts[i] + words[i].length;
    const joins: Array<[number, number]> = [];
    for (let k = 0; k < found.length; k += 2) {
      const [at, end] = [found[k], found[k + 1]];
      const first = wordStartingAt(starts, at);
      const after = wordStartingAt(starts, end);
      const last = after === -1 ? (words.length > 0 && endOf(words.length - 1) === end ? words.length - 1 : -1) : after - 1;
      if (first !== -1 && last > first) joins.push([first, last]);
    }
    if (joins.length === 0) return cut;
    // Longest phrase wins where two overlap: sort by start, then by length descending.
    joins.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    const outWords: string[] = [];
    const outTags: string[] | undefined = tags ? [] : undefined;
    let next = 0;
    const keep = (i: number) => {
      outWords.push(words[i]);
      outTags?.push(tags![i]);
    };
    for (const [first, last] of joins) {
      if (first < next) continue;
      while (next < first) keep(next++);
      outWords.push(text.slice(starts[first], endOf(last)));
      outTags?.push('nz');
      next = last + 1;
    }
    while (next < words.length) keep(next++);
    return outTags ? { words: outWords, tags: outTags } : { words: outWords };
  }
}
