import { parentPort } from 'node:worker_threads';
import type { JiebaBinding } from './binding.js';
import { PhraseJoin } from './compound.js';
import { createNodeRsBackend, jiebaDictionary } from './nodeRsJieba.js';
import { finishCut } from './finishCut.js';
import { seedPortDictionary } from './portWords.js';
import { foldWidth } from './widthFold.js';
import { ANSWERED, FAILED, type CutThreadReply, type CutThreadRequest } from './cutThreads.js';

// jieba's dictionary file is read as the thread starts, while the thread that started it builds the vocabulary
// it then sends (`setup`).
jiebaDictionary();
let binding: JiebaBinding | undefined;
let join = new PhraseJoin([]);
let unitJoin = join;
let setupError: string | undefined;

/** The ends of the words of `text`, as the segmenter's `words` gives them (finishCut: the same steps after the cut). */
function endsOf(text: string, phrases: PhraseJoin): Uint32Array {
  const folded = foldWidth(text);
  const cut = binding!.cut(folded, false);
  const ends = finishCut(text, folded, cut, phrases).ends!;
  // Sent away (transferred): a copy where the array is the backend's own, which it may use again.
  return ends === cut.ends ? ends.slice() : ends;
}

/**
 * One cut thread (cutThreads.ts): texts in, the end offset of each of their words out. The backend's word
 * strings, where it makes them, are made here and never cross to the thread that counts, which reads the words
 * where they stand in its text.
 */
parentPort!.on('message', (request: CutThreadRequest) => {
  if (request.kind === 'setup') {
    // A failure here is answered to every later request: a thread that died would leave unitsSync waiting.
    try {
      seedPortDictionary(request.port);
      binding = createNodeRsBackend(request.dictText);
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
      const ends = endsOf(request.text, unitJoin);
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
    reply = { id: request.id, ends: endsOf(request.text, join) };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply, reply.ends ? [reply.ends.buffer as ArrayBuffer] : []);
});
