import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { CountRequest } from '../analysis/countCorpus.js';
import { CountAccumulator, type GroupedCounts } from '../analysis/termCounts.js';
import { InputError } from '../errors.js';
import type { Words } from '../segment/token.js';
import { FileCounter, requestSignature, type CutFile, type OpenFile } from './countFile.js';
import { TokenCache } from './tokenCache.js';
import type { CountSetup, DocumentCountsMessage, WorkerCountsMessage } from './countMessages.js';
import { tokenizerFor } from './tokenizerFor.js';

export interface CountFilesOptions {
  /** Worker threads; undefined chooses: one per core for corpora above PARALLEL_MIN_BYTES, else none. */
  jobs?: number;
  skipBad?: boolean;
  warn: (message: string) => void;
  onLeftOut: (doc: { id: string; meta: Record<string, string> }) => void;
  /** Called as a share (0–1) of a file is counted, 1 when its counts are merged, in file order (a progress bar). */
  onProgress?: (file: string, share: number) => void;
}

/** Below this a thread pool costs more (a dictionary load per thread, ~0.2 s) than it saves. */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/** Files in flight per thread: enough to keep threads busy, few enough to keep memory flat. */
const IN_FLIGHT_PER_THREAD = 4;

function chooseJobs(files: string[], request: CountRequest, jobs: number | undefined): number {
  // Juilland's D needs corpus-wide token positions in file order: one thread keeps them exact.
  if (request.keepPositions) return 1;
  // A worker counts whole files: more workers than files would only wait.
  if (jobs !== undefined) return Math.min(jobs, files.length);
  let bytes = 0;
  for (const file of files) {
    bytes += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (bytes >= PARALLEL_MIN_BYTES) return Math.min(availableParallelism(), files.length);
  }
  return 1;
}

/**
 * Chunks being cut off this thread while it counts the one before. Two keep the cut going while this
 * thread turns a finished cut into strings and counts them (which takes about as long as the cut itself).
 */
const CUTS_IN_FLIGHT = 2;

/** One step of counting in this thread: a file answered already, or one chunk of a file to cut and count. */
type Step = { kind: 'done'; file: string; message: DocumentCountsMessage } | { kind: 'chunk'; file: string; prepared: CutFile; start: number; end: number };

/** Counts in this thread while the segmenter cuts the next chunks off it (a pipeline), in file order. */
async function countInThisThread(files: string[], setup: CountSetup, request: CountRequest, options: CountFilesOptions): Promise<GroupedCounts> {
  const acc = new CountAccumulator(request);
  const counter = new FileCounter(tokenizerFor(setup), request, acc.counter);
  const { tokenizer } = counter;
  function* steps(): Generator<Step> {
    for (const file of files) {
      const prepared = counter.prepare(file);
      if (prepared.kind === 'done') {
        yield { kind: 'done', file, message: prepared.message };
        continue;
      }
      const bounds = tokenizer.chunks(prepared.file);
      for (let k = 1; k < bounds.length; k++) yield { kind: 'chunk', file, prepared, start: bounds[k - 1], end: bounds[k] };
    }
  }
  const cut = (step: Step): Promise<Words> | undefined => {
    if (step.kind === 'done') return undefined;
    const words = tokenizer.chunkWordsAsync(step.prepared.file, step.start, step.end);
    // Awaited in order below; this keeps a failure of a later cut from counting as unhandled meanwhile.
    words.catch(() => {});
    return words;
  };
  let open: OpenFile | undefined;
  for await (const [step, words] of lookahead(steps(), cut, CUTS_IN_FLIGHT)) {
    if (step.kind === 'done') {
      mergeMessage(acc, step.message, options);
      options.onProgress?.(step.file, 1);
      continue;
    }
    const { prepared, start, end } = step;
    open ??= counter.open(prepared);
    open.add(start, words!);
    const share = end / prepared.file.text.length;
    if (share === 1) {
      const { ids, counts, size, chars, positions } = open.close();
      acc.addIds(prepared.label, ids, counts, size, chars, positions);
      open = undefined;
    }
    options.onProgress?.(step.file, share);
  }
  return acc.counts;
}

/** Items read ahead of the one being handed out, at most: bounds memory when many need no work. */
const READ_AHEAD = 16;

/**
 * The items of `source` with the results of `start` (undefined: no work), in order, starting the next items'
 * work before the current one is handed out, so that up to `ahead` of them run while the caller works.
 */
async function* lookahead<T, R>(source: Iterator<T>, start: (item: T) => Promise<R> | undefined, ahead: number): AsyncGenerator<[T, R | undefined]> {
  const queue: Array<[T, Promise<R> | undefined]> = [];
  let running = 0;
  const fill = () => {
    while (running < ahead && queue.length < READ_AHEAD) {
      const next = source.next();
      if (next.done) return;
      const work = start(next.value);
      if (work) running++;
      queue.push([next.value, work]);
    }
  };
  fill();
  while (queue.length > 0) {
    const [item, work] = queue.shift()!;
    if (work) running--;
    const result = await work;
    fill();
    yield [item, result];
  }
}

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

function mergeMessage(acc: CountAccumulator, message: DocumentCountsMessage | WorkerCountsMessage, options: CountFilesOptions, workers?: WorkerVocabularies): void {
  if (message.kind === 'ids') workers!.merge(acc, message);
  else if (message.kind === 'counts') acc.addCounts(message.label, message.terms, message.counts, message.size, message.chars);
  else if (message.kind === 'left-out') options.onLeftOut(message);
  else if (options.skipBad) options.warn(`skipped ${message.message}`);
  else throw new InputError(message.message);
}

/**
 * Counts files with worker threads: each thread reads, segments and counts whole files; the main thread merges
 * their per-document counts in file order, so tables come out the same as from one thread.
 */
async function countInWorkers(files: string[], setup: CountSetup, request: CountRequest, jobs: number, options: CountFilesOptions): Promise<GroupedCounts> {
  // Loaded here: small corpora never start a pool and should not pay for loading it.
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./countWorker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
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

interface CorpusMemo {
  counts: GroupedCounts;
  leftOut: Array<{ id: string; meta: Record<string, string> }>;
}

/** Key of a whole run: every file's content key, in order, and the request. */
function corpusKey(files: string[], setup: CountSetup, request: CountRequest): string | undefined {
  const tokenizer = tokenizerFor(setup);
  if (!tokenizer.cache) return undefined;
  const fileKeys = files.map((file) => tokenizer.readFile(file).key);
  const signature = requestSignature(request, tokenizer.outer.key);
  return TokenCache.derive(fileKeys.join(','), `${signature}\u0000${request.keepPerDoc}\u0000${request.keepPositions}`);
}

/**
 * Counts a list of files: in this thread for small corpora, on a thread pool for large ones. With the cache,
 * an unchanged corpus under the same request is answered from one stored result (replaying its notes), and a
 * partly changed one from the per-file memos of the files that did not change.
 */
export async function countFiles(files: string[], setup: CountSetup, request: CountRequest, options: CountFilesOptions): Promise<GroupedCounts> {
  const key = corpusKey(files, setup, request);
  const cache = tokenizerFor(setup).cache;
  const memo = key ? cache!.get<CorpusMemo>(key) : undefined;
  if (memo) {
    memo.leftOut.forEach(options.onLeftOut);
    return memo.counts;
  }
  const record: CorpusMemo = { counts: undefined!, leftOut: [] };
  let skipped = false;
  const recording: CountFilesOptions = {
    ...options,
    warn: (message) => ((skipped = true), options.warn(message)),
    onLeftOut: (doc) => (record.leftOut.push({ id: doc.id, meta: doc.meta }), options.onLeftOut(doc)),
  };
  const jobs = chooseJobs(files, request, options.jobs);
  if (jobs <= 1) record.counts = await countInThisThread(files, setup, request, recording);
  else record.counts = await countInWorkers(files, setup, request, jobs, recording);
  // A run that skipped files is not stored whole: replayed, it would pass without --skip-bad.
  if (key && !skipped) cache!.put(key, record);
  return record.counts;
}
