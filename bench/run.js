// tifa benchmark: builds scaled corpora in a temporary folder and prints throughput ratios, cache speed-up,
// start-up time and peak RSS, all measured in this one run (these machines are noisy: compare ratios, not
// seconds across runs). The raw cut and the freq runs alternate --rounds times and the best of each is
// compared, so that a burst of load on the machine hits both sides alike; CPU seconds (user + system, all
// threads) are printed beside wall time, since they do not depend on what else runs. bench/freqParts.js
// splits freq's time besides the cut into its parts.
// Usage: npm run bench [-- --sizes 4,16,64 --main 20 --rounds 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { MB, option, root, scaledCorpus as corpusIn, source, sourceFiles } from './benchCorpus.js';

const bin = join(root, 'bin', 'tifa.js');
const sizes = option('sizes', '4,16,64').split(',').map(Number);
const mainSize = Number(option('main', '20'));
const rounds = Number(option('rounds', '3'));

const work = mkdtempSync(join(tmpdir(), 'tifa-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const scaledCorpus = (mb) => corpusIn(work, mb);

const hasTime = existsSync('/usr/bin/time');

/**
 * Runs tifa (with a token cache of the bench's own unless env names one); returns wall seconds, and CPU
 * seconds and peak RSS in MB from GNU time when it is installed.
 */
function runTifa(tifaArgs, env = {}) {
  const command = hasTime ? ['/usr/bin/time', '-f', '%M %U %S', process.execPath, bin, ...tifaArgs] : [process.execPath, bin, ...tifaArgs];
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), {
    env: { ...process.env, NO_COLOR: '1', TIFA_CACHE_DIR: join(work, 'cache-other'), ...env },
    encoding: 'utf8',
    maxBuffer: 256 * MB,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`tifa ${tifaArgs.join(' ')} failed: ${result.stderr}`);
  const [rssKb, user, system] = hasTime ? result.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, cpu: user + system, rssMb: rssKb / 1024 };
}

const jieba = Jieba.withDict(dict);

/** The .txt files below a folder (all a scaled corpus holds). */
const filesOf = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f));

/** The raw cut of every file of a folder in this thread (dictionary loaded before): wall and CPU seconds. */
function rawCut(dir) {
  const files = filesOf(dir);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const file of files) jieba.cut(readFileSync(file, 'utf8'), true);
  const used = process.cpuUsage(cpu);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

/**
 * The raw cut of a folder's files on two threads at once (files dealt alternately, dictionaries loaded before):
 * what two cores can do at best, as a share of one, with this machine's shared caches and clocks.
 */
async function rawCutTwoThreads(dir) {
  const files = filesOf(dir);
  const workers = [0, 1].map((half) => new Worker(new URL('./rawCutWorker.js', import.meta.url), { workerData: files.filter((_, i) => i % 2 === half) }));
  const next = (worker) => new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
  await Promise.all(workers.map(next));
  const start = process.hrtime.bigint();
  await Promise.all(workers.map((worker) => (worker.postMessage('go'), next(worker))));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return { seconds, cpu: NaN };
}

/** The run with the least wall time and the least CPU time of several. */
function best(runs) {
  return { seconds: Math.min(...runs.map((r) => r.seconds)), cpu: Math.min(...runs.map((r) => r.cpu)) };
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

console.log(`tifa bench — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`source: ${source} (${sourceFiles.length} files)\n`);

const main = scaledCorpus(mainSize);
const mbOf = (bytes) => bytes / MB;
line(`corpus`, `${fmt(mbOf(main.bytes), 1)} MB`);

const noCache = ['--no-cache', '--top', '10', '--format', 'tsv'];
// Two states of the cache for freq on text it has not seen: --no-cache (nothing read or written: the segmenter
// vocabulary is built in the run, as on a first run ever), and the cache on with the vocabulary in it from an
// earlier run (a user's next corpus) while the text is new, so its tokens are cut and written. The text is new
// to the cache in every round because the token key holds each file's path: each run reads the corpus through
// a link of its own name.
const warmCache = { TIFA_CACHE_DIR: join(work, 'cache-vocabulary') };
runTifa(['freq', '--top', '1', '--format', 'tsv'], warmCache);
let links = 0;
const freshPath = () => {
  const link = join(work, `corpus-link-${links++}`);
  symlinkSync(main.dir, link, 'dir');
  return link;
};
const cached = ['--top', '10', '--format', 'tsv'];
const runs = { raw: [], rawTwo: [], one: [], two: [], oneWarm: [], twoWarm: [] };
for (let round = 0; round < rounds; round++) {
  runs.raw.push(rawCut(main.dir));
  runs.rawTwo.push(await rawCutTwoThreads(main.dir));
  runs.one.push(runTifa(['freq', main.dir, '--jobs', '1', ...noCache]));
  runs.two.push(runTifa(['freq', main.dir, '--jobs', '2', ...noCache]));
  runs.oneWarm.push(runTifa(['freq', freshPath(), '--jobs', '1', ...cached], warmCache));
  runs.twoWarm.push(runTifa(['freq', freshPath(), '--jobs', '2', ...cached], warmCache));
}
const [raw, one, two, oneWarm, twoWarm] = [runs.raw, runs.one, runs.two, runs.oneWarm, runs.twoWarm].map(best);
const rawRate = mbOf(main.bytes) / raw.seconds;
const versusRaw = (run) => `${fmt(mbOf(main.bytes) / run.seconds)} MB/s = ${fmt(raw.seconds / run.seconds)}× raw cut; CPU ${fmt(run.cpu / raw.cpu)}× the raw cut's`;
line(`raw @node-rs/jieba cut, one thread (best of ${rounds})`, `${fmt(rawRate)} MB/s, ${fmt(raw.cpu)} CPU s`);
const rawTwo = best(runs.rawTwo);
line('raw cut, two threads at once (the two cores\' ceiling)', `${fmt(mbOf(main.bytes) / rawTwo.seconds)} MB/s = ${fmt(raw.seconds / rawTwo.seconds)}× one thread`);
line('tifa freq --jobs 1 --no-cache (this thread + one cut thread)', `${versusRaw(one)} (target ≥ 0.8)`);
line('tifa freq --jobs 2 --no-cache (two worker threads)', `${versusRaw(two)} (target ≥ 1.3)`);
line('tifa freq --jobs 1, vocabulary cached, new text', `${versusRaw(oneWarm)} (target ≥ 0.8)`);
line('tifa freq --jobs 2, vocabulary cached, new text', `${versusRaw(twoWarm)} (target ≥ 1.3)`);

const cacheDir = join(work, 'cache');
const cold = runTifa(['freq', main.dir, '--top', '10', '--format', 'tsv'], { TIFA_CACHE_DIR: cacheDir });
const warm = runTifa(['freq', main.dir, '--top', '10', '--format', 'tsv'], { TIFA_CACHE_DIR: cacheDir });
const warmOther = runTifa(['freq', main.dir, '--top', '10', '--format', 'tsv', '--stopwords', 'zh'], { TIFA_CACHE_DIR: cacheDir });
line('token cache: first run / unchanged second run', `${fmt(cold.seconds)} s / ${fmt(warm.seconds)} s = ${fmt(cold.seconds / warm.seconds, 1)}× (target ≥ 5)`);
line('token cache: second run with another request (stopwords)', `${fmt(warmOther.seconds)} s = ${fmt(cold.seconds / warmOther.seconds, 1)}× faster than the first`);

const python = pythonJiebaSeconds(main.dir);
line('Python jieba + collections.Counter', python === undefined ? 'skipped (python3-jieba not installed)' : `${fmt(mbOf(main.bytes) / python)} MB/s; tifa freq --jobs 2 is ${fmt(python / two.seconds, 1)}× faster`);

const small = scaledCorpus(sizes[0]);
// cooc and slogans read through the token cache too: a first run, then a second on the unchanged corpus.
const coocCache = { TIFA_CACHE_DIR: join(work, 'cache-cooc') };
for (const [name, args] of [
  ['cooc --top 1000 --min 2 (sentences)', ['cooc', small.dir, '--top', '1000', '--min', '2', '--format', 'tsv']],
  ['slogans', ['slogans', small.dir, '--format', 'tsv']],
]) {
  try {
    const [first, second] = [runTifa(args, coocCache), runTifa(args, coocCache)];
    const rate = (run) => `${fmt(mbOf(small.bytes) / run.seconds)} MB/s, ${fmt(run.rssMb, 0)} MB RSS`;
    line(`tifa ${name}, ${fmt(mbOf(small.bytes), 1)} MB`, `${rate(first)}; cached: ${rate(second)}`);
  } catch (err) {
    line(`tifa ${name}`, `failed: ${err.message.split('\n')[0]}`);
  }
}

// Cold: an empty cache, so the dictionary is built and the corpus cut; warm: the same command again.
const startupArgs = ['freq', '--top', '1', '--format', 'tsv'];
const startups = Array.from({ length: rounds }, (_, round) => {
  const env = { TIFA_CACHE_DIR: join(work, `startup-cache-${round}`) };
  return { cold: runTifa(startupArgs, env), warm: runTifa(startupArgs, env) };
});
const coldStart = best(startups.map((s) => s.cold));
const warmStart = best(startups.map((s) => s.warm));
line(`start-up to output, bundled corpus, freq (best of ${rounds})`, `${fmt(coldStart.seconds)} s cold, ${fmt(warmStart.seconds)} s from the cache (target < 0.5)`);

console.log('\npeak RSS of tifa freq (2 workers, no cache) against corpus size:');
for (const size of sizes) {
  const corpus = size === mainSize ? main : scaledCorpus(size);
  const run = runTifa(['freq', corpus.dir, '--jobs', '2', ...noCache]);
  line(`  ${fmt(mbOf(corpus.bytes), 1)} MB`, `${fmt(run.rssMb, 0)} MB RSS, ${fmt(mbOf(corpus.bytes) / run.seconds)} MB/s`);
}

// One long line: a file without line breaks (a scraped page, a database dump) must not cost more memory.
const oneLine = join(work, 'one-line');
mkdirSync(oneLine);
const lineText = filesOf(main.dir)
  .map((file) => readFileSync(file, 'utf8').replace(/\s+/g, ''))
  .join('');
writeFileSync(join(oneLine, 'one-line.txt'), lineText);
const lineRun = runTifa(['freq', oneLine, ...noCache]);
line(`  one file of one line, ${fmt(mbOf(Buffer.byteLength(lineText)), 1)} MB`, `${fmt(lineRun.rssMb, 0)} MB RSS, ${fmt(mbOf(Buffer.byteLength(lineText)) / lineRun.seconds)} MB/s`);
