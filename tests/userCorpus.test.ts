import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tifa, type Run } from './cli.js';

/**
 * tifa on a user's own corpus: a folder of plain .txt files with no metadata at all, made here. Every command that
 * groups by default must work on it as it is, and say once on stderr how it grouped.
 */

const COMMON = '会议强调，各级政府要认真落实各项工作任务，切实加强组织领导，确保各项措施取得实效。\n';
const REFORM = `深化改革开放，推进改革开放。改革开放是决定当代中国命运的关键一招。\n${COMMON}`;
const ECOLOGY = `加强生态文明建设，推进生态文明建设。绿水青山就是金山银山，功在当代。\n${COMMON}`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa user corpus '));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const plainFolder = () => folder({ 'reform.txt': REFORM.repeat(3), 'ecology.txt': ECOLOGY.repeat(3) });
const DEFAULT_NOTE = 'tifa: no document has the field "city": one group per document (by id); --by FIELD groups otherwise\n';

function expectUsageError(run: Run, message: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`tifa: ${message}\n`);
}

describe('the default grouping on a folder of plain text files', () => {
  it('compare groups by document (id) without --by, and says so in one line on stderr', () => {
    const run = tifa(['compare', plainFolder(), '--min-count', '1', '--min-ll', '0', '-f', 'tsv']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('rank\tecology\tecology_ll\treform\treform_ll');
    expect(run.stdout).toContain('生态');
    expect(run.stderr).toBe(DEFAULT_NOTE);
  });

  it('an explicit --by city on a corpus without it stays an error', () => {
    expectUsageError(tifa(['compare', plainFolder(), '--by', 'city']), 'no document has the field "city"; fields present: id');
    const out = join(mkdtempSync(join(tmpdir(), 'tifa-report-')), 'r.html');
    expectUsageError(tifa(['report', plainFolder(), '--by', 'city', '-o', out]), 'no document has the field "city"; fields present: id');
    expect(existsSync(out)).toBe(false);
  });

  it('report writes its page grouped by document', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tifa report ')), 'r.html');
    const run = tifa(['report', plainFolder(), '--output', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(DEFAULT_NOTE);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('reform');
    expect(html).toContain('ecology');
  });

  it('plot and ca group by document too', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tifa-plot-')), 'k.svg');
    const plot = tifa(['plot', 'keyness', plainFolder(), '-o', out]);
    expect(plot.code, plot.stderr).toBe(0);
    expect(plot.stderr).toBe(DEFAULT_NOTE);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg[\s\S]*reform[\s\S]*<\/svg>\s*$/);
    const ca = tifa(['ca', plainFolder(), '--show', 'coordinates', '-f', 'tsv']);
    expect(ca.code, ca.stderr).toBe(0);
    expect(ca.stderr).toBe(DEFAULT_NOTE);
    const labels = ca.stdout.split('\n').filter((line) => line.startsWith('id\t')).map((line) => line.split('\t')[1]);
    expect(labels.sort()).toEqual(['ecology', 'reform']);
  });

  it('a corpus with city is grouped by city without a note; documents without it are left out, as with --by city', () => {
    const withCity = folder({
      'a.txt': `---\ncity: 黄山\n---\n${REFORM.repeat(3)}`,
      'b.txt': `---\ncity: 宜昌\n---\n${ECOLOGY.repeat(3)}`,
    });
    const run = tifa(['compare', withCity, '--min-count', '1', '--min-ll', '0', '-f', 'tsv']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('rank\t黄山\t黄山_ll\t宜昌\t宜昌_ll');
    const mixed = folder({
      'a.txt': `---\ncity: 黄山\n---\n${REFORM}`,
      'b.txt': `---\ncity: 宜昌\n---\n${ECOLOGY}`,
      'c.txt': REFORM,
    });
    const left = tifa(['compare', mixed, '--min-count', '1', '--min-ll', '0', '-f', 'tsv']);
    expect(left.code, left.stderr).toBe(0);
    expect(left.stderr).toBe('tifa: 1 document(s) without "city" left out: c\n');
    expect(left.stdout).toBe(tifa(['compare', mixed, '--by', 'city', '--min-count', '1', '--min-ll', '0', '-f', 'tsv']).stdout);
  });
});
