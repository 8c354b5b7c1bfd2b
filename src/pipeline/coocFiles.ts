import { CoocCounter, type CoocCounts, type CoocRequest } from '../analysis/cooccurrence.js';
import { LayoutBuilder } from '../analysis/units.js';
import { chooseJobs } from './countFiles.js';
import type { CountFilesOptions, CountSetup } from './countMessages.js';
import { noteNoWords, readFileWords } from './fileWords.js';
import type { LayoutTask, WorkerLayout } from './layoutWorker.js';
import { inWorkers } from './orderedPool.js';
import { fileSpill } from './spillFiles.js';

/** Lays files out in this thread, through the chunked pipeline (the cut runs off this thread). */
function layOutInThisThread(files: string[], setup: CountSetup, counter: CoocCounter, options: CountFilesOptions): Promise<void> {
  const { field, unit } = counter.request;
  const wordId = counter.wordId();
  return readFileWords(files, setup, field, options, (label) => {
    const builder = new LayoutBuilder(unit.kind, wordId);
    return { add: (cut) => builder.add(cut.words, cut.tags), close: () => counter.add(label, builder.finish()) };
  }, (doc) => counter.leaveOut(doc));
}

/**
 * Lays files out on a thread pool: each thread reads, segments and lays out whole files in its own term ids;
 * the main thread maps them to the counter's and adds the layouts in file order, so counts come out the same.
 */
async function layOutInWorkers(files: string[], setup: CountSetup, counter: CoocCounter, jobs: number, options: CountFilesOptions): Promise<void> {
  const { field, unit, terms } = counter.request;
  // Each worker's terms by its ids, learnt as its files finish (the order it numbered them in, which need not
  // be file order), and their counter ids, looked up as layouts are added in file order.
  const vocabularies = new Map<number, { terms: string[]; toCounter: number[] }>();
  const vocabularyOf = (worker: number) => {
    let vocabulary = vocabularies.get(worker);
    if (!vocabulary) vocabularies.set(worker, (vocabulary = { terms: [], toCounter: [] }));
    return vocabulary;
  };
  await inWorkers<string, LayoutTask, WorkerLayout>(
    new URL('./layoutWorker.js', import.meta.url),
    setup,
    files,
    jobs,
    (file) => ({ file, setup, field, unit: unit.kind, terms }),
    (file, { worker, message }) => {
      if (message.kind !== 'layout') noteNoWords(message, options, (doc) => counter.leaveOut(doc));
      else {
        const { terms, toCounter } = vocabularyOf(worker);
        const { ids } = message.layout;
        for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) ids[i] = toCounter[ids[i]] ??= counter.termId(terms[ids[i]]);
        counter.add(message.label, message.layout);
      }
      options.onProgress?.(file, 1);
    },
    ({ worker, message }) => {
      if (message.kind !== 'layout') return;
      const { terms } = vocabularyOf(worker);
      message.newTerms.forEach((term, i) => (terms[message.first + i] = term));
    },
  );
}

/**
 * Co-occurrence counts of a list of files through the chunked pipeline and the token cache, layouts and pair
 * tables past memory spilled to temporary files: in this thread, the cut running off it, unless `jobs` asks
 * for worker threads. One thread is the default because it measured faster: 11.8 s against 17.5 s with two
 * workers for --top 1000 on 16 MB of reports (2 cores, load 11), where a worker's start (its own dictionary)
 * and the layouts it sends back cost more than the cut it takes off this thread, which the async cut already
 * overlaps with counting.
 */
export async function countCoocFiles(files: string[], setup: CountSetup, request: CoocRequest, options: CountFilesOptions): Promise<CoocCounts> {
  const counter = new CoocCounter({ ...request, spill: request.spill ?? fileSpill() });
  const jobs = options.jobs === undefined ? 1 : chooseJobs(files, {}, options.jobs);
  if (jobs <= 1) await layOutInThisThread(files, setup, counter, options);
  else await layOutInWorkers(files, setup, counter, jobs, options);
  return counter.finish();
}

