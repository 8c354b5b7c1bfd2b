import type { Document } from '../corpus/document.js';
import type { Segmenter } from '../segment/token.js';
import type { Row } from '../resultTable.js';

export interface LocatedToken {
  doc: string;
  line: number;
  column: number;
  start: number;
  end: number;
  token: string;
  pos?: string;
}

/** Tokens of a document (whitespace dropped) with the original line and column each one starts at. */
export function locatedTokens(doc: Document, segmenter: Segmenter, pos = false): LocatedToken[] {
  const out: LocatedToken[] = [];
  for (const t of segmenter.cut(doc.text, { pos })) {
    if (!t.text.trim()) continue;
    const { line, column } = doc.origin.locate(t.start);
    const row: LocatedToken = { doc: doc.id, line, column, start: t.start, end: t.end, token: t.text };
    if (pos) row.pos = t.pos ?? '';
    out.push(row);
  }
  return out;
}

/**
 * Segmented text with one output line per line of the original body: each token sits on the line where it
 * starts, so a word repaired across a page break stays on its first line and the lines stay aligned.
 */
export function segmentedLines(doc: Document, tokens: LocatedToken[]): string[] {
  const first = doc.origin.locate(0).line;
  const last = doc.text.length > 0 ? doc.origin.locate(doc.text.length - 1).line : first;
  const lines: string[][] = Array.from({ length: last - first + 1 }, () => []);
  for (const t of tokens) lines[t.line - first].push(t.pos === undefined ? t.token : `${t.token}/${t.pos}`);
  return lines.map((words) => words.join(' '));
}

export function tokenRows(tokens: LocatedToken[]): Row[] {
  return tokens.map((t) => ({ ...t }));
}
