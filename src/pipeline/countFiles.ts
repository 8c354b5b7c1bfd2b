import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { CountRequest } from '../analysis/countCorpus.js';
import { CountAccumulator, type GroupedCounts } from '../analysis/termCounts.js';
import type { Words } from '../segment/token.js';
import { FileCounter, requestSignature, type CutFile, type OpenFile } from './fileCounter.js';
import { TokenCache } from './tokenCache.js';
import { mergeMessage, type CountFilesOptions, type CountSetup, type DocumentCountsMessage } from './countMessages.js';
import { countInWorkers } from './workerPool.js';
import { tokenizerFor } from './tokenizerFor.js';

/** Below this a thread pool costs more (a dictionary load per thread, ~0.2 s) than it saves. */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;

export function chooseJobs(files: string[], request: CountRequest, jobs: number | undefined): number {
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
export async function* lookahead<T, R>(source: Iterator<T>, start: (item: T) => Promise<R> | undefined, ahead: number): AsyncGenerator<[T, R | undefined]> {
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

/** A whole run as stored (leftOut kept beside the counts: memos stored before counts held it have it there). */
interface CorpusMemo {
  counts: GroupedCounts;
  leftOut: GroupedCounts['leftOut'];
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
 * an unchanged corpus under the same request is answered from one stored result (with the documents it left out), and a
 * partly changed one from the per-file memos of the files that did not change.
 */
export async function countFiles(files: string[], setup: CountSetup, request: CountRequest, options: CountFilesOptions): Promise<GroupedCounts> {
  const key = corpusKey(files, setup, request);
  const cache = tokenizerFor(setup).cache;
  const memo = key ? cache!.get<CorpusMemo>(key) : undefined;
  if (memo) return { ...memo.counts, leftOut: memo.leftOut };
  let skipped = false;
  const recording: CountFilesOptions = { ...options, warn: (message) => ((skipped = true), options.warn(message)) };
  const jobs = chooseJobs(files, request, options.jobs);
  const counts = jobs <= 1 ? await countInThisThread(files, setup, request, recording) : await countInWorkers(files, setup, request, jobs, recording);
  // A run that skipped files is not stored whole: replayed, it would pass without --skip-bad.
  if (key && !skipped) {
    const memo: CorpusMemo = { counts: { ...counts, leftOut: [] }, leftOut: counts.leftOut };
    cache!.put(key, memo);
  }
  return counts;
}
