#!/usr/bin/env node
/**
 * Writes every table tifa makes of two corpora into a folder, one file per command (stdout, and stderr and the
 * exit code beside it), so that two builds of tifa can be compared with `diff -r`: the evidence that a refactor
 * (issue 15, one architecture) keeps every table, except the disagreements it settles on purpose.
 *
 *   node bench/tableSnapshot.mjs <tifa checkout> <out folder> [--gov <gov-work-reports folder>] [--corpus <folder>]
 *
 * <tifa checkout> is a built checkout (its bin/tifa.js and dist/): this one, or an older commit built elsewhere
 * (`git archive <commit> | tar -x -C /tmp/old`, copy node_modules, `npx tsc`). The corpora are read from the
 * paths given (default: this checkout's corpus/ and ../shared/corpora/gov-work-reports), the same for both
 * builds, so only the code differs. Commands an older build does not have are recorded as such (exit code and
 * the usage error in the .err file). Every build gets a fresh TIFA_CACHE_DIR, and freq and compare run on one
 * thread (--jobs 1). Then: `diff -r out-before out-after`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const gov = resolve(option('--gov', join(here, '..', 'shared', 'corpora', 'gov-work-reports')));
const bundled = resolve(option('--corpus', join(here, 'corpus')));
const [checkout, out] = args;
if (!checkout || !out) {
  console.error('usage: node bench/tableSnapshot.mjs <tifa checkout> <out folder> [--gov <folder>] [--corpus <folder>]');
  process.exit(2);
}
const bin = join(resolve(checkout), 'bin', 'tifa.js');
mkdirSync(out, { recursive: true });
const cache = mkdtempSync(join(tmpdir(), 'tifa-snapshot-cache-'));

// Hostile texts where the forks of issue 15 disagreed (tests/lexiconAgreement.test.ts): a character outside the
// BMP before a slogan (columns), traditional characters in quotes, a comma for 、, full-width ＋, a page break.
// Written to one fixed folder, so that the paths in the output are the same for every build.
const hostile = join(tmpdir(), 'tifa-snapshot-hostile');
rmSync(hostile, { recursive: true, force: true });
mkdirSync(hostile);
const HOSTILE = {
  a: '𠮷𠮷“枫桥 经验”\n',
  b: '坚持“楓橋經驗”。\n',
  c: '推进“市县主战，派出所主防”改革。\n',
  d: '坚持市县主战、派出所主防。\n深化市县主战、派出所主防改革。\n',
  e: '推进专业＋机制＋大数据改革。\n',
  f: '全面推进基层社会治理体系和治理能力现代化建设持续深化平安建设工作坚持和发展新时代专业＋机\n\n制＋大数据警务模式。\n',
};
for (const [name, text] of Object.entries(HOSTILE)) writeFileSync(join(hostile, `${name}.txt`), text);

const csv = ['--format', 'csv'];
const year = ['--by', 'year', '--meta-from-name', 'gwr_{year}'];
/** [file name, arguments]: the hostile texts, the bundled corpus (grouped by city) and the reports (by year). */
const runs = [
  ['hostile/slogans', ['slogans', hostile, ...csv]],
  ['hostile/slogans-show-fengqiao', ['slogans', hostile, '--show', '枫桥经验', ...csv]],
  ['hostile/slogans-show-shixian', ['slogans', hostile, '--show', '市县主战、派出所主防', ...csv]],
  ['hostile/lint', ['lint', hostile, '--format', 'json']],
  ['hostile/kwic', ['kwic', '经验', hostile, ...csv]],
  ['bundled/freq', ['freq', bundled, ...csv]],
  ['bundled/freq-by-city', ['freq', bundled, '--by', 'city', '--dp', ...csv]],
  ['bundled/compare', ['compare', bundled, '--by', 'city', ...csv]],
  ['bundled/compare-target', ['compare', bundled, '--by', 'city', '--target', '黄山', '--negative', ...csv]],
  ['bundled/cooc', ['cooc', bundled, ...csv]],
  ['bundled/cooc-slogans-by-city', ['cooc', bundled, '--slogans', '--by', 'city', ...csv]],
  ['bundled/slogans', ['slogans', bundled, ...csv]],
  ['bundled/slogans-by-city', ['slogans', bundled, '--by', 'city', ...csv]],
  ['bundled/themes-by-city', ['themes', bundled, '--by', 'city', ...csv]],
  ['bundled/lint', ['lint', bundled, '--format', 'json']],
  ['bundled/kwic', ['kwic', '枫桥经验', bundled, '--by', 'city', ...csv]],
  ['bundled/collocates', ['collocates', '公安', bundled, ...csv]],
  ['gov/freq-by-year', ['freq', gov, ...year, '--top', '2000', ...csv]],
  ['gov/compare-2024', ['compare', gov, ...year, '--target', '2024', ...csv]],
  ['gov/cooc', ['cooc', gov, ...csv]],
  ['gov/slogans-by-year', ['slogans', gov, ...year, ...csv]],
  ['gov/themes-by-year', ['themes', gov, ...year, ...csv]],
  ['gov/lint', ['lint', gov, '--format', 'json']],
  ['gov/kwic', ['kwic', '新质生产力', gov, ...year, ...csv]],
  ['gov/trend', ['trend', '改革', '/高质量发展/', gov, ...year, ...csv]],
];

const jobsFlag = new Set(['freq', 'compare']);
for (const [name, argv] of runs) {
  mkdirSync(dirname(join(out, name)), { recursive: true });
  if (argv.some((a) => a === gov) && !existsSync(gov)) continue;
  // A fresh cache (not --no-cache, which older builds had on freq and compare only): every run reads cold.
  const full = [...argv, ...(jobsFlag.has(argv[0]) ? ['--jobs', '1'] : [])];
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, ...full], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, TIFA_CACHE_DIR: cache, NO_COLOR: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  writeFileSync(join(out, `${name}.out`), run.stdout ?? '');
  writeFileSync(join(out, `${name}.err`), `${run.stderr ?? ''}exit ${run.status}\n`);
  console.log(`${name}: exit ${run.status}, ${(run.stdout ?? '').length} chars, ${seconds.toFixed(1)} s`);
}
