import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tifa } from './cli.js';

/** Splits the bundled corpus into two shard folders (documents 0–2 and 3–5). */
function shards(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-shards-'));
  const files = readdirSync(join(ROOT, 'corpus')).sort();
  return [files.slice(0, 3), files.slice(3)].map((part, i) => {
    const shard = join(dir, `shard${i}`);
    mkdirSync(shard);
    for (const f of part) copyFileSync(join(ROOT, 'corpus', f), join(shard, f));
    return shard;
  });
}

describe('tifa merge', () => {
  for (const extra of [[], ['--by', 'city'], ['--per', 'chars']]) {
    it(`gives the table of one run from freq shards ${extra.join(' ')}`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'tifa-merge-'));
      const parts = shards().map((shard, i) => {
        const file = join(dir, `part${i}.json`);
        writeFileSync(file, tifa(['freq', shard, ...extra, '--format', 'json']).stdout);
        return file;
      });
      const merged = tifa(['merge', ...parts, '--top', '25', '--format', 'tsv']);
      expect(merged.code).toBe(0);
      expect(merged.stdout).toBe(tifa(['freq', ...extra, '--top', '25', '--format', 'tsv']).stdout);
    });
  }

  it('refuses a file that is not freq output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-merge-'));
    writeFileSync(join(dir, 'x.json'), '[{"a": 1}]');
    const run = tifa(['merge', join(dir, 'x.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`tifa: ${join(dir, 'x.json')}: not the --format json output of tifa freq (needs term, total, per10k, docfreq)\n`);
  });
});
