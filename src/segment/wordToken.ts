const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A token that counts as a word: it holds a letter or digit (punctuation and whitespace do not). */
export function isWordToken(text: string): boolean {
  // Fast path for the common first characters (CJK ideographs, ASCII letters and digits): counting calls this
  // once per token, and the Unicode regex costs more than the rest of the filter.
  const c = text.charCodeAt(0);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return LETTER_OR_DIGIT.test(text);
}
