import { xmlTokens } from './xml.js';

/** One level of a list: where it starts, how its number is written, and the text around it (`%1、`, `（%2）`). */
interface Level {
  start: number;
  format: string;
  text: string;
  /** The paragraph style this level belongs to (its w:pStyle): a style's paragraphs without an ilvl take this level. */
  style?: string;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const ROMAN: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: numbers as Chinese documents count 条, 章 and 一、 items. */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = [...String(n)].map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += d === 1 && unit === '十' && out === '' ? '十' : CHINESE_DIGITS[d] + unit;
  });
  return out;
}

function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb …
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A number as a level's numFmt writes it (also a note's mark); formats tifa does not know are written as decimals. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    default:
      return String(n);
  }
}

/**
 * The numbers Word writes before list paragraphs (`一、`, `（一）`, `1.`), which are not in the document's text
 * but in numbering.xml: each paragraph with a numPr (its own or its style's) gets its level's next number, and a
 * level restarts below a higher one. Bullets are no text.
 */
export class DocxNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(xml: string | undefined) {
    let abstract: Map<number, Level> | undefined;
    let level: Level | undefined;
    let num: { abstract: string; starts: Map<number, number> } | undefined;
    let override: number | undefined;
    for (const t of xmlTokens(xml ?? '')) {
      if (t.kind === 'text') continue;
      const val = t.attrs['w:val'];
      if (t.name === 'w:abstractNum' && t.kind === 'open') this.abstracts.set(t.attrs['w:abstractNumId'] ?? '', (abstract = new Map()));
      else if (t.name === 'w:abstractNum' && t.kind === 'close') abstract = undefined;
      else if (t.name === 'w:lvl' && t.kind === 'open' && abstract) abstract.set(Number(t.attrs['w:ilvl'] ?? 0), (level = { start: 1, format: 'decimal', text: '' }));
      else if (t.name === 'w:lvl' && t.kind === 'close') level = undefined;
      else if (t.name === 'w:start' && level) level.start = Number(val ?? 1);
      else if (t.name === 'w:numFmt' && level) level.format = val ?? 'decimal';
      else if (t.name === 'w:lvlText' && level) level.text = val ?? '';
      else if (t.name === 'w:pStyle' && level) level.style = val;
      else if (t.name === 'w:num' && t.kind === 'open') this.nums.set(t.attrs['w:numId'] ?? '', (num = { abstract: '', starts: new Map() }));
      else if (t.name === 'w:num' && t.kind === 'close') num = undefined;
      else if (t.name === 'w:abstractNumId' && num) num.abstract = val ?? '';
      else if (t.name === 'w:lvlOverride' && t.kind === 'open') override = Number(t.attrs['w:ilvl'] ?? 0);
      else if (t.name === 'w:startOverride' && num && override !== undefined) num.starts.set(override, Number(val ?? 1));
    }
  }

  /** The level of list `numId` that belongs to paragraph style `style`, if one does. */
  levelOfStyle(numId: string, style: string): number | undefined {
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    for (const [ilvl, level] of levels ?? []) if (level.style === style) return ilvl;
    return undefined;
  }

  /** The label of the next paragraph of list `numId` at level `ilvl` (`二、`), or '' for none or a bullet. */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return '';
    const counters = this.counters.get(numId) ?? [];
    this.counters.set(numId, counters);
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl] + 1;
    counters.length = ilvl + 1;
    if (level.format === 'bullet' || level.format === 'none') return '';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counters[l] ?? startOf(l), levels.get(l)?.format ?? 'decimal');
    });
  }
}
