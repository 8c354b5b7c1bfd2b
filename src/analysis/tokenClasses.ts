/**
 * Classes of tokens a count can leave out with --drop: `numbers` (1956, 10.9, ３, and Chinese numerals such as
 * 一九五八年), `latin` (GDP, WTO: Latin letters and digits without a Chinese character). Years and amounts
 * crowd the key terms of yearly reports without saying what a report is about.
 */
export const TOKEN_CLASSES = ['numbers', 'latin'] as const;
export type TokenClass = (typeof TOKEN_CLASSES)[number];

const ARABIC = /^[0-9０-９][0-9０-９.,，．%％‰:：/\-]*$/u;
/**
 * Chinese numerals written digit by digit, three or more (一九五八年, 一九八: years), a date unit allowed at the
 * end, or one numeral alone (一, 十, 两). Not 六五 or 十四五: those name five-year plans.
 */
const CHINESE = /^(?:[〇零一二三四五六七八九]{3,}[年月日号]?|[〇零一二三四五六七八九十百千万亿两])$/u;
const LATIN = /^[A-Za-zＡ-Ｚａ-ｚ0-9０-９.\-&+_']*[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９.\-&+_']*$/u;

export function tokenClassOf(word: string): TokenClass | undefined {
  if (ARABIC.test(word) || CHINESE.test(word)) return 'numbers';
  if (LATIN.test(word)) return 'latin';
  return undefined;
}
