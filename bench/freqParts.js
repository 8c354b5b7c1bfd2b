// Where freq's time goes besides the cut, and the candidates of issue 20 item 4, measured in one process against
// the raw cut of the same text (ratios: these machines are noisy). Needs dist/ (npm run build).
// Usage: node bench/freqParts.js [--main 20 --rounds 3]
import { Jieba } from '@node-rs/jieba';
import { countedItems } from '../dist/analysis/countCorpus.js';
import { StretchCounter } from '../dist/analysis/stretchCounter.js';
import { DocumentCounter } from '../dist/analysis/termCounts.js';
import { PhraseJoin } from '../dist/segment/compound.js';
import { segmenterVocabulary } from '../dist/segment/createSegmenter.js';
import { jiebaDictionary } from '../dist/segment/nodeRsJieba.js';
import { sentenceChunks } from '../dist/segment/sentenceChunks.js';
import { option, sourceTexts } from './benchCorpus.js';

const mainMb = Number(option('main', '20'));
const rounds = Number(option('rounds', '3'));
// Copies of the reports up to the size asked (in UTF-8 bytes), as bench/run.js makes them.
const { texts } = sourceTexts(mainMb);
const chunksOf = (size) => texts.flatMap((text) => {
  const bounds = sentenceChunks(text, size);
  return bounds.slice(1).map((end, k) => text.slice(bounds[k], end));
});
const chunks = chunksOf(8192);

const jieba = Jieba.withDict(jiebaDictionary());
const vocabulary = segmenterVocabulary();
jieba.loadDict(Buffer.from(vocabulary.dictText));
const join_ = new PhraseJoin(vocabulary.phrases);

const time = (work) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};
const best = new Map();
const keep = (name, ms) => best.set(name, Math.min(best.get(name) ?? Infinity, ms));

for (let round = 0; round < rounds; round++) {
  // The cut with its strings, as the raw cut of bench/run.js, in calls of several sizes (fewer, larger calls).
  for (const size of [2048, 8192, 65536]) {
    const sized = size === 8192 ? chunks : chunksOf(size);
    keep(`raw cut, calls of ${size} units (${sized.length} calls)`, time(() => sized.forEach((chunk) => jieba.cut(chunk, true))));
  }
  // Fresh strings, as the cut hands them to counting: a string's hash is computed at its first Map lookup.
  const cuts = chunks.map((chunk) => ({ words: jieba.cut(chunk, true) }));
  let joined;
  keep('phrase join (PhraseJoin.apply)', time(() => (joined = cuts.map((cut, i) => join_.apply(chunks[i], cut)))));
  keep('count by strings (isWordToken + Map per token)', time(() => {
    const counter = new DocumentCounter();
    for (const cut of joined) counter.addItems(countedItems(cut, {}).items);
  }));
  keep('count by trie node where words stand (StretchCounter)', time(() => {
    const stretches = new StretchCounter(new DocumentCounter(), () => true);
    joined.forEach((cut, i) => stretches.add(chunks[i], 0, cut.ends));
  }));
  // What cutAsync costs the calling thread (the cut itself runs on libuv's pool), by the kind of input.
  for (const kind of ['string', 'UTF-8 Buffer']) {
    let inCall = 0;
    for (const chunk of chunks) {
      const start = performance.now();
      const input = kind === 'string' ? chunk : Buffer.from(chunk);
      const pending = jieba.cutAsync(input, true);
      inCall += performance.now() - start;
      await pending;
    }
    keep(`cutAsync: this thread's time in the call, input a ${kind}`, inCall);
  }
}

const cut = best.get('raw cut, calls of 8192 units (' + chunks.length + ' calls)');
console.log(`freq parts on ${mainMb} MB (${chunks.length} chunks of ~8192 units), best of ${rounds}, against the raw cut in calls of 8192 units`);
for (const [name, ms] of best) console.log(`${name.padEnd(66)} ${ms.toFixed(0).padStart(6)} ms = ${(ms / cut).toFixed(2)}× the cut`);
