import { isWordToken } from '../segment/wordToken.js';
import type { Token, Words } from '../segment/token.js';
import { tokenClassOf, type TokenClass } from './tokenClasses.js';

export interface FilterOptions {
  stopwords?: Set<string>;
  /** Keep only tokens whose POS tag starts with one of these (e.g. n, v, nz); needs tagging. */
  pos?: string[];
  /** Drop tokens shorter than this many characters (1 keeps everything). */
  minLength?: number;
  /** Drop tokens of these classes (numbers, latin). */
  drop?: TokenClass[];
}

/** Characters of a word as the string iterator counts them (a surrogate pair is one), without an array. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Whether a word counts for frequency tables: a word, not a stopword, of a wanted POS and length. */
export function wordFilter(options: FilterOptions): (word: string, tag: string | undefined) => boolean {
  const { stopwords, pos, minLength = 1 } = options;
  const drop = options.drop && options.drop.length > 0 ? new Set(options.drop) : undefined;
  // The common case, without options, is called once per token of the corpus: no closure over unused checks.
  if (!stopwords && !pos && minLength <= 1 && !drop) return isWordToken;
  return (word, tag) =>
    isWordToken(word) &&
    (minLength <= 1 || codePoints(word) >= minLength) &&
    !(stopwords?.has(word) ?? false) &&
    !(drop && drop.has(tokenClassOf(word)!)) &&
    (!pos || pos.some((p) => (tag ?? '').startsWith(p)));
}

/** wordFilter for tokens. */
export function tokenFilter(options: FilterOptions): (t: Token) => boolean {
  const keep = wordFilter(options);
  return (t) => keep(t.text, t.pos);
}

/** A run of kept words and the word index of its first word among all the text's word tokens. */
export interface WordRun {
  words: string[];
  first: number;
}

/**
 * Word sequences of a document for n-grams: runs of kept words, broken wherever a punctuation mark or a
 * filtered-out word stood, so that no n-gram spans a sentence or clause boundary; and the text's word tokens.
 */
export function wordRuns({ words, tags }: Words, keep: (word: string, tag: string | undefined) => boolean): { runs: WordRun[]; wordCount: number } {
  const runs: WordRun[] = [];
  let run: WordRun = { words: [], first: 0 };
  let wordCount = 0;
  const close = () => {
    if (run.words.length > 0) runs.push(run);
    run = { words: [], first: 0 };
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.trim()) continue;
    if (keep(word, tags?.[i])) {
      if (run.words.length === 0) run.first = wordCount;
      run.words.push(word);
    } else close();
    if (isWordToken(word)) wordCount++;
  }
  close();
  return { runs, wordCount };
}
