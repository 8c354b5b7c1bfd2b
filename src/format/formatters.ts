import { createRequire } from 'node:module';
import type { ChalkInstance } from 'chalk';
import type * as CsvStringify from 'csv-stringify/sync';
import { boxTable } from './boxTable.js';
import { dataCell, displayCell, spreadsheetSafe } from './cells.js';
import { cellOf, type ResultTable } from '../resultTable.js';
import { displayWidth, fitColumns, truncate } from './fitWidth.js';

export interface FormatOptions {
  /** Prefix CSV/TSV with a UTF-8 byte-order mark so that Excel reads Chinese correctly. */
  bom?: boolean;
  color: ChalkInstance;
  /** Terminal width in columns: `table` then fits it (cells cut with …, columns hidden from the right, noted). */
  width?: number;
}

export type Formatter = (table: ResultTable, options: FormatOptions) => string;

// Each output format loads its library when used: a run prints one format.
const require = createRequire(import.meta.url);
const csvStringify = () => (require('csv-stringify/sync') as typeof CsvStringify).stringify;

function humanRows(table: ResultTable): string[][] {
  return table.rows.map((row) => table.columns.map((c) => displayCell(cellOf(row, c), table.decimals?.[c])));
}

function isNumericColumn(table: ResultTable, column: string): boolean {
  return table.rows.length > 0 && table.rows.every((r) => cellOf(r, column) === null || typeof cellOf(r, column) === 'number');
}

const formatTable: Formatter = (table, { color, width }) => {
  // A line break inside a cell would break the box lines: shown as ⏎.
  let body = humanRows(table).map((row) => row.map((cell) => cell.replace(/\r?\n/g, '⏎')));
  let columns = table.columns;
  let aligns = columns.map((c) => (isNumericColumn(table, c) ? 'right' : 'left') as 'right' | 'left');
  let note = '';
  if (width !== undefined) {
    const natural = columns.map((c, i) => body.reduce((widest, row) => Math.max(widest, displayWidth(row[i])), displayWidth(c)));
    // A concordance is read by its contexts: its locating columns go first when the terminal is narrow.
    const concordance = ['left', 'match', 'right'].every((c) => columns.includes(c));
    const { shown, widths } = fitColumns(natural, width, new Set(concordance ? ['left', 'match', 'right'].map((c) => columns.indexOf(c)) : []));
    // A left context is cut at its start: the words next to the match are the ones to keep.
    const cut = (text: string, k: number) => truncate(text, widths[k], columns[shown[k]] === 'left');
    body = body.map((row) => shown.map((i, k) => cut(row[i], k)));
    const hidden = columns.length - shown.length;
    const hiddenNames = columns.filter((_, i) => !shown.includes(i));
    if (hidden > 0) note = `(${hidden} of ${columns.length} columns hidden to fit ${width} columns: ${hiddenNames.slice(0, 5).join(', ')}${hidden > 5 ? ', …' : ''}; --format csv shows all)\n`;
    aligns = shown.map((i) => aligns[i]);
    columns = shown.map((i, k) => cut(columns[i], k));
  }
  const head = columns.map((c) => color.bold(c));
  return `${boxTable([head, ...body], aligns.map((a) => a === 'right'))}\n${note}`;
};

function delimited(delimiter: string): Formatter {
  return (table, { bom }) => {
    const records = table.rows.map((row) => table.columns.map((c) => {
      const value = cellOf(row, c);
      // Only text the corpus supplied can carry a formula; -Inf spelt out for a number is not one.
      return typeof value === 'number' ? dataCell(value) : spreadsheetSafe(dataCell(value));
    }));
    const body = csvStringify()([table.columns.map((c) => spreadsheetSafe(c)), ...records], {
      delimiter,
      record_delimiter: delimiter === ',' ? 'windows' : 'unix',
      // csv-stringify quotes a cell only when it holds the whole record delimiter, so a lone LF or CR in a
      // CRLF file (or a CR in an LF file) would be written bare and split the record for every reader.
      quoted_match: /[\r\n]/,
    });
    return (bom ? '\uFEFF' : '') + body;
  };
}

const formatJson: Formatter = (table) => {
  const rows = table.rows.map((row) => {
    // No prototype: a column named __proto__ is a key like any other (on {} the assignment would be dropped).
    const flat = Object.create(null) as Record<string, string | number | null>;
    for (const c of table.columns) {
      const v = cellOf(row, c);
      // JSON has no Infinity/NaN: they become null, the documented "not defined" value.
      flat[c] = typeof v === 'number' && !Number.isFinite(v) ? null : dataCell(v);
    }
    return flat;
  });
  return `${JSON.stringify(rows, null, 2)}\n`;
};

const formatMarkdown: Formatter = (table) => {
  // A cell is one line of the table: a pipe would open a cell, a line break end the row (<br> keeps it visible).
  const escape = (s: string) => s.replace(/\|/g, '\\|').replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>');
  const lines = [
    `| ${table.columns.map(escape).join(' | ')} |`,
    `| ${table.columns.map((c) => (isNumericColumn(table, c) ? '---:' : '---')).join(' | ')} |`,
    ...humanRows(table).map((r) => `| ${r.map(escape).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
};

/** Formatters by name: the one registry every command prints through. */
export const TABLE_FORMATS: Record<string, Formatter> = {
  table: formatTable,
  csv: delimited(','),
  tsv: delimited('\t'),
  json: formatJson,
  md: formatMarkdown,
};
