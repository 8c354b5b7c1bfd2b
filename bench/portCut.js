// The port of jieba-rs's cut (wasm/portCut.ts, run by src/segment/portCut.ts) against the raw @node-rs/jieba cut of the same
// text, in one process (ratios: these machines are noisy): its speed cutting and counting, and whether its words
// are the same. Needs dist/ (npm run build). Usage: node bench/portCut.js [--main 20 --rounds 3]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { segmenterVocabulary } from '../dist/segment/createSegmenter.js';
import { jiebaDictionary } from '../dist/segment/nodeRsJieba.js';
import { sentenceChunks } from '../dist/segment/sentenceChunks.js';
import { buildPortDictionary } from '../dist/segment/portDictionary.js';
import { PortCutter, portFromImage, portImage } from '../dist/segment/portCut.js';
import { parseHmmModel } from '../dist/segment/portHmm.js';
import { PortSegmenter, portDictionary } from '../dist/segment/portWords.js';
import { PhraseJoin } from '../dist/segment/compound.js';
import { StretchCounter } from '../dist/analysis/stretchCounter.js';
import { DocumentCounter } from '../dist/analysis/termCounts.js';
import { option, sourceTexts } from './benchCorpus.js';

const mainMb = Number(option('main', '20'));
const rounds = Number(option('rounds', '3'));
const { texts, bytes } = sourceTexts(mainMb);
const chunks = texts.flatMap((text) => {
  const bounds = sentenceChunks(text);
  return bounds.slice(1).map((end, k) => text.slice(bounds[k], end));
});
const mb = bytes / 1024 / 1024;

let cpuOfLast = 0;
const time = (work) => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  work();
  const used = process.cpuUsage(cpu);
  cpuOfLast = (used.user + used.system) / 1000;
  return performance.now() - start;
};
const vocabulary = segmenterVocabulary();
let jieba;
const rawLoad = time(() => {
  jieba = Jieba.withDict(jiebaDictionary());
  jieba.loadDict(Buffer.from(vocabulary.dictText));
});
let dict;
const portLoad = time(() => (dict = buildPortDictionary([jiebaDictionary().toString('utf8'), vocabulary.dictText])));
const model = parseHmmModel(readFileSync(createRequire(import.meta.url).resolve('nodejieba/submodules/cppjieba/dict/hmm_model.utf8'), 'utf8'));
const cutter = new PortCutter(portFromImage(portImage(dict, model).memory).port);

// Counting as freq would: dictionary words by trie node, the rest by their text.
let byNode = new Float64Array(dict.weight.length);
let others = new Map();
const countPort = () => {
  byNode = new Float64Array(dict.weight.length);
  others = new Map();
  for (const chunk of chunks) {
    const { ends, nodes } = cutter.cut(chunk);
    for (let k = 0, start = 0; k < ends.length; start = ends[k++]) {
      if (nodes[k] >= 0) byNode[nodes[k]]++;
      else {
        const word = chunk.slice(start, ends[k]);
        others.set(word, (others.get(word) ?? 0) + 1);
      }
    }
  }
};
// freq's path: the words' ends, tifa's phrase join, counting where the words stand (StretchCounter).
const portWords = new PortSegmenter(portDictionary(jiebaDictionary(), vocabulary.dictText));
const join_ = new PhraseJoin(vocabulary.dictionaryPhrases);
const stretchCount = (cutOf) => () => {
  const stretches = new StretchCounter(new DocumentCounter(), () => true);
  for (const chunk of chunks) {
    const joined = join_.apply(chunk, cutOf(chunk));
    // The port's words come with their dictionary nodes (Words.nodes), the raw cut's without.
    stretches.add(chunk, 0, joined.ends, joined.nodes);
  }
};
const countRaw = () => {
  const counts = new Map();
  for (const chunk of chunks) for (const word of jieba.cut(chunk, true)) counts.set(word, (counts.get(word) ?? 0) + 1);
};

// Identity: the port's words, made into strings here, against the raw cut's, chunk by chunk.
let differ = 0;
let tokens = 0;
let firstDiff;
for (const chunk of chunks.slice(0, chunks.length)) {
  const { ends } = cutter.cut(chunk);
  const words = Array.from(ends, (end, k) => chunk.slice(k ? ends[k - 1] : 0, end));
  const raw = jieba.cut(chunk, true);
  tokens += raw.length;
  if (words.length !== raw.length || words.some((w, i) => w !== raw[i])) {
    differ++;
    if (!firstDiff) {
      let i = 0;
      while (words[i] === raw[i]) i++;
      firstDiff = { port: words.slice(Math.max(0, i - 3), i + 5), raw: raw.slice(Math.max(0, i - 3), i + 5) };
    }
  }
}

// Wall time and CPU time of this thread's work (all of it is on this thread): on a loaded machine the CPU
// time is the steadier of the two.
const best = new Map();
const bestCpu = new Map();
const keep = (name, ms) => {
  best.set(name, Math.min(best.get(name) ?? Infinity, ms));
  bestCpu.set(name, Math.min(bestCpu.get(name) ?? Infinity, cpuOfLast));
};
for (let round = 0; round < rounds; round++) {
  keep('raw cut (strings)', time(() => chunks.forEach((chunk) => jieba.cut(chunk, true))));
  keep('raw cut + count by string', time(countRaw));
  keep('port cut + count by trie node', time(countPort));
  keep('raw cut + join + StretchCounter', time(stretchCount((chunk) => ({ words: jieba.cut(chunk, true) }))));
  keep('port ends + join + StretchCounter', time(stretchCount((chunk) => portWords.words(chunk))));
  keep('port ends only', time(() => chunks.forEach((chunk) => portWords.words(chunk))));
  keep('port ends + join', time(() => chunks.forEach((chunk) => join_.apply(chunk, portWords.words(chunk)))));
}
const raw = best.get('raw cut (strings)');
const rawCpu = bestCpu.get('raw cut (strings)');
console.log(`${mb.toFixed(1)} MB in ${chunks.length} chunks, best of ${rounds}; load: raw ${rawLoad.toFixed(0)} ms, port ${portLoad.toFixed(0)} ms`);
for (const [name, ms] of best) {
  const cpu = bestCpu.get(name);
  console.log(`${name.padEnd(40)} ${(mb / (ms / 1000)).toFixed(1).padStart(6)} MB/s  ${(raw / ms).toFixed(2)}x raw; by CPU time ${(rawCpu / cpu).toFixed(2)}x (${cpu.toFixed(0)} ms)`);
}
console.log(`identity on ${chunks.length} chunks (${tokens} tokens): ${differ} chunks differ`);
if (firstDiff) console.log('first difference', JSON.stringify(firstDiff));
