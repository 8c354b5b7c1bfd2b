import { isWordToken } from '../segment/wordToken.js';

/**
 * Co-occurrence units. Every unit is a stretch of a document's word tokens (its "positions": tokens with a
 * letter or digit; punctuation and whitespace are not positions), and a unit holds the SET of term types found
 * there, so that O = units with x and y, f = units with a term, N = units (formulas in association.ts).
 *
 *   sentence   ends after 。！？；… ! ? ; and at a paragraph break ("\n": Document.text has page breaks
 *              repaired already, so every "\n" left is a real paragraph break). N = sentences with ≥ 1 word.
 *   paragraph  ends at "\n". N = paragraphs with ≥ 1 word.
 *   document   the whole document. N = documents with ≥ 1 word.
 *   window     one unit per position i: positions i … i + k of the same document (the word and the k words
 *              after it; windows cross sentence breaks, as in LancsBox and AntConc, but never documents).
 *              Hence x and y share a window exactly when they stand at most k words apart, in either order,
 *              and N = word-token positions. A pair d ≤ k words apart shares k + 1 − d windows (fewer within
 *              the first k words of a document, where fewer windows start), so `both` weighs near pairs more.
 *              Windows overlap, so t and G² overstate significance there; rank windows by log-Dice or MI.
 */
export const UNIT_KINDS = ['sentence', 'paragraph', 'document', 'window'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitSpec {
  kind: UnitKind;
  /** k, for window units: the words after each position that share its window. */
  window: number;
}

/**
 * A document reduced to what co-occurrence counting needs: the term id at every position (−1 where the
 * word is no term, e.g. a stopword: it still takes up a position) and the position each unit starts at.
 */
export interface UnitLayout {
  ids: Int32Array;
  /** Ascending starts of sentence, paragraph or document units; unit j spans [starts[j], starts[j + 1]). */
  starts: Int32Array;
}

const SENTENCE_END = /[。！？；…!?;\n]/;
const PARAGRAPH_END = /\n/;

/**
 * Lays out one document from its words as they come, chunk after chunk of the document in order (the chunked
 * pipeline's cuts, or all tokens at once); `termId` gives a word's term id or −1.
 */
export class LayoutBuilder {
  private readonly ids: number[] = [];
  private readonly starts: number[] = [];
  private readonly end: RegExp | undefined;
  private open = false;

  constructor(
    kind: UnitKind,
    private readonly termId: (word: string, tag: string | undefined) => number,
  ) {
    this.end = kind === 'sentence' ? SENTENCE_END : kind === 'paragraph' ? PARAGRAPH_END : undefined;
  }

  add(words: readonly string[], tags?: readonly string[]): void {
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (isWordToken(word)) {
        if (!this.open) this.starts.push(this.ids.length);
        this.open = true;
        this.ids.push(this.termId(word, tags?.[i]));
      } else if (this.end?.test(word)) {
        this.open = false;
      }
    }
  }

  finish(): UnitLayout {
    return { ids: Int32Array.from(this.ids), starts: Int32Array.from(this.starts) };
  }
}

/** N contributed by one document: its units that hold at least one word. */
export function unitCount(layout: UnitLayout, spec: UnitSpec): number {
  return spec.kind === 'window' ? layout.ids.length : layout.starts.length;
}

/**
 * Calls `visit` with the sorted distinct term ids (≥ 0) of every unit, including units with no term (an
 * empty list), so that a caller can count N beside the terms. `visit` receives a reused buffer of which
 * only the first `length` entries belong to the unit.
 */
export function forEachUnit(layout: UnitLayout, spec: UnitSpec, visit: (terms: Int32Array, length: number) => void): void {
  const { ids, starts } = layout;
  const buffer = new Int32Array(spec.kind === 'window' ? spec.window + 1 : ids.length);
  const emit = (from: number, to: number) => visit(buffer, distinctSorted(ids, from, to, buffer));
  if (spec.kind === 'window') {
    for (let i = 0; i < ids.length; i++) emit(i, Math.min(i + spec.window + 1, ids.length));
    return;
  }
  for (let j = 0; j < starts.length; j++) emit(starts[j], j + 1 < starts.length ? starts[j + 1] : ids.length);
}

/** Writes the distinct non-negative ids of ids[from, to) into out, ascending; returns how many. */
function distinctSorted(ids: Int32Array, from: number, to: number, out: Int32Array): number {
  let n = 0;
  for (let i = from; i < to; i++) if (ids[i] >= 0) out[n++] = ids[i];
  const sorted = out.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out[m++] = sorted[i];
  return m;
}
