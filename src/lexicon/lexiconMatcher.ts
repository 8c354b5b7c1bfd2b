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
  /**
   * `word` (folded) occurs inside some written form of the lexicon: it is of the lexicon's vocabulary (社会主义,
   * 现代化, 反腐败), what the recurring-phrase rule asks of a phrase's words.
   */
  inVocabulary(word: string): boolean;
}

/** Substrings up to this length are kept in a set; a longer word is looked for in the forms themselves. */
const MAX_INDEXED = 8;

function vocabulary(forms: Iterable<string>): (word: string) => boolean {
  let parts: Set<string> | undefined;
  let all = '';
  return (word) => {
    if (!parts) {
      const list = [...forms];
      parts = new Set();
      for (const form of list) {
        for (let i = 0; i < form.length; i++) for (let n = 1; n <= MAX_INDEXED && i + n <= form.length; n++) parts.add(form.slice(i, i + n));
      }
      all = list.join('\n');
    }
    const folded = foldText(word).text;
    return folded.length <= MAX_INDEXED ? parts.has(folded) : all.includes(folded);
  };
}

export function createLexiconMatcher(lexicon: readonly LexiconEntry[] | LexiconIndex): LexiconMatcher {
  const index = Array.isArray(lexicon) ? buildLexiconIndex(lexicon) : (lexicon as LexiconIndex);
  const inVocabulary = vocabulary(index.formOf.keys());
  return {
    inVocabulary,
    matches: (text, accept) => index.occurrences(foldText(text), accept).map(({ start, end, canonical }) => ({ start, end, canonical })),
    canonicalOf: (surface) => index.canonicalOfSurface(surface),
    themeOf: (canonical) => index.themeOf(canonical),
  };
}
