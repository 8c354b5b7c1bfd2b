import type { CountRequest } from '../analysis/countCorpus.js';
import { CountAccumulator, type GroupedCounts } from '../analysis/termCounts.js';
import { mergeMessage, type CountFilesOptions, type CountSetup, type DocumentCountsMessage, type WorkerCountsMessage } from './countMessages.js';
import { inWorkers } from './orderedPool.js';

/**
 * Each worker's terms by its term ids, learnt as its messages arrive (the order it numbered them in), and
 * the accumulator's id of each, looked up when first merged so that terms enter the counts in file order.
 */
class WorkerVocabularies {
  private readonly workers = new Map<number, { terms: string[]; toAcc: number[] }>();

  private of(worker: number): { terms: string[]; toAcc: number[] } {
    let vocabulary = this.workers.get(worker);
    if (!vocabulary) this.workers.set(worker, (vocabulary = { terms: [], toAcc: [] }));
    return vocabulary;
  }

  learn(message: WorkerCountsMessage): void {
    const { terms } = this.of(message.worker);
    message.newTerms.forEach((term, i) => (terms[message.first + i] = term));
  }

  merge(acc: CountAccumulator, message: WorkerCountsMessage): void {
    const { terms, toAcc } = this.of(message.worker);
    const ids = message.ids.map((id) => (toAcc[id] ??= acc.termId(terms[id])));
    acc.addIds(message.label, ids, message.counts, message);
  }
}

/**
 * Counts files with worker threads: each thread reads, segments and counts whole files; the main thread merges
 * their per-document counts in file order, so tables come out the same as from one thread.
 */
export async function countInWorkers(files: string[], setup: CountSetup, request: CountRequest, jobs: number, options: CountFilesOptions): Promise<GroupedCounts> {
  const acc = new CountAccumulator(request);
  const workers = new WorkerVocabularies();
  await inWorkers<string, { file: string; setup: CountSetup; request: CountRequest }, DocumentCountsMessage | WorkerCountsMessage>(
    new URL('./countWorker.js', import.meta.url),
    setup,
    files,
    jobs,
    (file) => ({ file, setup, request }),
    (file, message) => {
      mergeMessage(acc, message, options, workers);
      options.onProgress?.(file, 1);
    },
    // A thread's new term ids are learnt as soon as it sends them, before earlier files are merged.
    (message) => {
      if (message.kind === 'ids') workers.learn(message);
    },
  );
  return acc.counts;
}
