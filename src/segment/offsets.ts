import type { Token, Words } from './token.js';

/**
 * Where `word` starts at or after `at`. jieba backends return bare strings that concatenate to the input, so
 * this is `at`; should a backend ever drop characters, the search keeps later offsets right instead of drifting.
 */
export function wordStart(text: string, word: string, at: number): number {
  return text.startsWith(word, at) ? at : Math.max(at, text.indexOf(word, at));
}

/**
 * End offset of each word in `text`, the words following one another from offset `from` on. jieba's words are
 * slices of the text, one after the other: when their lengths add up to `to` (where they should end), the ends
 * are running sums of the lengths. Otherwise (a backend that dropped characters, or no `to` given) each word is
 * looked for (wordStart).
 */
export function wordEnds(text: string, words: readonly string[], from = 0, to?: number): Uint32Array {
  const ends = new Uint32Array(words.length);
  let at = from;
  for (let i = 0; i < words.length; i++) ends[i] = at += words[i].length;
  if (at === to) return ends;
  at = from;
  for (let i = 0; i < words.length; i++) ends[i] = at = wordStart(text, words[i], at) + words[i].length;
  return ends;
}

/** Tokens with offsets from a segmentation's words (and tags). */
export function withOffsets(text: string, { words, tags }: Words): Token[] {
  const tokens: Token[] = new Array(words.length);
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const start = wordStart(text, word, at);
    at = start + word.length;
    tokens[i] = tags === undefined ? { text: word, start, end: at } : { text: word, start, end: at, pos: tags[i] };
  }
  return tokens;
}
