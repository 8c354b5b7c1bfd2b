import { builtVocabularies } from '../segment/createSegmenter.js';
import type { CountSetup } from './countMessages.js';
import { tokenizerFor } from './tokenizerFor.js';
import { WORKER_LIMITS } from '../segment/threadHeap.js';

/**
 * Tasks in flight per worker thread: results are used in item order, so a long file holds up the ones behind
 * it; with 4 the other thread ran out of files and waited (one freq profile on 20 MB: idle 0.7 s of 4.4 s with 4,
 * 0.2 s of 3.0 s with 16). Few enough to keep memory flat: a file's result is its distinct terms.
 */
const IN_FLIGHT_PER_THREAD = 16;

/**
 * Runs `task(item)` for every item on a pool of `jobs` threads running module `worker` (handed this thread's
 * segmenter vocabulary for `setup`, so that threads do not build it again) and gives the results back in item order,
 * at most jobs × IN_FLIGHT_PER_THREAD at a time. `finished` sees each result as soon as its thread is done,
 * in the order threads finish (which need not be item order), e.g. to learn a thread's term ids in the order
 * it numbered them. `workerData` adds to what every thread is handed at its start (e.g. the lexicon).
 * The one thread pool of tifa: freq, themes, cooc and collocates all run their workers through it.
 */
export async function inWorkers<T, M, R>(
  worker: URL,
  setup: CountSetup,
  items: readonly T[],
  jobs: number,
  task: (item: T) => M,
  use: (item: T, result: R) => void,
  finished: (result: R) => void = () => {},
  workerData: Record<string, unknown> = {},
): Promise<void> {
  // Loaded here: small corpora never start a pool and should not pay for loading it.
  const { Piscina } = await import('piscina');
  // The segmenter's vocabulary and dictionary, built here once (or read from the cache) for every worker to take;
  // the port's dictionary only for untagged cuts (a tagged cut loads jieba's own in each thread).
  const { segmenter } = tokenizerFor(setup);
  if (setup.pos) void segmenter.key;
  else segmenter.loadDictionaries();
  const pool = new Piscina({ filename: worker.href, minThreads: jobs, maxThreads: jobs, resourceLimits: WORKER_LIMITS, workerData: { ...workerData, vocabularies: builtVocabularies() } });
  const pending: Array<{ item: T; result: Promise<R> }> = [];
  const useOldest = async () => {
    const { item, result } = pending.shift()!;
    use(item, await result);
  };
  try {
    for (const item of items) {
      const result = (pool.run(task(item)) as Promise<R>).then((r) => (finished(r), r));
      // Awaited in order below; this keeps a failure of a later item from counting as unhandled meanwhile.
      result.catch(() => {});
      pending.push({ item, result });
      if (pending.length >= jobs * IN_FLIGHT_PER_THREAD) await useOldest();
    }
    while (pending.length > 0) await useOldest();
  } finally {
    await pool.destroy();
  }
}
