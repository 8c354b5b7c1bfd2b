import type { Token } from './token.js';

/**
 * jieba backends return bare strings that concatenate to the input; offsets follow from a running sum.
 * Should a backend ever drop characters, the search keeps later offsets right instead of drifting.
 */
export function withOffsets(text: string, words: Array<{ word: string; tag?: string }>): Token[] {
  const tokens: Token[] = new Array(words.length);
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const { word, tag } = words[i];
    const start = text.startsWith(word, at) ? at : Math.max(at, text.indexOf(word, at));
    at = start + word.length;
    tokens[i] = tag === undefined ? { text: word, start, end: at } : { text: word, start, end: at, pos: tag };
  }
  return tokens;
}
