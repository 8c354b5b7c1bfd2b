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

/**
 * A table too large to hold as row objects (a whole-vocabulary co-occurrence list): its rows come a page at a
 * time, made when asked for, so that printing it takes memory for one page, not for every row.
 */
export interface PagedTable {
  columns: string[];
  pages: () => Iterable<Row[]>;
  decimals?: Record<string, number>;
}
