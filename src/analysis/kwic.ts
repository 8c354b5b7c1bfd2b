import type { Document } from '../corpus/document.js';
import { UsageError } from '../errors.js';
import type { Row } from '../resultTable.js';
import { escapeRegExp } from '../escapeRegExp.js';

/**
 * A search pattern from the command line: literal by default (so `1+9+N` means itself), a regular
 * expression when written /like this/ or with `regex`. Full-width ＋ is read as + as in the texts.
 */
export function searchPattern(query: string, regex = false): RegExp {
  const slashed = /^\/(.+)\/$/.exec(query);
  const source = regex || slashed ? (slashed?.[1] ?? query) : escapeRegExp(query.replace(/＋/g, '+'));
  try {
    return new RegExp(source, 'gu');
  } catch (err) {
    throw new UsageError(`invalid regular expression /${source}/: ${(err as Error).message}`);
  }
}

/** Context is shown on one line: a paragraph break inside it becomes ¶, a tab (between table cells) a space. */
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ¶ ').replace(/\t/g, ' ');
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The offset `n` code points before `at`: a context never cuts a character outside the BMP (𠮷) in half. */
function codePointsBefore(text: string, at: number, n: number): number {
  let i = at;
  for (let k = 0; k < n && i > 0; k++) i -= i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? 2 : 1;
  return i;
}

/** The offset `n` code points after `at`. */
function codePointsAfter(text: string, at: number, n: number): number {
  let i = at;
  for (let k = 0; k < n && i < text.length; k++) i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  return i;
}

/**
 * Concordance lines of one document: id, original line and column of the hit, left, match, right. With
 * `tokens` (the offsets where the document's tokens start and end), only hits made of whole tokens count:
 * the unit freq counts in, where a plain search finds every substring.
 */
export function kwicRows(doc: Document, pattern: RegExp, width: number, tokens?: { starts: Set<number>; ends: Set<number> }): Row[] {
  const rows: Row[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(doc.text); m !== null; m = pattern.exec(doc.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (tokens && !(tokens.starts.has(start) && tokens.ends.has(end))) continue;
    const { line, column } = doc.origin.locate(start);
    rows.push({
      doc: doc.id,
      line,
      column,
      left: flat(doc.text.slice(codePointsBefore(doc.text, start, width), start)),
      match: m[0],
      right: flat(doc.text.slice(end, codePointsAfter(doc.text, end, width))),
    });
  }
  return rows;
}
