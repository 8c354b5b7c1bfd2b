import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

/**
 * The README's "Use from TypeScript" example, run as a user would: a new package that installs tifa by path,
 * compiles the example against tifa's declarations (NodeNext, so package.json `exports`/`types` are what
 * resolves) and runs it on two small texts whose counts can be checked by hand.
 */
const example = /## Use from TypeScript[\s\S]*?```ts\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))![1];

let dir: string;
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TIFA_CACHE_DIR: join(dir, 'cache') } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-library-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'uses-tifa', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: [] }, files: ['example.ts'] }),
  );
  writeFileSync(join(dir, 'example.ts'), example);
  mkdirSync(join(dir, 'texts'));
  writeFileSync(join(dir, 'texts', 'a.txt'), '---\ncity: 黄山\n---\n坚持“枫桥经验”。\n');
  writeFileSync(join(dir, 'texts', 'b.txt'), '---\ncity: 宜昌\n---\n坚持“枫桥经验”，推进“两队一室”。\n');
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--offline', ROOT]);
  expect(install.status, install.stderr).toBe(0);
}, 120000);

describe('tifa as a library', () => {
  it('the README example type-checks against the installed declarations and prints typed rows', () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    const out = run(process.execPath, ['example.js']);
    expect(out.status, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    // Words: 枫桥经验 and 坚持 in both texts (2 each, docfreq 2); the third row is one of the words used once.
    expect(lines.slice(0, 2).sort()).toEqual(['坚持\t2\t2', '枫桥经验\t2\t2']);
    expect(lines[2]).toMatch(/\t1\t1$/);
    // Slogans: 枫桥经验 twice (基层治理), then 两队一室 once.
    expect(lines.slice(3, 5)).toEqual(['枫桥经验\t2\t基层治理', '两队一室\t1\t基层治理']);
    // Lint: the traditional 楓橋經驗 at line 1, column 4, reported as a slogan variant.
    expect(lines.slice(5)).toContain('1:4 slogan-variant');
    console.log(out.stdout);
  });
});
