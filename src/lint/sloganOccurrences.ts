import { changesWithin, FOLD_BREAK_BEFORE, FOLD_SPACE_BEFORE, FOLD_TRADITIONAL, FOLD_WIDTH, type FoldedText } from '../lexicon/fold.js';
import type { LexiconIndex } from '../lexicon/lexiconIndex.js';

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
  /** The lexicon form it reads as, as the lexicon lists it (canonical or variant). */
  form: string;
  canonical: string;
}

/** A lexicon form found in a text, however it was written there. */
export interface SloganOccurrence extends LocatedForm {
  spaced: boolean;
  fullWidth: boolean;
  traditional: boolean;
  /** A repaired page break lies inside: the page-break rule reports it, and no fix may overlap that one. */
  pageBreak: boolean;
}

/** The lexicon's occurrences (LexiconIndex.occurrences), with how each was written. */
export function findSloganOccurrences(text: string, folded: FoldedText, index: LexiconIndex): SloganOccurrence[] {
  return index.occurrences(folded).map((o) => {
    const changes = changesWithin(folded, o.foldedStart, o.foldedEnd);
    return {
      start: o.start,
      end: o.end,
      foldedStart: o.foldedStart,
      foldedEnd: o.foldedEnd,
      written: text.slice(o.start, o.end),
      form: o.listed,
      canonical: o.canonical,
      spaced: (changes & FOLD_SPACE_BEFORE) !== 0,
      fullWidth: (changes & FOLD_WIDTH) !== 0,
      traditional: (changes & FOLD_TRADITIONAL) !== 0,
      pageBreak: (changes & FOLD_BREAK_BEFORE) !== 0,
    };
  });
}
