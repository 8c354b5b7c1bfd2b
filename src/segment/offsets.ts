import type { Token, Words } from './token.js';

/**
 * Where `word` starts at or after `at`. jieba backends return bare strings that concatenate to the input, so
 * this is `at`; should a backend ever drop characters, the search keeps later offsets right instead of drifting.
 */
export function wordStart(text: string, word: string, at: number): number {
  return text.startsWith(word, at) ? at : Math.max(at, text.indexOf(word, at));
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
