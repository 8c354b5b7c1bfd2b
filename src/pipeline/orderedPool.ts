import { builtVocabularies } from '../segment/createSegmenter.js';

/** Tasks in flight per worker thread: enough to keep threads busy, few enough to keep memory flat. */
const IN_FLIGHT_PER_THREAD = 4;

/**
 * Runs `task(item)` for every item on a pool of `jobs` threads running module `worker` (handed this thread's
 * segmenter vocabularies, so that threads do not build them again) and gives the results back in item order,
 * at most jobs × IN_FLIGHT_PER_THREAD at a time. `finished` sees each result as soon as its thread is done,
 * in the order threads finish (which need not be item order), e.g. to learn a thread's term ids in the order
 * it numbered them.
 */
export async function inWorkers<T, M, R>(
  worker: URL,
  items: readonly T[],
  jobs: number,
  task: (item: T) => M,
  use: (item: T, result: R) => void,
  finished: (result: R) => void = () => {},
): Promise<void> {
  // Loaded here: small corpora never start a pool and should not pay for loading it.
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: worker.href, minThreads: jobs, maxThreads: jobs, workerData: { vocabularies: builtVocabularies() } });
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
