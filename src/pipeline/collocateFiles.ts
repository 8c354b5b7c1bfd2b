import { CollocateCounter, type CollocateCounts, type CollocateRequest } from '../analysis/collocates.js';
import type { CollocateMessage, CollocateTask } from './collocateWorker.js';
import { chooseJobs } from './countFiles.js';
import type { CountFilesOptions, CountSetup } from './countMessages.js';
import { noteNoWords, readFileWords } from './fileWords.js';
import { inWorkers } from './orderedPool.js';

/**
 * Collocate counts of a list of files through the chunked pipeline and the token cache: in this thread for
 * small corpora, else each file counted on a worker thread and the counts added in file order.
 */
export async function countCollocateFiles(files: string[], setup: CountSetup, request: CollocateRequest, options: CountFilesOptions): Promise<CollocateCounts> {
  const counter = new CollocateCounter(request);
  const jobs = chooseJobs(files, {}, options.jobs);
  if (jobs <= 1) {
    await readFileWords(files, setup, request.field, options, (label) => {
      const document = counter.document(label);
      return { add: (cut) => document.add(cut.words, cut.tags), close: document.close };
    }, (doc) => counter.leaveOut(doc));
    return counter.counts;
  }
  await inWorkers<string, CollocateTask, CollocateMessage>(
    new URL('./collocateWorker.js', import.meta.url),
    files,
    jobs,
    (file) => ({ file, setup, request }),
    (file, message) => {
      if (message.kind === 'collocates') counter.addDocument(message.label, message.counts);
      else noteNoWords(message, options, (doc) => counter.leaveOut(doc));
      options.onProgress?.(file, 1);
    },
  );
  return counter.counts;
}
