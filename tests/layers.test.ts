import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

/** The layer rules of .dependency-cruiser.cjs, run by dependency-cruiser's own command line. */
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const RULES = join(ROOT, '.dependency-cruiser.cjs');

function depcruise(cwd: string): { code: number; output: string } {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', RULES, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { code: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

describe('layers (.dependency-cruiser.cjs)', () => {
  it('src/ has no forbidden import and no cycle', () => {
    const { code, output } = depcruise(ROOT);
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  it('a core module importing a formatter, reading a file, and a cycle each fail the check, by rule name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-layers-'));
    const file = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    file('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' }, include: ['src'] }));
    file('src/format/table.ts', 'export const table = 1;\n');
    file('src/analysis/counts.ts', "import { table } from '../format/table.js';\nimport { readFileSync } from 'node:fs';\nexport const counts = [table, readFileSync];\n");
    file('src/slogans/a.ts', "import { b } from './b.js';\nexport const a = () => b;\n");
    file('src/slogans/b.ts', "import { a } from './a.js';\nexport const b = () => a;\n");
    const { code, output } = depcruise(dir);
    expect(code).not.toBe(0);
    expect(output).toMatch(/layer-analysis: src\/analysis\/counts\.ts → src\/format\/table\.ts/);
    expect(output).toMatch(/pure-core: src\/analysis\/counts\.ts → fs/);
    expect(output).toMatch(/no-cycle: src\/slogans\/[ab]\.ts/);
  });
});
