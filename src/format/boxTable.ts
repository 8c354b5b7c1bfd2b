import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** Terminal columns a string takes (East Asian wide characters two, combining marks none, colour codes none). */
const stringWidth = require('string-width') as (text: string) => number;

/**
 * `stringWidth`, answered here for text of printable ASCII (one column) and CJK ideographs (two), which is nearly
 * every cell of a term table: string-width builds its ANSI and emoji regular expressions anew at every call, and
 * a table of 24,000 terms spent more time there than in counting them.
 */
export function cellWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) width += 1;
    else if (c >= 0x4e00 && c <= 0x9fff) width += 2;
    else return stringWidth(text);
  }
  return width;
}

/**
 * A table drawn with box characters, one separator line between rows: the layout cli-table3 draws with its
 * default characters and padding, in time linear in the cells (cli-table3's layout is quadratic: a
 * 400 × 400 matrix took 40 s). `cells[0]` is the header; a cell may hold several lines.
 */
export function boxTable(cells: string[][], rightAligned: boolean[]): string {
  const rows = cells.map((row) => row.map((cell) => cell.split('\n')));
  const widths = rightAligned.map((_, c) => {
    let width = 0;
    for (const row of rows) for (const line of row[c]) width = Math.max(width, cellWidth(line));
    return width;
  });
  const rule = (left: string, middle: string, right: string) => left + widths.map((w) => '─'.repeat(w + 2)).join(middle) + right;
  const out = [rule('┌', '┬', '┐')];
  rows.forEach((row, r) => {
    if (r > 0) out.push(rule('├', '┼', '┤'));
    const height = Math.max(...row.map((lines) => lines.length));
    for (let l = 0; l < height; l++) {
      const parts = row.map((lines, c) => {
        const text = lines[l] ?? '';
        const fill = ' '.repeat(widths[c] - cellWidth(text));
        return ` ${rightAligned[c] ? fill + text : text + fill} `;
      });
      out.push(`│${parts.join('│')}│`);
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
