import type { CountRequest } from '../analysis/countCorpus.js';
import type { CountSetup, DocumentCountsMessage } from './countMessages.js';
import { countFile } from './countFile.js';
import { tokenizerFor } from './tokenizerFor.js';

/** Worker-thread entry: one file in, its counts out. */
export default function countFileTask(task: { file: string; setup: CountSetup; request: CountRequest }): DocumentCountsMessage {
  return countFile(tokenizerFor(task.setup), task.file, task.request);
}
