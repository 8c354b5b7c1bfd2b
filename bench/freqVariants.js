// Builds of tifa side by side: `tifa freq --no-cache` at --jobs 1 and 2 of each build (a folder holding bin/ and
// a built dist/: a worktree, or `git archive` of a commit, built) on one corpus, alternating with the raw
// one-thread @node-rs/jieba cut --rounds times; prints each run's ratio to the raw cut (wall and CPU, best of the
// rounds) and a hash of its output, which must be the same for all. What bench/run.js measures of one build,
// for candidates measured in one run.
// Usage: node bench/freqVariants.js [--main 20 --rounds 3] label=folder [label=folder …]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { MB, option, scaledCorpus } from './benchCorpus.js';

const mainSize = Number(option('main', '20'));
const rounds = Number(option('rounds', '3'));
const builds = process.argv.slice(2).filter((a) => a.includes('=')).map((a) => a.split('='));
// A build made with tsc alone has no dist/prebuilt: each of its runs builds the dictionaries (0.27-0.46x the raw cut's CPU
// on 20 MB, one run at load 9), which is then measured as freq. `npm run build` makes them.
for (const [label, folder] of builds) if (!existsSync(join(folder, 'dist', 'prebuilt'))) console.log(`${label}: no dist/prebuilt (npm run build): its runs build the dictionaries`);
const work = mkdtempSync(join(tmpdir(), 'tifa-bench-variants-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const corpus = scaledCorpus(work, mainSize);
const files = readdirSync(corpus.dir, { recursive: true }).filter((f) => f.endsWith('.txt')).map((f) => join(corpus.dir, f));
const jieba = Jieba.withDict(dict);
const hasTime = existsSync('/usr/bin/time');

function raw() {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const file of files) jieba.cut(readFileSync(file, 'utf8'), true);
  const used = process.cpuUsage(cpu);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

function freq(folder, jobs) {
  const args = [join(folder, 'bin', 'tifa.js'), 'freq', corpus.dir, '--jobs', String(jobs), '--no-cache', '--top', '10', '--format', 'tsv'];
  const command = hasTime ? ['/usr/bin/time', '-f', '%U %S', process.execPath, ...args] : [process.execPath, ...args];
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', maxBuffer: 64 * MB, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${folder}: ${result.stderr}`);
  const [user, system] = hasTime ? result.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN];
  return { seconds, cpu: user + system, output: createHash('sha1').update(result.stdout).digest('hex').slice(0, 12) };
}

const best = new Map();
const keep = (name, run) => {
  const b = best.get(name) ?? { seconds: Infinity, cpu: Infinity };
  best.set(name, { seconds: Math.min(b.seconds, run.seconds), cpu: Math.min(b.cpu, run.cpu), output: run.output });
};
for (let round = 0; round < rounds; round++) {
  keep('raw', raw());
  for (const jobs of [1, 2]) for (const [label, folder] of builds) keep(`${label} --jobs ${jobs}`, freq(folder, jobs));
}
const base = best.get('raw');
console.log(`${(corpus.bytes / MB).toFixed(1)} MB, best of ${rounds}; raw cut ${(corpus.bytes / MB / base.seconds).toFixed(2)} MB/s`);
for (const [name, run] of best) {
  if (name === 'raw') continue;
  console.log(`${name.padEnd(28)} ${(base.seconds / run.seconds).toFixed(2)}× raw cut; CPU ${(run.cpu / base.cpu).toFixed(2)}× the raw cut's; output ${run.output}`);
}
