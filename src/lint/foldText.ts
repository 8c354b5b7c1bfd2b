import { Converter } from 'opencc-js/t2cn';

/** Spaces a PDF or web page leaves inside a line; a line break is never folded away. */
const INLINE_SPACE = /[ \t\u3000\u00a0]/;

/** Why a folded character differs from the written one. */
export const FOLD_WIDTH = 1;
export const FOLD_TRADITIONAL = 2;

/**
 * A text as slogan matching compares it: inline spaces dropped, full-width ＋, letters and digits as ASCII,
 * traditional characters as simplified. Every folded code unit keeps its original offset, so a match points
 * back at what the editor wrote.
 */
export interface FoldedText {
  text: string;
  /** Original offset of each folded code unit. */
  origin: Int32Array;
  /** FOLD_WIDTH | FOLD_TRADITIONAL for each folded code unit that was changed. */
  changes: Uint8Array;
}

type Convert = (text: string) => string;
let converter: Convert | undefined;

/** OpenCC's converter, built on first use (its dictionaries take a moment to load). */
function toSimplified(text: string): string {
  // The package's typings do not reach the t2cn entry point under NodeNext, so the type is stated here.
  const convert: Convert = converter ?? Converter({ from: 't', to: 'cn' });
  converter = convert;
  return convert(text);
}

/**
 * OpenCC's traditional-to-simplified conversion, line by line; a line whose conversion changes its length
 * (never seen in practice, but OpenCC converts phrases) is left as written so offsets stay exact.
 */
function simplifiedLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const simplified = toSimplified(line);
      return simplified.length === line.length ? simplified : line;
    })
    .join('\n');
}

function toHalfWidth(unit: string): string | undefined {
  const code = unit.charCodeAt(0);
  // ＋ and full-width 0-9, A-Z, a-z: the forms a slogan such as 1+N or 专业+机制+大数据 takes in a PDF.
  const isFolded = code === 0xff0b || (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
  return isFolded ? String.fromCharCode(code - 0xfee0) : undefined;
}

export function foldText(text: string): FoldedText {
  const simplified = simplifiedLines(text);
  const origin = new Int32Array(text.length);
  const changes = new Uint8Array(text.length);
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    if (INLINE_SPACE.test(unit)) continue;
    const halfWidth = toHalfWidth(unit);
    const k = folded.length;
    origin[k] = i;
    if (halfWidth !== undefined) {
      folded += halfWidth;
      changes[k] = FOLD_WIDTH;
    } else {
      folded += simplified[i];
      if (simplified[i] !== unit) changes[k] = FOLD_TRADITIONAL;
    }
  }
  return { text: folded, origin: origin.subarray(0, folded.length), changes: changes.subarray(0, folded.length) };
}

/** The original range `[start, end)` of folded units `[from, to)`. */
export function originalRange(folded: FoldedText, from: number, to: number): [number, number] {
  return [folded.origin[from], folded.origin[to - 1] + 1];
}
