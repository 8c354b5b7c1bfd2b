import { decodeBuffer } from '../decode.js';
import { TextBuilder, type OffsetMap } from '../originMap.js';
import type { Extraction, FormatReader } from './extraction.js';
import { WIDE } from './htmlText.js';
import { inlineEdits, labelKey } from './markdownInline.js';
import { parseMarkdownFrontMatter } from './markdownFrontMatter.js';

/**
 * Markdown as a reader of the rendered page sees it (CommonMark with GitHub's tables, task lists, strike-through
 * and footnotes): front matter is metadata; headings, list items, quotes, table rows, code blocks and paragraphs
 * are paragraphs of the text; their markup is dropped, and the lines of a paragraph wrapped in the file are one
 * line (between two Chinese characters a wrap is nothing, as a browser shows it). Nothing is rewritten in place:
 * the text is built from ranges of the file, so every offset maps to the file's own line and column.
 */

/** A range of the file copied (`text` undefined) or replaced by `text`. */
interface Atom {
  start: number;
  end: number;
  text?: string;
}

/** How a line joins the line before it in its paragraph: a wrap (`soft`) or a line break (`hard`). */
type Join = 'soft' | 'hard';

/** A line of a paragraph as the file holds it: its content range (markers taken off), line number and newline. */
interface RawLine {
  start: number;
  end: number;
  /** 1-based line of the file. */
  fileLine: number;
  /** Offset of the newline before it (-1 on the first line of the file). */
  newline: number;
  join: Join;
}

/** One line of the text: what it is made of, and the file range its join with the line before stands for. */
interface OutLine {
  atoms: Atom[];
  fileLine: number;
  join: Join;
  /** The newline, or a `<br>`. */
  joinStart: number;
  joinEnd: number;
}

interface Paragraph {
  kind: 'text' | 'item' | 'code' | 'row' | 'heading';
  lines: RawLine[];
}

const WIDE_CHAR = new RegExp(`^${WIDE}$`, 'u');
const BLOCKQUOTE = /^ {0,3}> ?/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const ATX_HEADING = /^( {0,3}#{1,6})(?:[ \t]+|$)/;
const ATX_CLOSING = /(?:^|[ \t]+)#+[ \t]*$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/**
 * A whole line that is a link reference definition (label, target, optional title): it is no text. A target with
 * Chinese in it is taken for text (`[1]: 《政府工作报告》`, a citation), which is then kept rather than lost.
 */
const LINK_DEFINITION = /^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*(?:(?!\p{Script=Han})\S)+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/u;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]]+\]:[ \t]*/;
const LIST_ITEM = /^( {0,3})(?:([-+*])|(\d{1,9})[.)])(?:[ \t]+|$)/;
const TASK_BOX = /^\[[ xX]\][ \t]+/;
const HTML_COMMENT_START = /^ {0,3}<!--/;

const atomText = (source: string, atom: Atom) => atom.text ?? source.slice(atom.start, atom.end);

/** The atoms without the white space at either end of the line they make (as every reader trims its lines). */
function trimmed(source: string, atoms: Atom[]): Atom[] {
  const out = atoms.map((a) => ({ ...a }));
  while (out.length > 0) {
    const first = out[0];
    if (first.text === undefined) {
      while (first.start < first.end && /\s/.test(source[first.start])) first.start++;
    } else first.text = first.text.trimStart();
    if (atomText(source, first) !== '') break;
    out.shift();
  }
  while (out.length > 0) {
    const last = out.at(-1)!;
    if (last.text === undefined) {
      while (last.end > last.start && /\s/.test(source[last.end - 1])) last.end--;
    } else last.text = last.text.trimEnd();
    if (atomText(source, last) !== '') break;
    out.pop();
  }
  return out;
}

/** Splits a table row at its unescaped pipes, outer pipes dropped: the cells' file ranges. */
function tableCells(source: string, start: number, end: number): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  let cellStart = start;
  for (let i = start; i < end; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '|') {
      cells.push([cellStart, i]);
      cellStart = i + 1;
    }
  }
  cells.push([cellStart, end]);
  const blank = ([s, e]: [number, number]) => source.slice(s, e).trim() === '';
  if (cells.length > 1 && blank(cells[0])) cells.shift();
  if (cells.length > 1 && blank(cells.at(-1)!)) cells.pop();
  return cells;
}

const outLine = (raw: RawLine, join: Join = raw.join): OutLine => ({ atoms: [], fileLine: raw.fileLine, join, joinStart: raw.newline, joinEnd: raw.newline + 1 });

/**
 * The lines of a text paragraph as a reader sees them. Inline markup is read over the whole paragraph, since a link
 * or an emphasis may run across a wrap (`[高质⏎量发展](…)`); the result is split at the kept line ends and `<br>`.
 */
function inlineParagraph(source: string, raws: readonly RawLine[], labels: ReadonlySet<string>): OutLine[] {
  const starts: number[] = [];
  let joined = '';
  raws.forEach((raw, k) => {
    if (k > 0) joined += '\n';
    starts.push(joined.length);
    joined += source.slice(raw.start, raw.end);
  });
  const lineOf = (at: number) => {
    let k = 0;
    for (let low = 0, high = starts.length - 1; low <= high; ) {
      const mid = (low + high) >>> 1;
      if (starts[mid] <= at) (k = mid), (low = mid + 1);
      else high = mid - 1;
    }
    return k;
  };
  const toSource = (at: number) => {
    const k = lineOf(at);
    return raws[k].start + (at - starts[k]);
  };
  let current = outLine(raws[0]);
  const out = [current];
  /** Keeps `joined[from, to)`: a newline in it ends a line, the rest is copied from the file. */
  const keep = (from: number, to: number) => {
    for (let at = from; at < to; ) {
      const newline = joined.indexOf('\n', at);
      const stop = newline === -1 || newline >= to ? to : newline;
      if (stop > at) current.atoms.push({ start: toSource(at), end: toSource(at) + (stop - at) });
      if (stop === to) break;
      current = outLine(raws[lineOf(stop + 1)]);
      out.push(current);
      at = stop + 1;
    }
  };
  let at = 0;
  for (const edit of inlineEdits(joined, 0, joined.length, labels)) {
    keep(at, edit.start);
    if (edit.text === '\n') {
      current = { atoms: [], fileLine: raws[lineOf(edit.start)].fileLine, join: 'hard', joinStart: toSource(edit.start), joinEnd: toSource(edit.end) };
      out.push(current);
    } else if (edit.text !== '') current.atoms.push({ start: toSource(edit.start), end: toSource(edit.end), text: edit.text });
    at = Math.max(at, edit.end);
  }
  keep(at, joined.length);
  for (const line of out) line.atoms = trimmed(source, line.atoms);
  return out;
}

/** The lines a paragraph shows: code as it is, a table row as its cells kept apart by a tab (as a web page's). */
function paragraphLines(source: string, paragraph: Paragraph, labels: ReadonlySet<string>): OutLine[] {
  if (paragraph.kind === 'code') {
    return paragraph.lines.map((raw) => ({ ...outLine(raw, 'hard'), atoms: trimmed(source, [{ start: raw.start, end: raw.end }]) }));
  }
  if (paragraph.kind !== 'row') return inlineParagraph(source, paragraph.lines, labels);
  const raw = paragraph.lines[0];
  const row = outLine(raw);
  for (const [cellStart, cellEnd] of tableCells(source, raw.start, raw.end)) {
    const cell = inlineParagraph(source, [{ ...raw, start: cellStart, end: cellEnd }], labels).flatMap((l) => l.atoms);
    if (cell.length === 0) continue;
    if (row.atoms.length > 0) row.atoms.push({ start: cellStart - 1, end: cellStart, text: '\t' });
    row.atoms.push(...cell);
  }
  return [row];
}

class Blocks {
  readonly paragraphs: Paragraph[] = [];
  private current: Paragraph | undefined;
  /** The line before ended in a hard break (two spaces or a backslash). */
  private hardNext = false;

  constructor(private readonly source: string) {}

  get open(): Paragraph | undefined {
    return this.current;
  }

  end(): void {
    this.current = undefined;
    this.hardNext = false;
  }

  start(kind: Paragraph['kind']): void {
    this.end();
    this.current = { kind, lines: [] };
    this.paragraphs.push(this.current);
  }

  /** Adds the content `[start, end)` of file line `fileLine` (the newline before it at `newline`) to the open paragraph. */
  addLine(start: number, end: number, fileLine: number, newline: number): void {
    if (!this.current) this.start('text');
    const raw = this.source.slice(start, end);
    const join = this.hardNext ? 'hard' : 'soft';
    // A backslash at the end is a line break, and no text.
    const backslash = this.current!.kind !== 'code' && /(?:^|[^\\])(?:\\\\)*\\$/.test(raw);
    this.hardNext = / {2,}$/.test(raw) || backslash;
    this.current!.lines.push({ start, end: backslash ? end - 1 : end, fileLine, newline, join });
  }

  /** A table row: a paragraph of its own. */
  addRow(start: number, end: number, fileLine: number, newline: number): void {
    this.start('row');
    this.current!.lines.push({ start, end, fileLine, newline, join: 'soft' });
    this.end();
  }
}

/** The paragraphs of a Markdown body, block by block (lines from `bodyStart` on). */
function blocksOf(source: string, bodyStart: number, firstLine: number): { paragraphs: Paragraph[]; labels: Set<string> } {
  const blocks = new Blocks(source);
  const labels = new Set<string>();
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  let inTable = false;
  let skipNext = false;
  let lineNumber = firstLine;
  for (let ls = bodyStart; ls <= source.length; lineNumber++) {
    const nl = source.indexOf('\n', ls);
    const le = nl === -1 ? source.length : nl;
    const newline = ls - 1;
    const next = le + 1;
    const here = ls;
    ls = nl === -1 ? source.length + 1 : next;
    if (skipNext) {
      skipNext = false;
      continue;
    }
    let p = here;
    for (let m = BLOCKQUOTE.exec(source.slice(p, le)); m; m = BLOCKQUOTE.exec(source.slice(p, le))) p += m[0].length;
    const rest = source.slice(p, le);
    if (fence) {
      const close = FENCE.exec(rest);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && rest.trim() === close[1]) {
        fence = undefined;
        blocks.end();
      } else if (rest.trim() !== '') blocks.addLine(p, le, lineNumber, newline);
      continue;
    }
    if (inComment) {
      if (rest.includes('-->')) inComment = false;
      continue;
    }
    if (rest.trim() === '') {
      blocks.end();
      inTable = false;
      continue;
    }
    const open = blocks.open;
    if (inTable) {
      if (rest.includes('|')) {
        blocks.addRow(p, le, lineNumber, newline);
        continue;
      }
      inTable = false;
    }
    const fenceOpen = FENCE.exec(rest);
    if (fenceOpen && !(fenceOpen[1][0] === '`' && rest.slice(fenceOpen[0].length).includes('`'))) {
      blocks.start('code');
      fence = { char: fenceOpen[1][0], length: fenceOpen[1].length };
      continue;
    }
    if (HTML_COMMENT_START.test(rest)) {
      blocks.end();
      const close = rest.indexOf('-->');
      if (close === -1) inComment = true;
      else if (rest.slice(close + 3).trim() !== '') blocks.addLine(p + close + 3, le, lineNumber, newline);
      continue;
    }
    if (open?.kind === 'text' && SETEXT_UNDERLINE.test(rest)) {
      open.kind = 'heading';
      blocks.end();
      continue;
    }
    if (THEMATIC_BREAK.test(rest)) {
      blocks.end();
      continue;
    }
    const atx = ATX_HEADING.exec(rest);
    if (atx) {
      blocks.start('heading');
      const closing = ATX_CLOSING.exec(source.slice(p + atx[0].length, le));
      blocks.addLine(p + atx[0].length, closing ? p + atx[0].length + closing.index : le, lineNumber, newline);
      blocks.end();
      continue;
    }
    if (rest.includes('|') && next < source.length) {
      const nextEnd = source.indexOf('\n', next);
      let delimiter = source.slice(next, nextEnd === -1 ? source.length : nextEnd);
      for (let m = BLOCKQUOTE.exec(delimiter); m; m = BLOCKQUOTE.exec(delimiter)) delimiter = delimiter.slice(m[0].length);
      if (TABLE_DELIMITER.test(delimiter) && delimiter.includes('-') && (delimiter.includes('|') || rest.trim().startsWith('|'))) {
        blocks.addRow(p, le, lineNumber, newline);
        inTable = true;
        skipNext = true;
        continue;
      }
    }
    if (LINK_DEFINITION.test(rest)) {
      labels.add(labelKey(rest.slice(rest.indexOf('[') + 1, rest.indexOf(']:'))));
      continue;
    }
    const footnote = FOOTNOTE_DEFINITION.exec(rest);
    if (footnote) {
      labels.add(labelKey(footnote[0].slice(footnote[0].indexOf('[') + 1, footnote[0].lastIndexOf(']:'))));
      blocks.start('item');
      blocks.addLine(p + footnote[0].length, le, lineNumber, newline);
      continue;
    }
    const item = LIST_ITEM.exec(rest);
    // An ordered item interrupts a paragraph only from 1 (CommonMark): `2019. 年…` wrapped in a paragraph is text.
    if (item && (open === undefined || open.kind === 'item' || item[2] !== undefined || item[3] === '1')) {
      blocks.start('item');
      // A bullet is drawn, not text; an ordered item's number is what a reader sees, and stays.
      let contentStart = p + (item[2] !== undefined ? item[0].length : item[1].length);
      const box = TASK_BOX.exec(source.slice(contentStart, le));
      if (box) contentStart += box[0].length;
      blocks.addLine(contentStart, le, lineNumber, newline);
      continue;
    }
    blocks.addLine(p, le, lineNumber, newline);
  }
  return { paragraphs: blocks.paragraphs, labels };
}

const lastChar = (s: string) => [...s.slice(-2)].at(-1) ?? '';
const firstChar = (s: string) => String.fromCodePoint(s.codePointAt(0) ?? 0x20);

/** The text of the paragraphs, one per line-group, a blank line between, built from the file so offsets map back. */
function render(source: string, { paragraphs, labels }: ReturnType<typeof blocksOf>): { text: string; origin: OffsetMap; headingLines: number[] } {
  const out = new TextBuilder(source);
  const headingLines: number[] = [];
  let emitted = false;
  for (const paragraph of paragraphs) {
    const lines = paragraphLines(source, paragraph, labels).filter((l) => l.atoms.length > 0);
    if (lines.length === 0) continue;
    if (emitted) out.replace(Math.max(0, lines[0].joinStart), Math.max(0, lines[0].joinStart), '\n\n');
    let before = '';
    lines.forEach((line, k) => {
      const text = line.atoms.map((a) => atomText(source, a)).join('');
      if (k > 0) {
        if (line.join === 'hard') {
          if (source[line.joinStart] === '\n') out.copy(line.joinStart, line.joinEnd);
          else out.replace(line.joinStart, line.joinEnd, '\n');
        } else if (!(WIDE_CHAR.test(lastChar(before)) && WIDE_CHAR.test(firstChar(text)))) {
          // A wrapped line shows as a space, except between two Chinese characters (CSS's segment break rule).
          out.replace(line.joinStart, line.joinEnd, ' ');
        }
      }
      for (const atom of line.atoms) {
        if (atom.text === undefined) out.copy(atom.start, atom.end);
        else out.replace(atom.start, atom.end, atom.text);
      }
      if (paragraph.kind === 'heading' && !headingLines.includes(line.fileLine)) headingLines.push(line.fileLine);
      before = text;
    });
    emitted = true;
  }
  const { text, origin } = out.build();
  return { text, origin, headingLines };
}

/** Markdown source (decoded, LF line ends) as its front matter and the text a reader sees, mapped to the file. */
export function readMarkdownSource(source: string, file: string): Required<Pick<Extraction, 'text' | 'meta' | 'headingLines' | 'origin'>> {
  const { meta, bodyStart } = parseMarkdownFrontMatter(source, file);
  let firstLine = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < bodyStart; i = source.indexOf('\n', i + 1)) firstLine++;
  const { text, origin, headingLines } = render(source, blocksOf(source, bodyStart, firstLine));
  return { text, meta, headingLines, origin };
}

/** A Markdown file (.md, .markdown): decoded as a text file is, then read as a reader sees it. */
export const readMarkdown: FormatReader = (bytes, file, options) => {
  const { text: decoded } = decodeBuffer(bytes, file, options.encoding);
  return { ...readMarkdownSource(decoded, file), pageStarts: [] };
};
