import { foldText, type FoldedText } from './fold.js';
import type { LexiconEntry } from './lexicon.js';
import { buildLexiconIndex, type LexiconIndex } from './lexiconIndex.js';

export interface LexiconMatch {
  start: number;
  end: number;
  canonical: string;
}

/** The lexicon index seen from an unfolded text: what slogan extraction asks of it. */
export interface LexiconMatcher {
  /** LexiconIndex.occurrences over the folded `text`, as original ranges. */
  matches(text: string, accept: (start: number, end: number) => boolean): LexiconMatch[];
  /** The canonical form when the whole of `surface` is a written form of a slogan (folded), else undefined. */
  canonicalOf(surface: string): string | undefined;
  /** The theme of a canonical form, undefined for a formulation outside the lexicon. */
  themeOf(canonical: string): string | undefined;
  /**
   * `word` (a word of the analysis text, compared as written) occurs inside some written form of the lexicon: it is
   * of the lexicon's vocabulary (社会主义, 现代化, 反腐败), what the recurring-phrase rule asks of a phrase's words.
   */
  inVocabulary(word: string): boolean;
}

/** Substrings of 2 to this many units are kept in a set, made at the first question; a longer word is looked for in the forms. */
const MAX_INDEXED = 6;

function vocabulary(forms: Iterable<string>): (word: string) => boolean {
  let parts: Set<string> | undefined;
  let all = '';
  return (word) => {
    if (!parts) {
      const list = [...forms];
      parts = new Set();
      for (const form of list) {
        for (let i = 0; i + 2 <= form.length; i++) for (let n = 2; n <= MAX_INDEXED && i + n <= form.length; n++) parts.add(form.slice(i, i + n));
      }
      all = list.join('\n');
    }
    return word.length >= 2 && word.length <= MAX_INDEXED ? parts.has(word) : all.includes(word);
  };
}

/**
 * `fold` folds the texts `matches` is given (default foldText): matchers asked about the same text in turn may
 * share one that keeps the last fold (slogan extraction's lexicon and parts matchers).
 */
export function createLexiconMatcher(lexicon: readonly LexiconEntry[] | LexiconIndex, fold: (text: string) => FoldedText = foldText): LexiconMatcher {
  const index = Array.isArray(lexicon) ? buildLexiconIndex(lexicon) : (lexicon as LexiconIndex);
  const inVocabulary = vocabulary(index.formOf.keys());
  return {
    inVocabulary,
    matches: (text, accept) => index.occurrences(fold(text), accept).map(({ start, end, canonical }) => ({ start, end, canonical })),
    canonicalOf: (surface) => index.canonicalOfSurface(surface),
    themeOf: (canonical) => index.themeOf(canonical),
  };
}
