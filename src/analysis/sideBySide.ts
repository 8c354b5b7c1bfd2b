import { computedColumn, type ResultTable, type Row } from '../resultTable.js';

/**
 * Ranked lists of several groups side by side, the way AntConc and LancsBox compare corpora: one row per rank,
 * and per group its item (`<group>`) and score (`<group>_<score>`); shorter lists leave their cells empty.
 */
export function sideBySide(groups: string[], perGroup: Row[][], itemColumn: string, scoreColumn: string, field = 'group'): ResultTable {
  // The group columns are the user's values (a group called `rank`): the computed column steps aside.
  const groupColumns = groups.flatMap((g) => [g, `${g}_${scoreColumn}`]);
  const rank = computedColumn('rank', new Set(groupColumns));
  const columns = [rank, ...groupColumns];
  const depth = Math.max(0, ...perGroup.map((rows) => rows.length));
  const rows: Row[] = [];
  for (let i = 0; i < depth; i++) {
    const row: Row = { [rank]: i + 1 };
    groups.forEach((g, j) => {
      row[g] = perGroup[j][i]?.[itemColumn] ?? '';
      row[`${g}_${scoreColumn}`] = perGroup[j][i]?.[scoreColumn] ?? null;
    });
    rows.push(row);
  }
  const long = { field, groups, keys: [rank], values: [{ suffix: '', name: itemColumn }, { suffix: `_${scoreColumn}`, name: scoreColumn }] };
  return { columns, rows, long };
}
