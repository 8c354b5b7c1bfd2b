// SIGHAN 2005 PKU test set: word-span precision, recall and F1 of tifa's segmentation with its full dictionary
// (bundled terms + lexicon forms) beside plain @node-rs/jieba and, when Debian's python3-jieba is installed,
// reference Python jieba measured in the same run. The data is read from ../shared/eval/sighan-pku/ (research use,
// never copied into the project). Usage: npm run build && node bench/pku.mjs [--segmenter nodejieba]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { createSegmenter } from 'tifa';
import { foldWidth } from '../dist/segment/widthFold.js';
import { joinMarkRuns } from '../dist/segment/markRuns.js';
import { wordEnds } from '../dist/segment/offsets.js';

const PKU = fileURLToPath(new URL('../../shared/eval/sighan-pku/', import.meta.url));
if (!existsSync(PKU)) {
  console.error('bench/pku.mjs: ../shared/eval/sighan-pku/ is not here');
  process.exit(2);
}
const backend = process.argv.includes('--segmenter') ? process.argv[process.argv.indexOf('--segmenter') + 1] : 'node-rs';
const lines = readFileSync(join(PKU, 'pku_test.utf8'), 'utf8').split('\n');
const gold = readFileSync(join(PKU, 'pku_test_gold.utf8'), 'utf8').split('\n');
const training = new Set(readFileSync(join(PKU, 'pku_training_words.utf8'), 'utf8').split(/\s+/).filter(Boolean));

/** ＋ and + are the same character for scoring (the corpus normaliser folds them). */
const fold = (w) => w.replace(/＋/g, '+');
function spans(words) {
  const out = new Set();
  let at = 0;
  for (const w of words) {
    const len = [...w].length;
    out.add(`${at}:${at + len}`);
    at += len;
  }
  return out;
}
/** P, R, F1 and OOV recall of segmented lines against the gold lines. */
function score(segmented) {
  let correct = 0, predicted = 0, reference = 0, oov = 0, oovFound = 0;
  segmented.forEach((words, i) => {
    const g = (gold[i] ?? '').split(/\s+/).filter(Boolean).map(fold);
    const p = words.map(fold).filter((w) => w.trim() !== '');
    const gs = spans(g), ps = spans(p);
    for (const s of ps) if (gs.has(s)) correct++;
    predicted += ps.size;
    reference += gs.size;
    let at = 0;
    for (const w of g) {
      const len = [...w].length;
      if (!training.has(w)) {
        oov++;
        if (ps.has(`${at}:${at + len}`)) oovFound++;
      }
      at += len;
    }
  });
  const P = correct / predicted, R = correct / reference;
  return { P, R, F1: (2 * P * R) / (P + R), oovR: oovFound / oov };
}
const fmt = (name, s) => `${name.padEnd(58)} P ${s.P.toFixed(4)}  R ${s.R.toFixed(4)}  F1 ${s.F1.toFixed(4)}  OOV-R ${s.oovR.toFixed(4)}`;
const input = lines.slice(0, gold.length);

const plain = Jieba.withDict(dict);
console.log(fmt('@node-rs/jieba, its own dictionary only', score(input.map((l) => plain.cut(l, true)))));
// The same jieba with tifa's two rules of the text, which hold whatever the dictionary: full-width digits and
// letters cut as ASCII (src/segment/widthFold.ts), then a run of dashes or ellipses one mark (markRuns.ts). The
// reference for tifa's lines below: what the dictionary costs, on equal footing.
const folded = input.map((l) => plain.cut(foldWidth(l), true));
console.log(fmt('@node-rs/jieba, its own dictionary, full-width folded', score(folded)));
const ruled = input.map((l, i) => joinMarkRuns(l, { words: folded[i], ends: wordEnds(l, folded[i]) }).words);
console.log(fmt('  … and runs of dashes, ellipses one mark', score(ruled)));
// --no-compound: tifa's full dictionary loaded and nothing joined. Equal to the line above when the dictionary
// adds without moving.
const none = createSegmenter({ backend, compound: false });
console.log(fmt(`tifa ${backend}, --no-compound (full dictionary, no join)`, score(input.map((l) => none.words(l).words))));
// tifa's default tokens: jieba's words with every bundled term and lexicon form loaded, the dictionary's names
// joined (两个确立, 中国特色社会主义) and its clause-like formulations left as words (createSegmenter).
const tifa = createSegmenter({ backend });
console.log(fmt(`tifa ${backend}, default (full dictionary)`, score(input.map((l) => tifa.words(l).words))));
// --compound: the same cut, then every lexicon form and term that jieba cuts into words joined into one token
// (中国特色社会主义, which the PKU standard cuts into three words): what the join costs on a word standard.
const compound = createSegmenter({ backend, compound: true });
console.log(fmt(`tifa ${backend}, --compound (dictionary + phrase join)`, score(input.map((l) => compound.words(l).words))));

// Debian installs python3-jieba for /usr/bin/python3, which may not be the first python3 on PATH.
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import jieba']).status === 0);
if (python) {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-pku-'));
  const script = join(dir, 'cut.py');
  writeFileSync(script, 'import sys, jieba\njieba.setLogLevel(60)\nfor line in open(sys.argv[1], encoding="utf8").read().split("\\n"):\n    print("\\u0001".join(jieba.cut(line, HMM=True)))\n');
  const run = spawnSync(python, [script, join(PKU, 'pku_test.utf8')], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = run.stdout.split('\n').slice(0, input.length).map((l) => l.split('\u0001'));
  console.log(fmt('Python jieba (python3-jieba, default dict)', score(out)));
} else {
  console.log('Python jieba: not installed (apt-get install python3-jieba); reference on this machine: F1 0.8183');
}
