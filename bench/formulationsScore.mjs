// Recall and top-40 precision of `tifa slogans` against a hand-made formulation list (shared by
// formulationsDev.mjs and formulationsHeldout.mjs, so both sets are scored by one rule):
//   recall: listed (text, formulation) pairs that the text's `tifa slogans` output has as a row, by its term or one of
//     its variants (the written forms counted under that term: 国防和军队现代化 listed, counted as a variant of its entry);
//   top-40 precision: of each text's first 40 rows, those on the list (term or variant) or judged a formulation in the
//     verdicts file.
// Rows on neither are printed as unjudged (counted as wrong) so that a person can judge them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOP = 40;

const rows = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));
/** The same formulation written with or without enumeration commas, quotes or spaces. */
const norm = (s) => s.replace(/[、，,“”"'‘’\s·]/g, '').replace(/＋/g, '+');

/** listFile, verdictFile: TSV fixtures; candidatesFile: the fixture's hand list of every formulation of each text
 *  (`text<TAB>form`, written before the tool ran), which judges a top-40 row as the list does when the scored list holds
 *  only the recurring ones (a law's formulation stated once is still a formulation, not an unjudged row); pathOf(text) → the file tifa reads; tifaArgs: extra `tifa slogans` options;
 *  texts: names scored for top-40 precision even when the list has no row for them (a page with no recurring formulation
 *  still shows what the tool wrongly offers on it). */
export function score(listFile, verdictFile, pathOf, tifaArgs, texts = [], candidatesFile) {
  const listed = new Map(texts.map((text) => [text, new Set()]));
  for (const [text, form] of rows(listFile)) {
    if (!listed.has(text)) listed.set(text, new Set());
    listed.get(text).add(norm(form));
  }
  const handPairs = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')).filter((r) => r.length >= 2 && r[0] !== 'text');
  const candidates = new Set(candidatesFile && existsSync(candidatesFile) ? handPairs(candidatesFile).map(([text, form]) => `${text}\t${norm(form)}`) : []);
  // A new list has no verdicts until a person has seen the tool's extra finds: every extra is then unjudged.
  const verdicts = new Map(existsSync(verdictFile) ? rows(verdictFile).map(([term, verdict]) => [norm(term), verdict === 'yes']) : []);
  let found = 0, total = 0, good = 0, judged = 0;
  const unjudged = new Set();
  const missed = [];
  for (const [text, forms] of listed) {
    const run = spawnSync(process.execPath, [`${ROOT}bin/tifa.js`, 'slogans', pathOf(text), '--format', 'tsv', ...tifaArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(run.stderr);
    const [header, ...lines] = run.stdout.trim().split('\n');
    const out = lines.map((l) => l.split('\t'));
    const variants = header.split('\t').indexOf('variants');
    // A listed form is found when a row counts it: as the row's term or as one of the row's written variants.
    const formsOf = (r) => [r[0], ...(r[variants] ? r[variants].split('|') : [])].map(norm);
    const terms = new Set(out.flatMap(formsOf));
    for (const f of forms) {
      total++;
      if (terms.has(f)) found++;
      else missed.push(`${text}:${f}`);
    }
    let textGood = 0;
    const top = out.slice(0, TOP);
    for (const r of top) {
      const t = norm(r[0]);
      const listedRow = formsOf(r).some((f) => forms.has(f) || candidates.has(`${text}\t${f}`));
      if (!listedRow && !verdicts.has(t)) unjudged.add(r[0]);
      if (listedRow || verdicts.get(t) === true) textGood++;
    }
    good += textGood;
    judged += top.length;
    const recall = forms.size > 0 ? `recall ${[...forms].filter((f) => terms.has(f)).length}/${forms.size}` : 'nothing listed';
    console.log(`${text}\t${recall}\ttop-${TOP} precision ${textGood}/${top.length}`);
  }
  console.log(`ALL\trecall ${found}/${total} = ${(found / total).toFixed(3)}\ttop-${TOP} precision ${good}/${judged} = ${(good / judged).toFixed(3)}`);
  if (process.env.SHOW_MISSED) console.log(`missed: ${missed.join(' ')}`);
  if (unjudged.size > 0) console.log(`unjudged (counted wrong): ${[...unjudged].join(' ')}`);
}
