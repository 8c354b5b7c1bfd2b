import type { LongLayout } from './longTable.js';

/** A flat, typed result table: what every analysis returns and every formatter prints. */
export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface ResultTable {
  columns: string[];
  rows: Row[];
  /** Decimal places shown for a numeric column in human formats (table, md); data formats keep precision. */
  decimals?: Record<string, number>;
  /** For a table with columns per group: how to give it long (`--long`). */
  long?: LongLayout;
}
