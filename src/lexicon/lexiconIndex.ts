import { buildCharTrie, type CharTrie } from './charTrie.js';
import { foldForm, foldText, originalRange, type FoldedText } from './fold.js';
import { lexiconSurfaceForms, type LexiconEntry } from './lexicon.js';

/** Shorter forms (两山, 护游, 1+N) are left out of fuzzy matching: one character off, they are other words. */
const MIN_FUZZY_LENGTH = 4;
/** A character too many or too few is only looked for in long forms, where it cannot be a different phrase. */
export const MIN_INDEL_LENGTH = 6;
/** The longest aside skipped inside a slogan: `一村（格）一警`, `凡提（晋）必考`. */
const MAX_ASIDE = 4;

/** One half of a lexicon form: a window one edit away from the form contains one of its halves unchanged. */
export interface FormHalf {
  form: string;
  side: 'left' | 'right';
}

/** A lexicon form that lists elements with 、 (严格、规范、公正、文明). */
export interface Enumeration {
  form: string;
  items: string[];
}

/** A written form of the lexicon, as listed and as folded. */
export interface LexiconForm {
  /** As the lexicon lists it (canonical or variant). */
  listed: string;
  canonical: string;
}

/** A lexicon form found in a folded text. */
export interface LexiconOccurrence {
  /** Range in the folded text; the original range is originalRange(folded, foldedStart, foldedEnd). */
  foldedStart: number;
  foldedEnd: number;
  /** Original range in the text. */
  start: number;
  end: number;
  /** The folded lexicon form it reads as. */
  form: string;
  /** That form as the lexicon lists it. */
  listed: string;
  canonical: string;
}

/**
 * The lexicon compiled once for every matcher: slogans (counting), lint (checking) and the segmenter's phrase
 * join all look forms up here, so they agree on what is a slogan and where it stands.
 */
export interface LexiconIndex {
  /** Every folded written form (canonical or variant) → its canonical form. */
  canonicalOf: ReadonlyMap<string, string>;
  /** Every folded written form → the form as listed and its canonical. */
  formOf: ReadonlyMap<string, LexiconForm>;
  /** The folded forms, values the folded form itself. */
  forms: CharTrie<string>;
  halves: CharTrie<FormHalf>;
  enumerations: Enumeration[];
  /** The theme of a canonical form, undefined for a formulation outside the lexicon. */
  themeOf(canonical: string): string | undefined;
  /**
   * Leftmost-longest, non-overlapping occurrences in a folded text among the original spans `[start, end)` that
   * `accept` allows (all, without it). A form nested in a longer one (`大数据` in `专业+机制+大数据`) is part of the
   * longer occurrence and is not found again; the same words elsewhere are. Inside an occurrence a short
   * bracketed aside is skipped (`一村（格）一警` is 一村一警).
   */
  occurrences(folded: FoldedText, accept?: (start: number, end: number) => boolean): LexiconOccurrence[];
  /** The canonical form when the whole of `surface`, folded, is a written form of a slogan, else undefined. */
  canonicalOfSurface(surface: string): string | undefined;
}

function halvesOf(form: string): Array<[string, FormHalf]> {
  const middle = Math.floor(form.length / 2);
  return [
    [form.slice(0, middle), { form, side: 'left' }],
    [form.slice(middle), { form, side: 'right' }],
  ];
}

/** Offset after a bracketed aside of 1..MAX_ASIDE units opening at `at` of the folded text, or -1. */
function asideEnd(text: string, at: number): number {
  if (text[at] !== '(') return -1;
  for (let j = at + 2; j <= at + MAX_ASIDE + 1 && j < text.length; j++) {
    if (text[j] === ')') return j + 1;
    if (text[j] === '\n') return -1;
  }
  return -1;
}

export function buildLexiconIndex(entries: readonly LexiconEntry[]): LexiconIndex {
  const formOf = new Map<string, LexiconForm>();
  for (const [listed, canonical] of lexiconSurfaceForms(entries)) {
    const form = foldForm(listed);
    if (!formOf.has(form)) formOf.set(form, { listed, canonical });
  }
  const canonicalOf = new Map([...formOf].map(([form, { canonical }]) => [form, canonical]));
  const folded = [...formOf.keys()];
  const forms = buildCharTrie(folded.map((form): [string, string] => [form, form]));
  const themes = new Map(entries.map((e) => [e.canonical, e.theme]));
  const resume = (text: string) => (i: number) => asideEnd(text, i);

  function longestAt(text: FoldedText, p: number, accept?: (start: number, end: number) => boolean): LexiconOccurrence | undefined {
    let best: LexiconOccurrence | undefined;
    forms.walk(
      text.text,
      p,
      (end, values) => {
        const [start, stop] = originalRange(text, p, end);
        if (accept && !accept(start, stop)) return;
        const { listed, canonical } = formOf.get(values[0])!;
        best = { foldedStart: p, foldedEnd: end, start, end: stop, form: values[0], listed, canonical };
      },
      resume(text.text),
    );
    return best;
  }

  return {
    canonicalOf,
    formOf,
    forms,
    halves: buildCharTrie(folded.filter((form) => form.length >= MIN_FUZZY_LENGTH).flatMap(halvesOf)),
    enumerations: folded.filter((form) => form.includes('、')).map((form) => ({ form, items: form.split('、') })),
    themeOf: (canonical) => themes.get(canonical),
    occurrences(text, accept) {
      const found: LexiconOccurrence[] = [];
      for (let p = 0; p < text.text.length; p++) {
        if (!forms.opens(text.text[p])) continue;
        const occurrence = longestAt(text, p, accept);
        if (occurrence) {
          found.push(occurrence);
          p = occurrence.foldedEnd - 1;
        }
      }
      return found;
    },
    canonicalOfSurface(surface) {
      const text = foldText(surface.trim());
      return text.text === '' ? undefined : longestAt(text, 0, (_, end) => end === surface.trim().length)?.canonical;
    },
  };
}
