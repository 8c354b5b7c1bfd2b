import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tifa } from './cli.js';

/**
 * `tifa slogans --show` (counting) and `tifa lint` (checking) read the lexicon through one fold and one index
 * (src/lexicon/), so on the same hostile texts they must see the same formulation at the same line and column.
 * Columns count characters: 𠮷 (outside the BMP, two UTF-16 units) is one column.
 */

/** A line long enough, and not ending its sentence, for the reader to take the blank line after it as a page break. */
const BROKEN = '全面推进基层社会治理体系和治理能力现代化建设持续深化平安建设工作坚持和发展新时代专业＋机\n\n制＋大数据警务模式。\n';

const FILES: Record<string, string> = {
  // Astral characters before a spaced slogan: column 4, not 6.
  a: '𠮷𠮷“枫桥 经验”\n',
  // Traditional characters inside quotes: the slogan 枫桥经验, not a quoted formulation 楓橋經驗.
  b: '坚持“楓橋經驗”。\n',
  // A comma for 、: the same slogan for both, found where it stands.
  c: '推进“市县主战，派出所主防”改革。\n',
  d: '坚持市县主战、派出所主防。\n深化市县主战、派出所主防改革。\n',
  // Full-width ＋.
  e: '推进专业＋机制＋大数据改革。\n',
  // A page break inside a full-width slogan.
  f: BROKEN,
};

/** What a person reading the files counts: slogan, file, line, column. */
const EXPECTED: Array<[string, string, number, number]> = [
  ['枫桥经验', 'a', 1, 4],
  ['枫桥经验', 'b', 1, 4],
  ['市县主战、派出所主防', 'c', 1, 4],
  ['专业+机制+大数据', 'e', 1, 3],
  ['专业+机制+大数据', 'f', 1, 41],
];

let dir: string;
const env = () => ({ env: { TIFA_CACHE_DIR: join(dir, 'cache') } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-agree-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, `${name}.txt`), text);
});

interface LintJson {
  filePath: string;
  messages: Array<{ ruleId: string; line: number; column: number; suggestion?: string }>;
}

describe('slogans --show and lint agree on formulations and places', () => {
  it('slogans --show finds every hostile use at the hand-counted place', () => {
    const seen = new Set<string>();
    for (const slogan of new Set(EXPECTED.map(([s]) => s))) {
      const run = tifa(['slogans', dir, '--show', slogan, '--format', 'json'], env());
      expect(run.code, run.stderr).toBe(0);
      for (const row of JSON.parse(run.stdout) as Array<{ doc: string; line: number; column: number }>) {
        if (row.doc !== 'd') seen.add(`${slogan} ${row.doc}:${row.line}:${row.column}`);
      }
    }
    expect([...seen].sort()).toEqual(EXPECTED.map(([s, f, l, c]) => `${s} ${f}:${l}:${c}`).sort());
  });

  it('lint reports each of them at the same place, suggesting the same canonical form', () => {
    const run = tifa(['lint', dir, '--format', 'json'], env());
    expect(run.code, run.stderr).toBe(1);
    const reported = new Set<string>();
    for (const file of JSON.parse(run.stdout) as LintJson[]) {
      const name = file.filePath.split(/[\\/]/).pop()!.replace(/\.txt$/, '');
      for (const m of file.messages) {
        if (m.ruleId === 'slogan-variant' || m.ruleId === 'inconsistent-form') reported.add(`${m.suggestion ?? ''} ${name}:${m.line}:${m.column}`);
      }
    }
    for (const [slogan, file, line, column] of EXPECTED) expect(reported).toContain(`${slogan} ${file}:${line}:${column}`);
  });
});
