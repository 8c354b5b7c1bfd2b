// Recall and top-40 precision of `tifa slogans` on the hand-made development list of issue 16
// (tests/fixtures/formulations-dev/list.tsv, written before tifa ran on those texts).
// Usage: node bench/formulationsDev.mjs [extra tifa slogans options…]
//   recall: listed (text, formulation) pairs that the text's `tifa slogans` output has as a row;
//   top-40 precision: of each text's first 40 rows, those on the list or judged a formulation in verdicts.tsv.
// Rows on neither are printed as unjudged (counted as wrong) so that a person can judge them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEV = `${ROOT}tests/fixtures/formulations-dev/`;
const REPORTS = fileURLToPath(new URL('../../shared/corpora/gov-work-reports/', import.meta.url));
const TOP = 40;

const rows = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));
/** The same formulation written with or without enumeration commas, quotes or spaces. */
const norm = (s) => s.replace(/[、，,“”"'‘’\s·]/g, '').replace(/＋/g, '+');

const listed = new Map();
for (const [text, form] of rows(`${DEV}list.tsv`)) {
  if (!listed.has(text)) listed.set(text, new Set());
  listed.get(text).add(norm(form));
}
const verdicts = new Map(rows(`${DEV}verdicts.tsv`).map(([term, verdict]) => [norm(term), verdict === 'yes']));

let found = 0, total = 0, good = 0, judged = 0;
const unjudged = new Set();
const missed = [];
for (const [text, forms] of listed) {
  const run = spawnSync(process.execPath, [`${ROOT}bin/tifa.js`, 'slogans', `${REPORTS}${text}.txt`, '--format', 'tsv', ...process.argv.slice(2)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(run.stderr);
  const out = run.stdout.trim().split('\n').slice(1).map((l) => l.split('\t'));
  const terms = new Set(out.map((r) => norm(r[0])));
  for (const f of forms) {
    total++;
    if (terms.has(f)) found++;
    else missed.push(`${text}:${f}`);
  }
  let textGood = 0;
  const top = out.slice(0, TOP);
  for (const r of top) {
    const t = norm(r[0]);
    const ok = forms.has(t) || verdicts.get(t) === true;
    if (!forms.has(t) && !verdicts.has(t)) unjudged.add(r[0]);
    if (ok) textGood++;
  }
  good += textGood;
  judged += top.length;
  console.log(`${text}\trecall ${[...forms].filter((f) => terms.has(f)).length}/${forms.size}\ttop-${TOP} precision ${textGood}/${top.length}`);
}
console.log(`ALL\trecall ${found}/${total} = ${(found / total).toFixed(3)}\ttop-${TOP} precision ${good}/${judged} = ${(good / judged).toFixed(3)}`);
if (process.env.SHOW_MISSED) console.log(`missed: ${missed.join(' ')}`);
if (unjudged.size > 0) console.log(`unjudged (counted wrong): ${[...unjudged].join(' ')}`);
