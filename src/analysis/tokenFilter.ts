import { isWordToken } from '../segment/wordToken.js';
import type { Token } from '../segment/token.js';

export interface FilterOptions {
  stopwords?: Set<string>;
  /** Keep only tokens whose POS tag starts with one of these (e.g. n, v, nz); needs tagging. */
  pos?: string[];
  /** Drop tokens shorter than this many characters (1 keeps everything). */
  minLength?: number;
}

/** Whether a token counts for frequency tables: a word, not a stopword, of a wanted POS and length. */
export function tokenFilter(options: FilterOptions): (t: Token) => boolean {
  const { stopwords, pos, minLength = 1 } = options;
  return (t) =>
    isWordToken(t.text) &&
    (minLength <= 1 || [...t.text].length >= minLength) &&
    !(stopwords?.has(t.text) ?? false) &&
    (!pos || pos.some((p) => (t.pos ?? '').startsWith(p)));
}

/**
 * Word sequences of a document for n-grams: runs of kept tokens, broken wherever a punctuation mark or a
 * filtered-out token stood, so that no n-gram spans a sentence or clause boundary.
 */
export function wordRuns(tokens: Token[], keep: (t: Token) => boolean): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const t of tokens) {
    if (!t.text.trim()) continue;
    if (keep(t)) run.push(t.text);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
