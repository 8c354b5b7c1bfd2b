import { TABLE_FORMATS, type FormatOptions } from './formatters.js';
import { wholeTable, type PagedTable, type ResultTable, type Row } from '../resultTable.js';

/**
 * A paged table in a format, as the chunks of the same text the format gives for the whole table: every page
 * goes through the format's own formatter, and what repeats between pages (a CSV header, JSON's brackets) is
 * written once. `table` and `md` decide column alignment on the first page; `table` needs every row to size
 * its columns, so it holds them all (a format for reading, not for millions of rows).
 */
export function* formatPaged(format: string, paged: PagedTable, options: FormatOptions): Generator<string> {
  const formatter = TABLE_FORMATS[format];
  const tableOf = (rows: Row[]): ResultTable => ({ columns: paged.columns, rows, decimals: paged.decimals });
  if (format === 'table') {
    yield formatter(wholeTable(paged), options);
    return;
  }
  let first = true;
  let head = '';
  for (const page of paged.pages()) {
    if (page.length === 0) continue;
    const text = formatter(tableOf(page), first ? options : { ...options, bom: false });
    if (format === 'json') {
      // "[\n  {…},\n  {…}\n]\n": the rows of each page between one pair of brackets.
      const body = text.slice(2, -3);
      yield first ? `[\n${body}` : `,\n${body}`;
    } else if (format === 'md') {
      // A header line and an alignment line, then one line per row.
      if (first) yield text;
      else yield text.split('\n').slice(2).join('\n');
    } else {
      // CSV/TSV: the header record (and BOM) once.
      if (first) {
        head = formatter(tableOf([]), { ...options, bom: false });
        yield text;
      } else yield text.slice(head.length);
    }
    first = false;
  }
  if (first) yield formatter(tableOf([]), options);
  else if (format === 'json') yield '\n]\n';
}
