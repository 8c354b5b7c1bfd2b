import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';
import { spreadsheetSafe } from './cells.js';
import { cellOf, type ResultTable } from '../resultTable.js';

const require = createRequire(import.meta.url);

/** A table and the name of its sheet. */
export interface NamedTable {
  name: string;
  table: ResultTable;
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'table';
  let candidate = base;
  for (let k = 2; taken.has(candidate); k++) candidate = `${base.slice(0, 28)}_${k}`;
  taken.add(candidate);
  return candidate;
}

/**
 * An Excel workbook (exceljs), one sheet per table: the header row bold and frozen, numbers as numbers (not
 * text), undefined values (±Infinity, NaN) as empty cells, text that a spreadsheet would run as a formula
 * prefixed with ' as in CSV. Asynchronous: exceljs zips the workbook with promises.
 */
export async function xlsxWorkbook(tables: NamedTable[]): Promise<Buffer> {
  const Excel = require('exceljs') as typeof ExcelJS;
  const workbook = new Excel.Workbook();
  workbook.creator = 'tifa';
  const taken = new Set<string>();
  for (const { name, table } of tables) {
    const sheet = workbook.addWorksheet(sheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.columns.map((c) => spreadsheetSafe(c)));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(table.columns.map((c) => {
        const v = cellOf(row, c);
        if (typeof v === 'number') return Number.isFinite(v) ? v : null;
        return spreadsheetSafe(v);
      }));
    }
    table.columns.forEach((c, i) => {
      const widest = Math.max(c.length, ...table.rows.slice(0, 200).map((r) => String(cellOf(r, c) ?? '').length));
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widest * 1.6));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
