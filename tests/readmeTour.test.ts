import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './cli.js';

/**
 * The README's tour shows real output: every `console` block of the section is run (its `$ ` line through bash,
 * `tifa` being this checkout's binary) and must print what the block shows. Runs of spaces and tabs count as
 * one (the README aligns TSV columns for the eye); a line the README cuts with … must start with what precedes it.
 */
function tourBlocks(): Array<{ command: string; expected: string[] }> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## A short tour');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/```console\n\$ (.*)\n([\s\S]*?)```/g)].map((m) => ({ command: m[1], expected: m[2].trimEnd().split('\n') }));
}

const spaced = (line: string) => line.replace(/[ \t]+/g, ' ').trim();

const cache = mkdtempSync(join(tmpdir(), 'tifa-tour-cache-'));

describe('the README tour prints what the README shows', () => {
  const blocks = tourBlocks();
  it('has its examples', () => expect(blocks.length).toBeGreaterThanOrEqual(6));
  for (const { command, expected } of blocks) {
    it(`$ ${command}`, () => {
      const run = spawnSync('bash', ['-c', `set -o pipefail; tifa() { "${process.execPath}" "${BIN}" "$@"; }; ${command}`], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', TIFA_CACHE_DIR: cache },
      });
      const actual = run.stdout.trimEnd().split('\n').map(spaced);
      expect(actual.length, run.stderr).toBe(expected.length);
      expected.forEach((line, i) => {
        const want = spaced(line);
        if (want.endsWith(' …')) expect(actual[i].startsWith(want.slice(0, -2)), `line ${i + 1}: ${actual[i]}`).toBe(true);
        else expect(actual[i], `line ${i + 1}`).toBe(want);
      });
    });
  }
});

describe('the report says what the README says', () => {
  it('c and d of keyness are all word tokens, whatever is counted, in both', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/The token totals\n\(c, d, document sizes for DP, positions for Juilland's D\) are all the word tokens of the text whatever is counted/);
    const out = join(mkdtempSync(join(tmpdir(), 'tifa-tour-report-')), 'r.html');
    const run = spawnSync(process.execPath, [BIN, 'report', '--by', 'city', '-o', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TIFA_CACHE_DIR: cache } });
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8').replace(/\s+/g, ' ');
    expect(html).toContain('c, d = all their word tokens, whatever is counted (stopword lists drop terms from the table, not words from these totals');
  });
});
