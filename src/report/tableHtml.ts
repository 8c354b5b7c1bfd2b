import { displayCell } from '../format/cells.js';
import type { ResultTable } from '../resultTable.js';
import { html, type SafeHtml } from './html.js';

function isNumericColumn(table: ResultTable, column: string): boolean {
  return table.rows.length > 0 && table.rows.every((r) => r[column] === null || typeof r[column] === 'number');
}

/**
 * A ResultTable as an HTML table, cells shown as the `table` and `md` formats show them (displayCell with the
 * table's decimals), numeric columns right-aligned. The caption says what the table is.
 */
export function tableHtml(table: ResultTable, caption: string): SafeHtml {
  const numeric = new Set(table.columns.filter((c) => isNumericColumn(table, c)));
  const align = (c: string) => (numeric.has(c) ? html` class="num"` : '');
  const head = table.columns.map((c) => html`<th${align(c)}>${c}</th>`);
  const body = table.rows.map(
    (row) => html`<tr>${table.columns.map((c) => html`<td${align(c)}>${displayCell(row[c] ?? null, table.decimals?.[c])}</td>`)}</tr>`,
  );
  return html`<div class="table-wrap"><table><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
