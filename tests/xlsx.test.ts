import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxWorkbook } from '../src/format/xlsx.js';
import { tifa } from './cli.js';

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('xlsx', () => {
  it('one sheet per table, header frozen and bold, numbers as numbers, formulas defused, undefined values empty', async () => {
    const table = { columns: ['term', 'total', 'll'], rows: [{ term: '=SUM(A1)', total: 3, ll: -Infinity }, { term: '枫桥经验', total: 12, ll: 4.25 }] };
    const workbook = await read(await xlsxWorkbook([{ name: 'freq', table }, { name: 'freq', table: { columns: ['x'], rows: [] } }]));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['freq', 'freq_2']);
    const sheet = workbook.getWorksheet('freq')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, 'term', 'total', 'll']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe("'=SUM(A1)");
    expect(sheet.getCell('B3').value).toBe(12);
    expect(typeof sheet.getCell('C3').value).toBe('number');
    expect(sheet.getCell('C2').value).toBeNull();
  });

  it('tifa writes a workbook only to --output, and a topic model as three sheets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-xlsx-'));
    const refused = tifa(['freq', '--format', 'xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('tifa: --format xlsx writes a workbook: give --output FILE.xlsx\n');
    const file = join(dir, 'freq.xlsx');
    expect(tifa(['freq', '--by', 'city', '--top', '5', '--format', 'xlsx', '-o', file]).code).toBe(0);
    const freq = await read(readFileSync(file));
    expect(freq.worksheets[0].name).toBe('freq');
    expect(freq.worksheets[0].getCell('B2').value).toBeTypeOf('number');
    expect(tifa(['freq', '--format', 'xlsx', '-o', file]).code).toBe(2);
    const topics = join(dir, 'topics.xlsx');
    expect(tifa(['topics', '--k', '2', '--iterations', '20', '--format', 'xlsx', '-o', topics]).code).toBe(0);
    expect(existsSync(topics)).toBe(true);
    expect((await read(readFileSync(topics))).worksheets.map((s) => s.name)).toEqual(['topics', 'words', 'documents']);
  });
});
