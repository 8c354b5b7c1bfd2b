import type { CountRequest } from '../analysis/countCorpus.js';
import { CountAccumulator, type GroupedCounts } from '../analysis/termCounts.js';
import { builtVocabularies } from '../segment/createSegmenter.js';
import { tokenizerFor } from './tokenizerFor.js';
import { mergeMessage, type CountFilesOptions, type CountSetup, type DocumentCountsMessage, type WorkerCountsMessage } from './countMessages.js';

/**
 * Files in flight per thread: enough to keep threads busy, few enough to keep memory flat (a file's counts are
 * its distinct terms). Files are merged in order, so a long file holds up the ones behind it: with 4, the other
 * thread ran out of files and waited (one profile on 20 MB: 0.7 s of 4.4 s with 4, 0.2 s of 3.0 s with 16).
 */
const IN_FLIGHT_PER_THREAD = 16;

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
    acc.addIds(message.label, ids, message.counts, message.size, message.chars);
  }
}

/**
 * Counts files with worker threads: each thread reads, segments and counts whole files; the main thread merges
 * their per-document counts in file order, so tables come out the same as from one thread.
 */
export async function countInWorkers(files: string[], setup: CountSetup, request: CountRequest, jobs: number, options: CountFilesOptions): Promise<GroupedCounts> {
  // Loaded here: small corpora never start a pool and should not pay for loading it.
  const { Piscina } = await import('piscina');
  // The segmenter's vocabulary, built here once (or read from the cache) for every worker to take, rather than
  // built in each of them (0.2-0.5 s of CPU per thread under --no-cache).
  void tokenizerFor(setup).segmenter.key;
  const pool = new Piscina({
    filename: new URL('./countWorker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    // The segmenter's vocabulary this thread built for the cache key: workers take it instead of building it.
    workerData: { vocabularies: builtVocabularies() },
  });
  const acc = new CountAccumulator(request);
  const workers = new WorkerVocabularies();
  const pending: Array<{ file: string; task: Promise<DocumentCountsMessage | WorkerCountsMessage> }> = [];
  const mergeOldest = async () => {
    const { file, task } = pending.shift()!;
    mergeMessage(acc, await task, options, workers);
    options.onProgress?.(file, 1);
  };
  try {
    for (const file of files) {
      const task = (pool.run({ file, setup, request }) as Promise<DocumentCountsMessage | WorkerCountsMessage>).then((message) => {
        if (message.kind === 'ids') workers.learn(message);
        return message;
      });
      // Awaited in order below; this keeps a failure of a later file from counting as unhandled meanwhile.
      task.catch(() => {});
      pending.push({ file, task });
      if (pending.length >= jobs * IN_FLIGHT_PER_THREAD) await mergeOldest();
    }
    while (pending.length > 0) await mergeOldest();
  } finally {
    await pool.destroy();
  }
  return acc.counts;
}
