import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../src/format/cells.js';
import { TABLE_FORMATS } from '../src/format/formatters.js';
import type { ResultTable } from '../src/resultTable.js';

const color = new Chalk({ level: 0 });
const table: ResultTable = {
  columns: ['term', 'total', 'rate'],
  rows: [
    { term: '枫桥经验', total: 3, rate: 12.3456 },
    { term: '=SUM(A1)', total: 1, rate: -0.5 },
  ],
};

describe('formatters', () => {
  it('csv escapes formula-like text cells but keeps negative numbers numeric', () => {
    const csv = TABLE_FORMATS.csv(table, { color });
    expect(csv).toBe("term,total,rate\r\n枫桥经验,3,12.3456\r\n'=SUM(A1),1,-0.5\r\n");
  });

  it('escapes every risky first character of a text cell', () => {
    for (const s of ['=1', '+1', '-1', '@x', '\tx', '\rx']) expect(spreadsheetSafe(s)).toBe(`'${s}`);
    expect(spreadsheetSafe('1+9+N')).toBe('1+9+N');
    expect(spreadsheetSafe(-3)).toBe(-3);
  });

  it('csv --bom starts with a UTF-8 byte-order mark', () => {
    expect(TABLE_FORMATS.csv(table, { color, bom: true }).startsWith('\uFEFFterm,')).toBe(true);
  });

  it('tsv separates with tabs', () => {
    expect(TABLE_FORMATS.tsv(table, { color }).split('\n')[1]).toBe('枫桥经验\t3\t12.3456');
  });

  it('json is an array of flat rows with the table columns, infinities as null', () => {
    const rows = JSON.parse(TABLE_FORMATS.json({ columns: ['term', 'x'], rows: [{ term: 'a', x: Infinity }] }, { color }));
    expect(rows).toEqual([{ term: 'a', x: null }]);
  });

  it('md right-aligns numeric columns and escapes pipes', () => {
    const md = TABLE_FORMATS.md({ columns: ['term', 'n'], rows: [{ term: 'a|b', n: 2 }] }, { color });
    expect(md).toBe('| term | n |\n| --- | ---: |\n| a\\|b | 2 |\n');
  });

  it('table rounds non-integers to the column decimals', () => {
    const out = TABLE_FORMATS.table({ ...table, decimals: { rate: 1 } }, { color });
    expect(out).toContain('12.3');
    expect(out).not.toContain('12.3456');
  });
});
