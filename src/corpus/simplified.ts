import { Converter } from 'opencc-js/t2cn';

type Convert = (text: string) => string;
let converter: Convert | undefined;

/** OpenCC's traditional → simplified (mainland) converter, built on first use. */
function convert(text: string): string {
  // The package's typings do not reach the t2cn entry point under NodeNext, so the type is stated here.
  converter ??= Converter({ from: 't', to: 'cn' }) as Convert;
  return converter(text);
}

/**
 * The text in simplified characters, as long as the original in UTF-16 code units, so that token offsets of the
 * converted text are offsets of the original (KWIC and lint keep pointing at what was written): origin maps
 * made for the original text hold for the converted one. OpenCC converts
 * phrase by phrase; where a phrase changes length (rare), the text is converted one character at a time instead.
 */
export function simplifiedSameLength(text: string): string {
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const one = convert(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}
