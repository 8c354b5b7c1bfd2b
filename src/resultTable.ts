/** A flat, typed result table: what every analysis returns and every formatter prints. */
export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** A row's cell by column name; only its own keys count, so a column named `constructor` is never a built-in. */
export function cellOf(row: Row, column: string): Cell {
  return Object.hasOwn(row, column) ? row[column] : null;
}

/**
 * The name for a column tifa computes (`chars`, `total`) in a table whose other columns are the user's data
 * (metadata fields, group values): the name itself, or with `_` added until it is free, so neither loses its values.
 */
export function computedColumn(name: string, dataColumns: ReadonlySet<string>): string {
  let column = name;
  while (dataColumns.has(column)) column += '_';
  return column;
}

/** computedColumn for several names at once: each computed column's name beside these data columns. */
export function computedColumns<K extends string>(names: readonly K[], dataColumns: ReadonlySet<string>): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, computedColumn(name, dataColumns)])) as Record<K, string>;
}

/** `R`: the row type, for tables whose columns are known (FrequencyRow, … in src/index.ts). */
export interface ResultTable<R extends Row = Row> {
  columns: string[];
  rows: R[];
  /** Decimal places shown for a numeric column in human formats (table, md); data formats keep precision. */
  decimals?: Record<string, number>;
  /** For a table with columns per group: how to give it long (`--long`). */
  long?: LongLayout;
}

/**
 * How a grouped (wide) table is laid out, so that it can be given long instead (`--long`, the tidy form of R's
 * tidyr::pivot_longer): the columns that identify a row (`keys`), the grouping field, its groups in column order,
 * and the per-group values, each in column `<group><suffix>`, named `name` in the long table.
 */
export interface LongLayout {
  field: string;
  groups: string[];
  keys: string[];
  values: Array<{ suffix: string; name: string }>;
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

/** A paged table's rows all at once (for a format that needs every row, a library caller, tests). */
export function wholeTable(paged: PagedTable): ResultTable {
  const rows: Row[] = [];
  for (const page of paged.pages()) for (const row of page) rows.push(row);
  return { columns: paged.columns, rows, decimals: paged.decimals };
}
