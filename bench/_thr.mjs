import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { segmenterVocabulary } from '../dist/segment/createSegmenter.js';
import { jiebaDictionary, createNodeRsBackend } from '../dist/segment/nodeRsJieba.js';
import { sentenceChunks } from '../dist/segment/sentenceChunks.js';
import { portDictionary, seedPortDictionary } from '../dist/segment/portWords.js';
import { PhraseJoin } from '../dist/segment/compound.js';
import { cutEnds } from '../dist/segment/finishCut.js';
import { PortCutter } from '../dist/segment/portCut.js';
import { sourceTexts } from './benchCorpus.js';
const run = (port, voc, label, units) => {
  const { texts, bytes } = sourceTexts(20);
  const chunks = units ? texts.flatMap((t) => { const out = []; for (let i = 0; i < t.length; i += units) out.push(t.slice(i, i + units)); return out; }) : texts.flatMap((text) => { const b = sentenceChunks(text); return b.slice(1).map((e, k) => text.slice(b[k], e)); });
  seedPortDictionary(port);
  const binding = createNodeRsBackend(voc.dictText);
  const join = new PhraseJoin(voc.dictionaryPhrases);
  let t = performance.now();
  for (const c of chunks) cutEnds(binding, join, c);
  const a = performance.now() - t;
  const cutter = new PortCutter(port.data, port.hmm); let n = 0; const sink = { word() { n++; }, other() { n++; } };
  t = performance.now(); for (const c of chunks) cutter.cut(c, sink);
  console.log(label, units ?? 8192, 'cutEnds', a.toFixed(0), 'ms; bare cut', (performance.now() - t).toFixed(0), 'ms');
};
if (isMainThread) {
  const voc = segmenterVocabulary();
  const port = portDictionary(jiebaDictionary(), voc.dictText);
  run(port, voc, 'main');
  run(port, voc, 'main', 65536);
  for (const limits of [undefined, { maxYoungGenerationSizeMb: 8 }]) {
    const w = new Worker(new URL(import.meta.url), { workerData: { port, voc, limits: JSON.stringify(limits) }, resourceLimits: limits });
    await new Promise((r) => w.on('exit', r));
  }
} else {
  run(workerData.port, workerData.voc, 'worker ' + workerData.limits);
  run(workerData.port, workerData.voc, 'worker ' + workerData.limits, 65536);
}
