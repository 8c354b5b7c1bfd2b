import { foldText } from './fold.js';
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
}

export function createLexiconMatcher(lexicon: readonly LexiconEntry[] | LexiconIndex): LexiconMatcher {
  const index = Array.isArray(lexicon) ? buildLexiconIndex(lexicon) : (lexicon as LexiconIndex);
  return {
    matches: (text, accept) => index.occurrences(foldText(text), accept).map(({ start, end, canonical }) => ({ start, end, canonical })),
    canonicalOf: (surface) => index.canonicalOfSurface(surface),
    themeOf: (canonical) => index.themeOf(canonical),
  };
}
