const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Verdicts for one-unit tokens by code unit (0 not known yet, 1 a word, 2 not): punctuation is most of them. */
const ONE_UNIT = new Uint8Array(0x10000);

/** A token that counts as a word: it holds a letter or digit (punctuation and whitespace do not). */
export function isWordToken(text: string): boolean {
  // Counting calls this once per token of the corpus, and the Unicode regex costs more than the rest of the
  // filter: common first characters (CJK ideographs, ASCII letters and digits) and one-unit tokens (，。、 …)
  // are answered without it.
  const c = text.charCodeAt(0);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  if (text.length !== 1) return LETTER_OR_DIGIT.test(text);
  if (ONE_UNIT[c] === 0) ONE_UNIT[c] = LETTER_OR_DIGIT.test(text) ? 1 : 2;
  return ONE_UNIT[c] === 1;
}
