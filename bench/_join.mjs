import { segmenterVocabulary } from '../dist/segment/createSegmenter.js';
import { jiebaDictionary } from '../dist/segment/nodeRsJieba.js';
import { sentenceChunks } from '../dist/segment/sentenceChunks.js';
import { PortSegmenter } from '../dist/segment/portWords.js';
import { PhraseJoin } from '../dist/segment/compound.js';
import { PhraseJoin as OldJoin } from '/tmp/dbg/dist/segment/compound.js';
import { sourceTexts } from './benchCorpus.js';
const { texts } = sourceTexts(20);
const chunks = texts.flatMap((text) => { const b = sentenceChunks(text, 65536); return b.slice(1).map((e, k) => text.slice(b[k], e)); });
const voc = segmenterVocabulary();
const seg = new PortSegmenter(jiebaDictionary(), voc.dictText);
const cuts = chunks.map((c) => seg.words(c));
const joins = { old: new OldJoin(voc.dictionaryPhrases), new: new PhraseJoin(voc.dictionaryPhrases) };
const best = {};
for (let r = 0; r < 7; r++) for (const [name, j] of Object.entries(joins)) {
  const t = performance.now(); let n = 0;
  for (let i = 0; i < chunks.length; i++) n += j.apply(chunks[i], cuts[i]).ends.length;
  best[name] = Math.min(best[name] ?? Infinity, performance.now() - t); best[name + 'n'] = n;
}
console.log(best);
