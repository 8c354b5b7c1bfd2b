// Co-occurrence over the whole vocabulary: every word type of the government work reports is a term
// (`tifa cooc --top <all> --min 2 --unit sentence`). Prints the time of segmentation alone, of the full
// count (which segments again), their ratio, how many pairs were counted, and peak RSS.
// Run after `npx tsc -p tsconfig.json`: node bench/cooc.mjs [folder]
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countCooccurrence, cooccurrenceTable, readCorpus, createSegmenter } from 'tifa';

const folder = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpora/gov-work-reports', import.meta.url));
if (!existsSync(folder)) {
  console.log(`cooc bench skipped: ${folder} not found`);
  process.exit(0);
}
// The reports only: SOURCES.md describes them and is no report.
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().map((f) => join(folder, f));
const docs = [...readCorpus(files)];
const segmenter = createSegmenter();

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

let start = process.hrtime.bigint();
let words = 0;
for (const doc of docs) words += segmenter.cut(doc.text).length;
const segmentTime = seconds(start);

start = process.hrtime.bigint();
const counts = countCooccurrence(docs, segmenter, {
  unit: { kind: 'sentence', window: 5 },
  terms: { kind: 'words' },
  min: 2,
});
const countTime = seconds(start);

// Counted before the table: a table past its memory budget spills to runs, read once.
let pairs = 0;
for (const table of counts.pairs) if (!table.spilled) table.forEach(() => pairs++);

start = process.hrtime.bigint();
const table = cooccurrenceTable(counts);
const tableTime = seconds(start);
const units = counts.units.reduce((a, b) => a + b, 0);
const active = counts.unitFreq[0].filter((n) => n >= 2).length;
const mib = (kib) => (kib / 1024).toFixed(0);

console.log(`corpus:        ${docs.length} documents, ${words} tokens (with punctuation), ${counts.tokens[0]} words, ${units} sentences`);
console.log(`terms:         ${counts.terms.length} word types (all), ${active} in ≥ 2 sentences (the rest cannot reach --min 2)`);
console.log(`segmentation:  ${segmentTime.toFixed(2)} s`);
console.log(`count:         ${countTime.toFixed(2)} s (segmentation + units + pairs), ${(countTime / segmentTime).toFixed(2)}× segmentation alone`);
console.log(`table:         ${tableTime.toFixed(2)} s for ${table.rows.length} rows with both ≥ 2 (all five measures)`);
console.log(`pairs counted: ${counts.pairs.some((t) => t.spilled) ? 'spilled to runs' : `${pairs} distinct pairs in the sparse table`}`);
console.log(`peak RSS:      ${mib(process.resourceUsage().maxRSS)} MiB`);
