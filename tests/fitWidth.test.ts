import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { displayWidth, fitColumns, truncate } from '../src/format/fitWidth.js';
import { TABLE_FORMATS } from '../src/format/formatters.js';

const color = new Chalk({ level: 0 });

describe('tables fit the terminal', () => {
  it('measures CJK as two columns and cuts with …', () => {
    expect(displayWidth('公安ab')).toBe(6);
    expect(truncate('坚持和发展新时代', 7)).toBe('坚持和…');
    expect(truncate('坚持和发展新时代', 7, true)).toBe('…新时代');
    expect(truncate('short', 10)).toBe('short');
  });

  it('narrows the widest column first, then hides columns from the right', () => {
    // Box: 3 per column + 1. Natural 20 + 4 + 20 = 44 + 10 = 54.
    expect(fitColumns([20, 4, 20], 54)).toEqual({ shown: [0, 1, 2], widths: [20, 4, 20] });
    expect(fitColumns([20, 4, 20], 44)).toEqual({ shown: [0, 1, 2], widths: [15, 4, 15] });
    expect(fitColumns([20, 4, 20], 20)).toEqual({ shown: [0], widths: [16] });
  });

  it('a concordance on a narrow terminal keeps left, match and right, hiding where it is first', () => {
    const table = {
      columns: ['doc', 'line', 'column', 'left', 'match', 'right'],
      rows: [{ doc: '00-editor-note', line: 11, column: 26, left: '党的二十届三中全会是新的历史起点上进一步全面深化', match: '改革', right: '、推进中国式现代化的总动员、总部署' }],
    };
    const header = (width: number) => TABLE_FORMATS.table(table, { color, width }).split('\n')[1].split('│').map((c) => c.trim()).filter(Boolean);
    expect(header(60)).toEqual(['doc', 'line', 'left', 'match', 'right']);
    expect(header(40)).toEqual(['left', 'match', 'right']);
    expect(TABLE_FORMATS.table(table, { color, width: 40 })).toContain('(3 of 6 columns hidden to fit 40 columns: doc, line, column;');
    expect(header(30)).toEqual(['left', 'match']);
    // Other tables still lose their columns from the right.
    expect(fitColumns([20, 4, 20], 20, new Set())).toEqual({ shown: [0], widths: [16] });
  });

  it('every line of a fitted table is within the width, and hidden columns are named', () => {
    const columns = ['term', ...Array.from({ length: 30 }, (_, i) => `城市${i}`)];
    const row = Object.fromEntries(columns.map((c, i) => [c, i === 0 ? '中国式现代化新征程上的公安工作' : i * 1000]));
    const out = TABLE_FORMATS.table({ columns, rows: [row] }, { color, width: 120 });
    const lines = out.trimEnd().split('\n');
    const note = lines.pop()!;
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(120);
    expect(note).toMatch(/^\(\d+ of 31 columns hidden to fit 120 columns: 城市\d+, /);
    // Unfitted (a pipe, a file): every column.
    expect(TABLE_FORMATS.table({ columns, rows: [row] }, { color })).toContain('城市29');
  });
});
