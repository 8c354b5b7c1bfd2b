/**
 * Fitting a table to a terminal: cli-table3 draws whatever it is given, and a table wider than the terminal
 * wraps into broken box lines. Widths are display columns (a CJK character takes two, as in every terminal).
 */

/** Display width of a string: East Asian wide and full-width characters count 2, combining marks 0. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x300 && c <= 0x36f) || c === 0x200b) continue;
    width += isWide(c) ? 2 : 1;
  }
  return width;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** A cell cut to `width` display columns with …, at its end, or at its start when `fromStart` (a left context). */
export function truncate(text: string, width: number, fromStart = false): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  if (fromStart) chars.reverse();
  let out = '';
  let used = 1;
  for (const ch of chars) {
    const w = displayWidth(ch);
    if (used + w > width) break;
    out = fromStart ? ch + out : out + ch;
    used += w;
  }
  return fromStart ? `…${out}` : `${out}…`;
}

/** Narrowest a column is cut to before columns are hidden instead. */
const MIN_COLUMN = 10;

export interface FittedTable {
  /** Indices of the columns shown, in order. */
  shown: number[];
  /** Display width each shown column is cut to. */
  widths: number[];
}

/**
 * Chooses widths so that the box-drawn table (│ cell │ cell │: two spaces of padding and one rule per column, one
 * rule more) fits `total` columns: the widest column is narrowed first, none below MIN_COLUMN (or its own width);
 * when even that does not fit, columns are hidden from the right, the first one kept, and the columns of `last`
 * (what the table is for: a concordance's left, match and right) hidden only when all the others are.
 */
export function fitColumns(natural: number[], total: number, last: ReadonlySet<number> = new Set()): FittedTable {
  let shown = natural.map((_, i) => i);
  const outer = (n: number) => 3 * n + 1;
  for (;;) {
    const widths = shown.map((i) => natural[i]);
    const floor = widths.map((w) => Math.min(w, MIN_COLUMN));
    let excess = widths.reduce((s, w) => s + w, 0) + outer(widths.length) - total;
    while (excess > 0) {
      let widest = -1;
      widths.forEach((w, k) => {
        if (w > floor[k] && (widest < 0 || w > widths[widest])) widest = k;
      });
      if (widest < 0) break;
      widths[widest]--;
      excess--;
    }
    if (excess <= 0 || shown.length === 1) return { shown, widths };
    const others = shown.filter((i) => !last.has(i));
    const hide = others.length > 1 ? others.at(-1) : others.length === 1 && shown.length > 1 && last.size > 0 ? others[0] : shown.at(-1);
    shown = shown.filter((i) => i !== hide);
  }
}
