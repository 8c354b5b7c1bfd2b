// tifa bench, every command: corpora of --sizes MB of distinct text (copies of the government work reports,
// or of the bundled corpus, each copy given its own front matter, so that no file's bytes repeat and the token
// cache cannot serve one copy from another), each command run once per size with an empty cache. Prints one
// table: MB/s, the ratio to the raw one-thread @node-rs/jieba cut of the same corpus measured in this run (the
// first row; each ratio uses the cut timed again just before that run), and peak RSS (GNU time), then the RSS
// growth from the smallest to the largest size.
// Usage: node bench/commands.js [--sizes 4,16,64] [--only freq,cooc] [--tifa path/to/bin/tifa.js]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = option('sizes', '4,16,64').split(',').map(Number);
const only = option('only', '') ? new Set(option('only', '').split(',')) : undefined;
const bin = option('tifa', join(root, 'bin', 'tifa.js'));
const MB = 1024 * 1024;

const gwr = join(root, '..', 'shared', 'corpora', 'gov-work-reports');
const source = existsSync(gwr) ? gwr : join(root, 'corpus');
const sourceTexts = readdirSync(source)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(source, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '') }));
const work = mkdtempSync(join(tmpdir(), 'tifa-bench-commands-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/**
 * About `mb` MB of distinct files: copy k of every report with front matter naming the copy, a part (a/b, for
 * the commands that compare groups) and a year (for trend), so every file's bytes differ.
 */
function distinctCorpus(mb) {
  const dir = join(work, `corpus-${mb}mb`);
  let bytes = 0;
  for (let copy = 0; bytes < mb * MB; copy++) {
    const sub = join(dir, `copy${String(copy).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    sourceTexts.forEach(({ name, text }, i) => {
      if (bytes >= mb * MB) return;
      const body = `---\ncopy: ${copy}\npart: ${i % 2 ? 'a' : 'b'}\nyear: ${1950 + ((copy * 7 + i) % 70)}\n---\n${text}`;
      writeFileSync(join(sub, name), body);
      bytes += Buffer.byteLength(body);
    });
  }
  return { dir, bytes };
}

const jieba = Jieba.withDict(dict);
const filesOf = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f));

/** Seconds of the raw cut of every file in this thread (the dictionary loaded before). */
function rawCut(dir) {
  const texts = filesOf(dir).map((file) => readFileSync(file, 'utf8'));
  const start = process.hrtime.bigint();
  for (const text of texts) jieba.cut(text, true);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const hasTime = existsSync('/usr/bin/time');
let runs = 0;

/** One run with an empty cache of its own: wall seconds and peak RSS in MB, or the first line of its error. */
function runTifa(tifaArgs) {
  const command = hasTime ? ['/usr/bin/time', '-f', '%M', process.execPath, bin, ...tifaArgs] : [process.execPath, bin, ...tifaArgs];
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), {
    env: { ...process.env, NO_COLOR: '1', TIFA_CACHE_DIR: join(work, `cache-${runs++}`) },
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const lines = result.stderr.trim().split('\n');
  // lint exits 1 when it finds something: a result, not a failure.
  if (result.status !== 0 && !(tifaArgs[0] === 'lint' && result.status === 1)) return { error: lines.find((l) => l.startsWith('tifa:')) ?? lines[0] };
  return { seconds, rssMb: hasTime ? Number(lines.pop()) / 1024 : NaN };
}

/** Every command, as a user would run it on a corpus folder (output thrown away). */
const COMMANDS = [
  ['freq', (d) => ['freq', d, '--top', '100']],
  ['freq --by part', (d) => ['freq', d, '--by', 'part', '--top', '100']],
  ['compare --by part', (d) => ['compare', d, '--by', 'part']],
  ['kwic 改革', (d) => ['kwic', '改革', d, '--format', 'tsv']],
  ['cooc --top 1000 --min 2', (d) => ['cooc', d, '--top', '1000', '--min', '2', '--format', 'tsv']],
  ['cooc whole vocabulary --min 1', (d) => ['cooc', d, '--top', '10000000', '--min', '1', '--format', 'tsv']],
  ['cooc whole vocabulary --unit paragraph', (d) => ['cooc', d, '--top', '10000000', '--unit', 'paragraph', '--format', 'tsv']],
  ['collocates 发展', (d) => ['collocates', '发展', d]],
  ['slogans', (d) => ['slogans', d, '--format', 'tsv']],
  ['slogans --discover', (d) => ['slogans', d, '--discover', '--format', 'tsv']],
  ['themes --by part', (d) => ['themes', d, '--by', 'part', '--format', 'tsv']],
  ['trend 改革 --by year', (d) => ['trend', '改革', d, '--by', 'year', '--format', 'tsv']],
  ['topics --k 10 --iterations 50', (d) => ['topics', d, '--k', '10', '--iterations', '50', '--format', 'tsv']],
  ['keywords --by part', (d) => ['keywords', d, '--by', 'part', '--format', 'tsv']],
  ['similar --by part', (d) => ['similar', d, '--by', 'part', '--format', 'tsv']],
  ['report --by part', (d) => ['report', d, '--by', 'part', '--output', join(work, 'report.html'), '--force']],
  ['lint', (d) => ['lint', d, '--format', 'json']],
].filter(([name]) => !only || only.has(name.split(' ')[0]));

const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
console.log(`tifa bench (every command) — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`source: ${source} (${sourceTexts.length} files), copies made distinct; empty cache per run; tifa: ${bin}\n`);

const corpora = sizes.map(distinctCorpus);
const raw = corpora.map(({ dir, bytes }) => bytes / MB / rawCut(dir));

// Each row is printed as its command finishes, so a long run shows its progress and a stopped one its rows so far.
const head = ['command', ...corpora.flatMap(({ bytes }) => [`${fmt(bytes / MB, 0)} MB: MB/s`, '× raw', 'RSS MB']), 'RSS growth'];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
console.log(`| raw cut, one thread | ${raw.map((r) => `${fmt(r)} | 1.00 | –`).join(' | ')} | – |`);
for (const [name, make] of COMMANDS) {
  // The raw cut again just before each run: on a shared machine the load moves during a long bench, and the
  // ratio should compare the command with the cut under the same load.
  const byBytes = corpora.map(({ dir, bytes }) => ({ bytes, raw: bytes / MB / rawCut(dir), ...runTifa(make(dir)) }));
  const cells = byBytes.map((run) => (run.error ? `${run.error.slice(0, 60)} | | ` : `${fmt(run.bytes / MB / run.seconds)} | ${fmt(run.bytes / MB / run.seconds / run.raw)} | ${fmt(run.rssMb, 0)}`));
  const [first, last] = [byBytes[0], byBytes[byBytes.length - 1]];
  const growth = first.error || last.error || byBytes.length < 2 ? '–' : `${fmt((last.rssMb / first.rssMb - 1) * 100, 0)}%`;
  console.log(`| ${name} | ${cells.join(' | ')} | ${growth} |`);
}
console.log(`\nload at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
