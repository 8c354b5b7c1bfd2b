/** A token that counts as a word: it holds a letter or digit (punctuation and whitespace do not). */
export function isWordToken(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
