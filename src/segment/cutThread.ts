import { parentPort } from 'node:worker_threads';
import { Jieba } from '@node-rs/jieba';
import { PhraseJoin } from './compound.js';
import { jiebaDictionary } from './nodeRsJieba.js';
import { foldWidth } from './widthFold.js';
import { ANSWERED, FAILED, type CutThreadReply, type CutThreadRequest } from './cutThreads.js';

// jieba's own dictionary loads as the thread starts, while the thread that started it builds the vocabulary
// it then sends (`setup`): the two biggest costs of starting a run overlap.
const jieba = Jieba.withDict(jiebaDictionary());
let join = new PhraseJoin([]);
let unitJoin = join;
let setupError: string | undefined;

/**
 * One cut thread (cutThreads.ts): texts in, the end offset of each of their words out. The token strings are
 * made here and never cross to the thread that counts, which reads the words where they stand in its text.
 */
parentPort!.on('message', (request: CutThreadRequest) => {
  if (request.kind === 'setup') {
    // A failure here is answered to every later request: a thread that died would leave unitsSync waiting.
    try {
      if (request.dictText) jieba.loadDict(Buffer.from(request.dictText));
      join = new PhraseJoin(request.phrases);
      unitJoin = new PhraseJoin(request.unitPhrases);
    } catch (err) {
      setupError = err instanceof Error ? err.message : String(err);
    }
    return;
  }
  if (request.kind === 'units') {
    const state = new Int32Array(request.answer);
    try {
      if (setupError) throw new Error(setupError);
      const text = foldWidth(request.text);
      const ends = unitJoin.apply(text, { words: jieba.cut(text, true) }).ends!;
      state.set(ends, 2);
      state[1] = ends.length;
      Atomics.store(state, 0, ANSWERED);
    } catch {
      Atomics.store(state, 0, FAILED);
    }
    Atomics.notify(state, 0);
    return;
  }
  let reply: CutThreadReply;
  try {
    if (setupError) throw new Error(setupError);
    // Cut with full-width digits and letters read as ASCII, as every cut of the segmenter is (widthFold.ts):
    // the fold keeps every offset, so the ends are those of the text as written.
    const text = foldWidth(request.text);
    const words = jieba.cut(text, true);
    const ends = new Uint32Array(words.length);
    let at = 0;
    for (let i = 0; i < words.length; i++) ends[i] = at += words[i].length;
    // Words that follow one another are joined by the thread that counts (PhraseJoin.applyEnds), which has time
    // to spare while this one cuts; any others (a cut that dropped characters) here, where their strings are.
    reply = at === text.length ? { id: request.id, ends, joined: false } : { id: request.id, ends: join.apply(text, { words }).ends!, joined: true };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply, reply.ends ? [reply.ends.buffer as ArrayBuffer] : []);
});
