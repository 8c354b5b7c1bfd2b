import { workerData } from 'node:worker_threads';
import { CollocateCounter, type CollocateRequest, type DocumentCollocates } from '../analysis/collocates.js';
import { seedVocabularies } from '../segment/createSegmenter.js';
import type { CountSetup } from './countMessages.js';
import { prepareFile, type NoWords } from './fileWords.js';
import { tokenizerFor } from './tokenizerFor.js';

if (workerData?.vocabularies) seedVocabularies(workerData.vocabularies);

export interface CollocateTask {
  file: string;
  setup: CountSetup;
  request: CollocateRequest;
}

export type CollocateMessage = { kind: 'collocates'; label: string; counts: DocumentCollocates } | NoWords;

/** Worker-thread entry: one file in, its collocate counts out (the cut stored in the token cache as freq stores it). */
export default function countCollocatesTask({ file: path, setup, request }: CollocateTask): CollocateMessage {
  const tokenizer = tokenizerFor(setup);
  const prepared = prepareFile(tokenizer, path, request.field);
  if (prepared.kind !== 'cut') return prepared;
  const { file, label } = prepared;
  const counter = new CollocateCounter(request);
  const document = counter.document(label);
  const recorder = tokenizer.recorder(file);
  const bounds = tokenizer.chunks(file);
  for (let k = 1; k < bounds.length; k++) {
    const cut = tokenizer.chunkWords(file, bounds[k - 1], bounds[k]);
    document.add(cut.words, cut.tags);
    recorder?.add(bounds[k - 1], cut);
  }
  recorder?.finish();
  document.close();
  return { kind: 'collocates', label, counts: counter.documentCounts() };
}
