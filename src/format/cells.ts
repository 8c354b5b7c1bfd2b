import type { Cell } from '../resultTable.js';

/** Human display of a cell: integers as they are, other numbers rounded, infinities spelt out. */
export function displayCell(value: Cell, decimals = 2): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '-Inf';
  // Very large values (%DIFF of a term absent from the reference) read better as powers of ten.
  if (Math.abs(value) >= 1e9) return value.toExponential(2);
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(decimals);
}

/** Data display: enough precision for re-analysis without float noise such as 0.30000000000000004. */
export function dataCell(value: Cell): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return displayCell(value);
  return Number.isInteger(value) ? value : Number(value.toPrecision(10));
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or tab / CR) as a formula (CSV injection,
 * OWASP). Text cells get a leading apostrophe; numbers are left alone so that -3.2 stays a number.
 */
export function spreadsheetSafe(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
