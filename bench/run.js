// tifa benchmark: builds scaled corpora in a temporary folder and prints throughput ratios, cache speed-up,
// start-up time and peak RSS, all measured in this one run (these machines are noisy: compare ratios, not
// seconds across runs). Usage: npm run bench [-- --sizes 4,16,64 --main 20]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'tifa.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = option('sizes', '4,16,64').split(',').map(Number);
const mainSize = Number(option('main', '20'));
const MB = 1024 * 1024;

const gwr = join(root, '..', 'shared', 'corpora', 'gov-work-reports');
const source = existsSync(gwr) ? gwr : join(root, 'corpus');
const sourceFiles = readdirSync(source).filter((f) => f.endsWith('.txt')).map((f) => join(source, f));
const work = mkdtempSync(join(tmpdir(), 'tifa-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** A corpus of about `mb` megabytes: copies of the source files in numbered folders. */
function scaledCorpus(mb) {
  const dir = join(work, `corpus-${mb}mb`);
  let bytes = 0;
  for (let copy = 0; bytes < mb * MB; copy++) {
    const sub = join(dir, `copy${String(copy).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (const file of sourceFiles) {
      if (bytes >= mb * MB) break;
      const target = join(sub, file.split('/').pop());
      copyFileSync(file, target);
      bytes += statSync(target).size;
    }
  }
  return { dir, bytes };
}

const hasTime = existsSync('/usr/bin/time');

/** Runs tifa; returns wall seconds and peak RSS in MB (from GNU time when installed). */
function runTifa(tifaArgs, env = {}) {
  const command = hasTime ? ['/usr/bin/time', '-f', '%M', process.execPath, bin, ...tifaArgs] : [process.execPath, bin, ...tifaArgs];
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), {
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * MB,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`tifa ${tifaArgs.join(' ')} failed: ${result.stderr}`);
  const rssKb = hasTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, rssMb: rssKb / 1024 };
}

function rawCutSeconds(dir) {
  const jieba = Jieba.withDict(dict);
  const files = [];
  const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name))));
  walk(dir);
  const start = process.hrtime.bigint();
  for (const file of files) jieba.cut(readFileSync(file, 'utf8'), true);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function pythonJiebaSeconds(dir) {
  const script = [
    'import jieba, os, sys, time, collections',
    'jieba.setLogLevel(60); jieba.initialize()',
    't = time.time(); c = collections.Counter()',
    'for root, _, files in os.walk(sys.argv[1]):',
    '    for f in files:',
    '        c.update(w for w in jieba.cut(open(os.path.join(root, f), encoding="utf-8").read()) if w.strip())',
    'print(time.time() - t)',
  ].join('\n');
  // Debian's python3-jieba installs for the system interpreter, which may not be the first python3 on PATH.
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      return Number(execFileSync(python, ['-c', script, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    } catch {
      // try the next interpreter
    }
  }
  return undefined;
}

const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const line = (label, value) => console.log(`${label.padEnd(58)} ${value}`);

console.log(`tifa bench — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`);
console.log(`source: ${source} (${sourceFiles.length} files)\n`);

const main = scaledCorpus(mainSize);
const mbOf = (bytes) => bytes / MB;
line(`corpus`, `${fmt(mbOf(main.bytes), 1)} MB`);

const raw = rawCutSeconds(main.dir);
const rawRate = mbOf(main.bytes) / raw;
line('raw @node-rs/jieba cut, one thread', `${fmt(rawRate)} MB/s`);

const noCache = ['--no-cache', '--top', '10', '--format', 'tsv'];
const one = runTifa(['freq', main.dir, '--jobs', '1', ...noCache]);
const two = runTifa(['freq', main.dir, '--jobs', '2', ...noCache]);
line('tifa freq, 1 worker', `${fmt(mbOf(main.bytes) / one.seconds)} MB/s = ${fmt((mbOf(main.bytes) / one.seconds) / rawRate)}× raw cut (target ≥ 0.8)`);
line('tifa freq, 2 workers', `${fmt(mbOf(main.bytes) / two.seconds)} MB/s = ${fmt((mbOf(main.bytes) / two.seconds) / rawRate)}× raw cut (target ≥ 1.5)`);

const cacheDir = join(work, 'cache');
const cold = runTifa(['freq', main.dir, '--top', '10', '--format', 'tsv'], { TIFA_CACHE_DIR: cacheDir });
const warm = runTifa(['freq', main.dir, '--top', '10', '--format', 'tsv'], { TIFA_CACHE_DIR: cacheDir });
const warmOther = runTifa(['freq', main.dir, '--top', '10', '--format', 'tsv', '--stopwords', 'zh'], { TIFA_CACHE_DIR: cacheDir });
line('token cache: first run / unchanged second run', `${fmt(cold.seconds)} s / ${fmt(warm.seconds)} s = ${fmt(cold.seconds / warm.seconds, 1)}× (target ≥ 5)`);
line('token cache: second run with another request (stopwords)', `${fmt(warmOther.seconds)} s = ${fmt(cold.seconds / warmOther.seconds, 1)}× faster than the first`);

const python = pythonJiebaSeconds(main.dir);
line('Python jieba + collections.Counter', python === undefined ? 'skipped (python3-jieba not installed)' : `${fmt(mbOf(main.bytes) / python)} MB/s; tifa freq (2 workers) is ${fmt(python / two.seconds, 1)}× faster`);

const small = scaledCorpus(sizes[0]);
const cooc = runTifa(['cooc', small.dir, '--top', '1000', '--min', '2', '--format', 'tsv']);
line(`tifa cooc --top 1000 --min 2 (sentences), ${fmt(mbOf(small.bytes), 1)} MB`, `${fmt(mbOf(small.bytes) / cooc.seconds)} MB/s, ${fmt(cooc.rssMb, 0)} MB RSS`);
try {
  const slogans = runTifa(['slogans', small.dir, '--format', 'tsv']);
  line(`tifa slogans, ${fmt(mbOf(small.bytes), 1)} MB`, `${fmt(mbOf(small.bytes) / slogans.seconds)} MB/s, ${fmt(slogans.rssMb, 0)} MB RSS`);
} catch (err) {
  line('tifa slogans', `failed: ${err.message.split('\n')[0]}`);
}

const startup = runTifa(['freq', '--top', '1', '--format', 'tsv'], { TIFA_CACHE_DIR: join(work, 'startup-cache') });
line('start-up to output, bundled corpus, freq --top 1 (cold)', `${fmt(startup.seconds)} s (target < 0.5)`);

console.log('\npeak RSS of tifa freq (2 workers, no cache) against corpus size:');
for (const size of sizes) {
  const corpus = size === mainSize ? main : scaledCorpus(size);
  const run = runTifa(['freq', corpus.dir, '--jobs', '2', ...noCache]);
  line(`  ${fmt(mbOf(corpus.bytes), 1)} MB`, `${fmt(run.rssMb, 0)} MB RSS, ${fmt(mbOf(corpus.bytes) / run.seconds)} MB/s`);
}
