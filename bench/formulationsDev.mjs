// Recall and top-40 precision of `tifa slogans` on the hand-made development list of issue 16
// (tests/fixtures/formulations-dev/list.tsv, written before tifa ran on those texts); scoring in formulationsScore.mjs.
// Usage: node bench/formulationsDev.mjs [extra tifa slogans options…]   (SHOW_MISSED=1 lists the misses)
import { fileURLToPath } from 'node:url';
import { score } from './formulationsScore.mjs';

const DEV = fileURLToPath(new URL('../tests/fixtures/formulations-dev/', import.meta.url));
const REPORTS = fileURLToPath(new URL('../../shared/corpora/gov-work-reports/', import.meta.url));
score(`${DEV}list.tsv`, `${DEV}verdicts.tsv`, (text) => `${REPORTS}${text}.txt`, process.argv.slice(2));
