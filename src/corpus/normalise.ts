import { applyEdits, originalPositions, type Edit, type OffsetMap } from './originMap.js';
import { findPageBreakJoins, type BreakEvidence } from './pageBreaks.js';

const SPACE = '[ \\t\\u3000\\u00a0]';
const HAN_OR_ALNUM = /[\p{Script=Han}A-Za-z0-9]/u;
const HAN = /^\p{Script=Han}$/u;
const ASCII_ALNUM = /^[A-Za-z0-9]$/;

/** (a) Removes the newline and blank lines of every page break inside a sentence (see normalise's `pageStarts`). */
function repairPageBreaks(text: string, evidence?: BreakEvidence, pageStarts?: readonly number[]): Edit[] {
  if (pageStarts?.length === 0) return [];
  return findPageBreakJoins(text, evidence, pageStarts).map(({ offset, end }) => ({ start: offset, end, text: '' }));
}

/**
 * (b) Full-width `＋` becomes `+`, and spaces around a `+` between Han or alphanumeric characters go:
 * `专业 + 机制 + 大数据` → `专业+机制+大数据`, `四所一庭一中心＋N` → `四所一庭一中心+N`.
 */
function tightenPlus(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const match of text.matchAll(new RegExp(`(${SPACE}*)[+＋](${SPACE}*)`, 'gu'))) {
    const start = match.index;
    const end = start + match[0].length;
    const before = match[1].length;
    const after = match[2].length;
    const between = HAN_OR_ALNUM.test(text[start - 1] ?? '') && HAN_OR_ALNUM.test(text[end] ?? '');
    const plusAt = start + before;
    if (between && before > 0) edits.push({ start, end: plusAt, text: '' });
    if (text[plusAt] === '＋') edits.push({ start: plusAt, end: plusAt + 1, text: '+' });
    if (between && after > 0) edits.push({ start: plusAt + 1, end, text: '' });
  }
  return edits;
}

/**
 * (c) Spaces between a Han character and an ASCII digit or letter go (`连续 3 年` → `连续3年`): a PDF artefact.
 * A tab is kept: it separates on purpose, as the cells of a table row (`1⇥丽水…`).
 */
function joinHanAndAscii(text: string): Edit[] {
  // Space runs first, then their neighbours: a lookbehind for Han over the whole text cost more than the rest
  // of normalising.
  const edits: Edit[] = [];
  for (const match of text.matchAll(/[ \u3000\u00a0]+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = codePointBefore(text, start);
    const after = String.fromCodePoint(text.codePointAt(end) ?? 0x20);
    if ((HAN.test(before) && ASCII_ALNUM.test(after)) || (ASCII_ALNUM.test(before) && HAN.test(after))) edits.push({ start, end, text: '' });
  }
  return edits;
}

/** The character (code point) that ends at offset `i`, or a space at the start. */
function codePointBefore(text: string, i: number): string {
  if (i === 0) return ' ';
  const pair = i >= 2 ? text.codePointAt(i - 2)! : 0;
  return pair > 0xffff ? String.fromCodePoint(pair) : text[i - 1];
}

/**
 * (d) Any other run of spaces, ideographic or no-break spaces becomes one ASCII space; a run holding a tab becomes
 * one tab, so that what (c) kept apart stays apart when the text is read again (`tifa extract` output).
 */
function collapseSpaces(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const match of text.matchAll(new RegExp(`${SPACE}+`, 'gu'))) {
    const one = match[0].includes('\t') ? '\t' : ' ';
    if (match[0] !== one) edits.push({ start: match.index, end: match.index + match[0].length, text: one });
  }
  return edits;
}

/**
 * Changes whenever what a file reads as changes (decoding, a format's reader, a repair): the token cache is keyed by
 * the file's bytes, so cached texts of another version must not be reused. 3: Big5 told from GB18030. 4: web pages'
 * source line breaks and table cells. 5: UTF-16 without a BOM, double-encoded UTF-8, plain-text page breaks apart.
 * 6: Markdown read without its markup.
 */
export const NORMALISE_VERSION = 6;

/** The noise repairs, in the order they must run: each sees the output of the one before. */
const STEPS: ReadonlyArray<(text: string, evidence?: BreakEvidence, pageStarts?: readonly number[]) => Edit[]> = [repairPageBreaks, tightenPlus, joinHanAndAscii, collapseSpaces];

/**
 * Repairs extraction noise only (page breaks inside sentences, `＋` and spaces in slogans, spaces beside digits,
 * space runs), keeping a map from every offset of the result back to the original line and column.
 * No NFKC and no other punctuation change: editors must recognise their text.
 */
/**
 * `pageStarts`: offsets where the pages of the text begin, when the reader knows them (PDF): only a blank line at
 * one of them can be a page break inside a sentence; `[]` says the text has no pages (web pages, Word). Without it
 * (plain text) any blank line can be one. `originalOrigin`: where `original` itself comes from, when a reader built it
 * from a file (Markdown), so that the result maps to the file.
 */
export function normalise(
  original: string,
  evidence?: BreakEvidence,
  pageStarts?: readonly number[],
  originalOrigin: OffsetMap = originalPositions(original),
): { text: string; origin: OffsetMap } {
  let text = original;
  let origin = originalOrigin;
  for (const step of STEPS) {
    const edits = step(text, evidence, pageStarts);
    if (edits.length > 0) ({ text, origin } = applyEdits(text, edits, origin));
  }
  return { text, origin };
}
