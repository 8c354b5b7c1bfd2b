import { threadId } from 'node:worker_threads';
import type { CountRequest } from '../analysis/countCorpus.js';
import type { CountSetup, DocumentCountsMessage, WorkerCountsMessage } from './countMessages.js';
import { FileCounter, requestSignature } from './fileCounter.js';
import { tokenizerFor } from './tokenizerFor.js';

let current: { key: string; counter: FileCounter } | undefined;

/** Worker-thread entry: one file in, its counts out. One counter per thread and request keeps its term ids. */
export default function countFileTask(task: { file: string; setup: CountSetup; request: CountRequest }): DocumentCountsMessage | WorkerCountsMessage {
  const tokenizer = tokenizerFor(task.setup);
  const key = `${JSON.stringify(task.setup)}\u0000${requestSignature(task.request, tokenizer.outer.key)}`;
  if (current?.key !== key) current = { key, counter: new FileCounter(tokenizer, task.request) };
  return current.counter.countFile(task.file, threadId);
}
