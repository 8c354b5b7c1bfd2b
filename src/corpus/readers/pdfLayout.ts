import type { PdfItem, PdfPage } from './pdfItems.js';

/** A line of a page: its text runs on one baseline, left to right. */
export interface PdfLine {
  text: string;
  x: number;
  end: number;
  y: number;
  size: number;
}

/** Runs whose baselines differ by less than this share of the font size are on one line. */
const SAME_LINE = 0.4;
/** A horizontal gap wider than this share of the font size is a space (table cells, justified headings). */
const WORD_GAP = 0.3;
/**
 * A gap this many characters wide beside a digit or letter separates columns (a row number and its cell): a tab,
 * which normalising keeps, where it would take a space out (`1 项目申请报告` → `1项目申请报告`).
 */
const COLUMN_GAP = 1;
const ASCII_ALNUM = /[A-Za-z0-9]/;
/** Parts of a line between single spaces; a run of this many single Han characters is letter-spaced text. */
const MIN_SPACED_RUN = 3;
const ONE_HAN = /^\p{Script=Han}$/u;
const HAN_END = /\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;

/**
 * Joins letter-spaced text (`新 增 建 设 用 地 的`, justified table cells, which pdf.js gives with a space in every
 * gap): a run of single Han characters between single spaces, with the Han words on either side of it
 * (`项目社会 稳 定 风 险` → `项目社会稳定风险`). Two characters (`李 强`, `目 录`) may be a padded name or title.
 */
export function joinLetterSpacing(line: string): string {
  if (!line.includes(' ')) return line;
  const parts = line.split(' ');
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let end = i;
    while (end < parts.length && ONE_HAN.test(parts[end])) end++;
    if (end - i < MIN_SPACED_RUN) {
      out.push(parts[i++]);
      continue;
    }
    // The spaces next to the run are the same justification: a Han character on their other side joins too.
    let joined = parts.slice(i, end).join('');
    if (out.length > 0 && HAN_END.test(out.at(-1)!)) joined = out.pop()! + joined;
    if (end < parts.length && HAN_START.test(parts[end])) joined += parts[end++];
    out.push(joined);
    i = end;
  }
  return out.join(' ');
}

/** The lines of a page from top to bottom. */
export function pageLines(page: PdfPage): PdfLine[] {
  const items = [...page.items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const item of items) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0].y - item.y) <= SAME_LINE * Math.max(group[0].size, item.size)) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = group[0].x;
    for (const item of group) {
      const gap = item.x - end;
      const column = gap > COLUMN_GAP * item.size && (ASCII_ALNUM.test(text.at(-1) ?? '') || ASCII_ALNUM.test(item.text[0] ?? ''));
      if (text !== '' && gap > WORD_GAP * item.size) text += column ? '\t' : ' ';
      text += item.text;
      end = Math.max(end, item.x + item.width);
    }
    return { text: joinLetterSpacing(text.trim()), x: group[0].x, end, y: group[0].y, size: Math.max(...group.map((i) => i.size)) };
  });
}

/** Share of the page height at its top and bottom where running headers, footers and page numbers sit. */
const MARGIN_BAND = 0.1;
/** Page numbers as printed: `— 8 —`, `- 3 -`, `第 3 页`, `第3页 共10页`, `3 / 10`, `Page 3`, or a bare `3`. */
const PAGE_NUMBER = /^[-—–－_~·•\s]*(?:第\s*)?(\d{1,4})(?:\s*页)?(?:\s*(?:\/|／|of|共)\s*\d{1,4}\s*页?)?[-—–－_~·•\s]*$|^(?:page|p\.)\s*(\d{1,4})(?:\s*(?:\/|of)\s*\d{1,4})?$/i;
/** A header or footer is the same text (its numbers aside) at the top or bottom of this share of the pages. */
const RUNNING_SHARE = 0.5;
const MIN_RUNNING_PAGES = 3;

function inBand(line: PdfLine, page: PdfPage): boolean {
  return line.y > page.height * (1 - MARGIN_BAND) || line.y < page.height * MARGIN_BAND;
}

/** The text of a margin line with its numbers masked, so `第3页` and `第4页` are one running footer. */
function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

/**
 * Removes running headers and footers (the same text in the top or bottom margin of half the pages or more) and
 * page numbers in the margins. A bare number counts only as the page's first or last line and only where the
 * numbers rise with the pages (`8, 9, 10 …` on pages 1, 2, 3 …), so a table's row number is kept.
 */
export function withoutMargins(pages: PdfPage[], lines: PdfLine[][]): PdfLine[][] {
  const keyPages = new Map<string, number>();
  for (const [p, page] of pages.entries()) {
    const keys = new Set(lines[p].filter((l) => inBand(l, page)).map((l) => runningKey(l.text)));
    for (const key of keys) keyPages.set(key, (keyPages.get(key) ?? 0) + 1);
  }
  const minPages = Math.max(MIN_RUNNING_PAGES, Math.ceil(pages.length * RUNNING_SHARE));
  // The usual difference between printed page number and page index, from the margin lines that are numbers only.
  const offsets = new Map<number, number>();
  const bareNumber = (line: PdfLine) => /^\d{1,4}$/.exec(line.text.replace(/\s+/g, ''))?.[0];
  lines.forEach((pageLines, p) => {
    for (const line of [pageLines[0], pageLines.at(-1)]) {
      const n = line && inBand(line, pages[p]) ? bareNumber(line) : undefined;
      if (n !== undefined) offsets.set(Number(n) - p, (offsets.get(Number(n) - p) ?? 0) + 1);
    }
  });
  const [numberOffset, seen] = [...offsets].sort((a, b) => b[1] - a[1])[0] ?? [NaN, 0];
  return lines.map((pageLines, p) =>
    pageLines.filter((line, i) => {
      if (!inBand(line, pages[p])) return true;
      if ((keyPages.get(runningKey(line.text)) ?? 0) >= minPages) return false;
      const bare = bareNumber(line);
      if (bare !== undefined) {
        const extreme = i === 0 || i === pageLines.length - 1;
        return !(extreme && Number(bare) - p === numberOffset && (seen >= 2 || pages.length === 1));
      }
      return !PAGE_NUMBER.test(line.text);
    }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

/** The most common value, rounded to whole units: the left margin most lines start at. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** Text layout of a document: where its lines start and end, their size and spacing. */
export interface Layout {
  left: number;
  right: number;
  size: number;
  spacing: number;
}

export function layoutOf(lines: PdfLine[][]): Layout {
  const all = lines.flat();
  const spacings = lines.flatMap((page) => page.slice(1).map((line, i) => page[i].y - line.y)).filter((d) => d > 0);
  return { left: mode(all.map((l) => l.x)), right: percentile(all.map((l) => l.end), 0.9), size: median(all.map((l) => l.size)), spacing: median(spacings) };
}

/** A line short of the right edge by more than this many characters ends its paragraph. */
const SHORT_LINE = 1.5;
/** A line starting this many characters right of the left margin starts a paragraph (the usual two-character indent). */
const INDENT = 0.8;
/** A vertical gap this many times the usual spacing separates paragraphs (or a title from the text). */
const WIDE_GAP = 1.6;
/** Font sizes differing by more than this share make a title and its text separate paragraphs. */
const SIZE_CHANGE = 0.2;

/**
 * Whether `next` continues the paragraph of `line`: the line runs to the right edge, and `next` is not indented,
 * far (on the same page), or of another size.
 */
export function continuesParagraph(line: PdfLine, next: PdfLine, layout: Layout, samePage = true): boolean {
  const size = layout.size || line.size;
  if (line.end < layout.right - SHORT_LINE * size) return false;
  if (next.x > layout.left + INDENT * size) return false;
  if (samePage && layout.spacing > 0 && line.y - next.y > WIDE_GAP * layout.spacing) return false;
  return Math.abs(next.size - line.size) <= SIZE_CHANGE * Math.max(next.size, line.size);
}

/** Joins two lines of one paragraph: directly for Chinese, with a space between two Latin words. */
function joinLines(left: string, right: string): string {
  return /[A-Za-z0-9,.;:]$/.test(left) && /^[A-Za-z0-9]/.test(right) ? `${left} ${right}` : left + right;
}

/** The paragraphs of a page: hard-wrapped lines joined where the layout says one runs on into the next. */
export function pageParagraphs(lines: PdfLine[], layout: Layout): string[] {
  const paragraphs: string[] = [];
  let current: string | undefined;
  lines.forEach((line, i) => {
    current = current === undefined ? line.text : joinLines(current, line.text);
    const next = lines[i + 1];
    if (!next || !continuesParagraph(line, next, layout)) {
      paragraphs.push(current);
      current = undefined;
    }
  });
  return paragraphs;
}
