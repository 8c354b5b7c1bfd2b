import { Converter } from 'opencc-js/t2cn';

/** Spaces a PDF or web page leaves inside a line; a line break is never folded away (page breaks are repaired apart). */
export const INLINE_SPACE = /[ \t\u3000\u00a0]/;
const INLINE_SPACES = /[ \t\u3000\u00a0]+/g;

/** Why a folded unit differs from the written one, or what was dropped before it (bits of FoldedText.changes). */
export const FOLD_WIDTH = 1;
export const FOLD_TRADITIONAL = 2;
/** Inline spaces were dropped right before this unit. */
export const FOLD_SPACE_BEFORE = 4;
/** A repaired page break (a `skip` range) was dropped right before this unit. */
export const FOLD_BREAK_BEFORE = 8;

/** Middle dots that editors and fonts use interchangeably in `秀美·警·色`, `大景区·花满城`. */
const MIDDLE_DOTS = new Set([...'·・•‧･']);

/**
 * A text as every formulation matcher compares it (slogans, lint, `canonicalOf`): inline spaces dropped,
 * full-width ASCII (＋ Ｎ １ ，（ ）) as ASCII, any middle dot as ·, a comma as 、 (`市县主战，派出所主防` is the
 * slogan `市县主战、派出所主防`), traditional characters as simplified, and the ranges given as `skip` (page
 * breaks repaired in the file) dropped. Every folded code unit keeps its original offset, so a match points back
 * at what was written.
 */
export interface FoldedText {
  text: string;
  /** Original offset of each folded code unit. */
  origin: Int32Array;
  /** FOLD_* bits for each folded code unit. */
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

/** ＋ and full-width 0-9, A-Z, a-z: the forms a slogan such as 1+N or 专业+机制+大数据 takes in a PDF. */
function isFullWidthAlnum(code: number): boolean {
  return code === 0xff0b || (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

/** One code unit as matching compares it, after the traditional→simplified step. */
function foldUnit(unit: string): string {
  const code = unit.charCodeAt(0);
  // Fast path for the bulk of the text: CJK ideographs and syllables need no folding.
  if (code >= 0x3400 && code < 0xff00) return unit;
  const ascii = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : unit;
  if (MIDDLE_DOTS.has(ascii)) return '·';
  if (ascii === ',') return '、';
  return ascii;
}

/** A range `[start, end)` of the text that folding drops: a page break the corpus normaliser repairs. */
export interface SkipRange {
  start: number;
  end: number;
}

export function foldText(text: string, skip: readonly SkipRange[] = []): FoldedText {
  const simplified = simplifiedLines(text);
  const origin = new Int32Array(text.length);
  const changes = new Uint8Array(text.length);
  const skipStart = new Map(skip.map((r) => [r.start, r.end]));
  let folded = '';
  let pending = 0;
  for (let i = 0; i < text.length; i++) {
    const skipEnd = skipStart.get(i);
    if (skipEnd !== undefined && skipEnd > i) {
      pending |= FOLD_BREAK_BEFORE;
      i = skipEnd - 1;
      continue;
    }
    const unit = text[i];
    if (INLINE_SPACE.test(unit)) {
      pending |= FOLD_SPACE_BEFORE;
      continue;
    }
    const k = folded.length;
    origin[k] = i;
    let change = pending;
    pending = 0;
    if (isFullWidthAlnum(unit.charCodeAt(0))) change |= FOLD_WIDTH;
    else if (simplified[i] !== unit) change |= FOLD_TRADITIONAL;
    folded += foldUnit(simplified[i]);
    changes[k] = change;
  }
  return { text: folded, origin: origin.subarray(0, folded.length), changes: changes.subarray(0, folded.length) };
}

/** A lexicon form (or any short string) as the matchers compare it. */
export function foldForm(form: string): string {
  return foldText(form).text;
}

/** The original range `[start, end)` of folded units `[from, to)`. */
export function originalRange(folded: FoldedText, from: number, to: number): [number, number] {
  return [folded.origin[from], folded.origin[to - 1] + 1];
}

/** OR of the FOLD_* bits of folded units `[from, to)`; the bits "before" the first unit are outside and left out. */
export function changesWithin(folded: FoldedText, from: number, to: number): number {
  let bits = folded.changes[from] & (FOLD_WIDTH | FOLD_TRADITIONAL);
  for (let k = from + 1; k < to; k++) bits |= folded.changes[k];
  return bits;
}

/**
 * The reported form of a formulation found by a pattern: full-width letters, digits and ＋ as ASCII, spaces
 * dropped except one between two ASCII letters or digits (`AI 警务` → `AI警务`, `Big Data` stays).
 */
export function canonicalSurface(surface: string): string {
  let ascii = '';
  for (const unit of surface) ascii += isFullWidthAlnum(unit.charCodeAt(0)) ? String.fromCharCode(unit.charCodeAt(0) - 0xfee0) : unit;
  return ascii.trim().replace(INLINE_SPACES, (space, at: number, whole: string) =>
    /[A-Za-z0-9]/.test(whole[at - 1] ?? '') && /[A-Za-z0-9]/.test(whole[at + space.length] ?? '') ? ' ' : '',
  );
}
