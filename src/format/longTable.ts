import { cellOf, type LongLayout, type ResultTable, type Row } from '../resultTable.js';

/** One row per key and group: the keys, the field's value, then the group's values (a group with no item is left out). */
export function toLong(table: ResultTable, layout: LongLayout): ResultTable {
  const rows: Row[] = [];
  for (const row of table.rows) {
    layout.groups.forEach((group) => {
      const cells = layout.values.map((v) => cellOf(row, `${group}${v.suffix}`));
      if (cells.every((c) => c === null || c === '')) return;
      const long: Row = Object.create(null) as Row;
      for (const k of layout.keys) long[k] = cellOf(row, k);
      long[layout.field] = group;
      layout.values.forEach((v, i) => (long[v.name] = cells[i]));
      rows.push(long);
    });
  }
  const decimals: Record<string, number> = {};
  for (const v of layout.values) {
    const d = table.decimals?.[`${layout.groups[0]}${v.suffix}`];
    if (d !== undefined) decimals[v.name] = d;
  }
  return { columns: [...layout.keys, layout.field, ...layout.values.map((v) => v.name)], rows, decimals };
}
