import { FOLD_TRADITIONAL, FOLD_WIDTH, originalRange, type FoldedText } from './foldText.js';
import type { SloganIndex } from './sloganIndex.js';

/** Where a lexicon form (or something close to one) was written, in the original and the folded text. */
export interface LocatedForm {
  /** Original range in the text. */
  start: number;
  end: number;
  /** Range in the folded text, to tell which fuzzy candidates overlap it. */
  foldedStart: number;
  foldedEnd: number;
  /** What the editor wrote, spaces and all. */
  written: string;
  /** The lexicon form it reads as once folded (canonical or variant). */
  form: string;
  canonical: string;
}

/** A lexicon form found in a text, however it was written there. */
export interface SloganOccurrence extends LocatedForm {
  spaced: boolean;
  fullWidth: boolean;
  traditional: boolean;
}

/** Leftmost-longest, non-overlapping matches of the lexicon forms in the folded text. */
export function findSloganOccurrences(text: string, folded: FoldedText, index: SloganIndex): SloganOccurrence[] {
  const occurrences: SloganOccurrence[] = [];
  for (let p = 0; p < folded.text.length; ) {
    let longest: { end: number; form: string } | undefined;
    index.forms.walk(folded.text, p, (end, forms) => {
      longest = { end, form: forms[0] };
    });
    if (!longest) {
      p++;
      continue;
    }
    const [start, end] = originalRange(folded, p, longest.end);
    let changes = 0;
    for (let k = p; k < longest.end; k++) changes |= folded.changes[k];
    occurrences.push({
      start,
      end,
      foldedStart: p,
      foldedEnd: longest.end,
      written: text.slice(start, end),
      form: longest.form,
      canonical: index.canonicalOf.get(longest.form) ?? longest.form,
      // Folding drops only inline spaces, so a longer original range means spaces inside.
      spaced: end - start > longest.end - p,
      fullWidth: (changes & FOLD_WIDTH) !== 0,
      traditional: (changes & FOLD_TRADITIONAL) !== 0,
    });
    p = longest.end;
  }
  return occurrences;
}
