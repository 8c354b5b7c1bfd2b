import { parentPort } from 'node:worker_threads';
import type { JiebaBinding } from './binding.js';
import { PhraseJoin } from './compound.js';
import { createNodeRsBackend } from './nodeRsJieba.js';
import { cutEnds } from './finishCut.js';
import type { CutThreadReply, CutThreadRequest } from './cutThreads.js';

let binding: JiebaBinding | undefined;
let join = new PhraseJoin([]);
let setupError: string | undefined;

/**
 * One cut thread (cutThreads.ts): texts in, the end offset (and dictionary node) of each of their words out. The
 * backend's word strings, where it makes them, are made here and never cross to the thread that counts, which
 * reads the words where they stand in its text.
 */
parentPort!.on('message', (request: CutThreadRequest) => {
  if (request.kind === 'setup') {
    // A failure here is answered to every later request.
    try {
      binding = createNodeRsBackend(request.dictText, undefined, request.port);
      join = new PhraseJoin(request.phrases);
    } catch (err) {
      setupError = err instanceof Error ? err.message : String(err);
    }
    return;
  }
  let reply: CutThreadReply;
  try {
    if (setupError) throw new Error(setupError);
    // The port's arrays are its own to give (portWords.ts: a fresh copy per text), so they are transferred below.
    const start = performance.now();
    const cut = cutEnds(binding!, join, request.text);
    reply = { id: request.id, cut, ms: performance.now() - start };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  const transfer = reply.cut ? [reply.cut.ends.buffer as ArrayBuffer, ...(reply.cut.nodes ? [reply.cut.nodes.ids.buffer as ArrayBuffer] : [])] : [];
  parentPort!.postMessage(reply, transfer);
});
