import { createRequire } from 'node:module';

type Convert = (text: string) => string;
let converter: Convert | undefined;

/**
 * OpenCC's traditional → simplified (mainland) converter, loaded and built on first use: importing it reads its
 * dictionaries (about 20 ms), which every run paid at start though few convert anything.
 */
function convert(text: string): string {
  if (!converter) {
    // The package's typings do not reach the t2cn entry point under NodeNext, so the type is stated here.
    const { Converter } = createRequire(import.meta.url)('opencc-js/t2cn') as { Converter: (options: { from: string; to: string }) => Convert };
    converter = Converter({ from: 't', to: 'cn' });
  }
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
