import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { countSegmented, type CountRequest } from '../analysis/countCorpus.js';
import { CountAccumulator, type GroupedCounts } from '../analysis/termCounts.js';
import { InputError } from '../errors.js';
import { countFile, requestSignature } from './countFile.js';
import { TokenCache } from './tokenCache.js';
import type { CountSetup, DocumentCountsMessage } from './countMessages.js';
import { tokenizerFor } from './tokenizerFor.js';
import type { TokenizedFile } from './tokenizeFile.js';

export interface CountFilesOptions {
  /** Worker threads; undefined chooses: one per core for corpora above PARALLEL_MIN_BYTES, else none. */
  jobs?: number;
  skipBad?: boolean;
  warn: (message: string) => void;
  onLeftOut: (doc: { id: string; meta: Record<string, string> }) => void;
}

/** Below this a thread pool costs more (a dictionary load per thread, ~0.2 s) than it saves. */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/** Files in flight per thread: enough to keep threads busy, few enough to keep memory flat. */
const IN_FLIGHT_PER_THREAD = 4;

function chooseJobs(files: string[], request: CountRequest, jobs: number | undefined): number {
  // Juilland's D needs corpus-wide token positions in file order: one thread keeps them exact.
  if (request.keepPositions) return 1;
  if (jobs !== undefined) return jobs;
  let bytes = 0;
  for (const file of files) {
    bytes += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (bytes >= PARALLEL_MIN_BYTES) return availableParallelism();
  }
  return 1;
}

function countInThisThread(files: string[], setup: CountSetup, request: CountRequest, options: CountFilesOptions): GroupedCounts {
  const tokenizer = tokenizerFor(setup);
  if (!request.keepPositions) {
    const acc = new CountAccumulator(request);
    for (const file of files) mergeMessage(acc, countFile(tokenizer, file, request), options);
    return acc.counts;
  }
  function* tokenized(): Generator<TokenizedFile> {
    for (const file of files) {
      try {
        yield tokenizer.tokenize(file);
      } catch (err) {
        if (!(options.skipBad && err instanceof InputError)) throw err;
        options.warn(`skipped ${err.message}`);
      }
    }
  }
  return countSegmented(tokenized(), request, options.onLeftOut);
}

function mergeMessage(acc: CountAccumulator, message: DocumentCountsMessage, options: CountFilesOptions): void {
  if (message.kind === 'counts') acc.addCounts(message.label, message.terms, message.counts, message.size, message.chars);
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
  const pool = new Piscina({ filename: new URL('./countWorker.js', import.meta.url).href, minThreads: jobs, maxThreads: jobs });
  const acc = new CountAccumulator(request);
  const pending: Array<Promise<DocumentCountsMessage>> = [];
  try {
    for (const file of files) {
      const task: Promise<DocumentCountsMessage> = pool.run({ file, setup, request });
      // Awaited in order below; this keeps a failure of a later file from counting as unhandled meanwhile.
      task.catch(() => {});
      pending.push(task);
      if (pending.length >= jobs * IN_FLIGHT_PER_THREAD) mergeMessage(acc, await pending.shift()!, options);
    }
    while (pending.length > 0) mergeMessage(acc, await pending.shift()!, options);
  } finally {
    await pool.destroy();
  }
  return acc.counts;
}

interface CorpusMemo {
  counts: GroupedCounts;
  leftOut: Array<{ id: string; meta: Record<string, string> }>;
  warnings: string[];
}

/** Key of a whole run: every file's content key, in order, and the request. */
function corpusKey(files: string[], setup: CountSetup, request: CountRequest): string | undefined {
  const tokenizer = tokenizerFor(setup);
  if (!tokenizer.cache) return undefined;
  const fileKeys = files.map((file) => tokenizer.readFile(file).key);
  const signature = requestSignature(request, setup.read.metaFromName);
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
    memo.warnings.forEach(options.warn);
    memo.leftOut.forEach(options.onLeftOut);
    return memo.counts;
  }
  const record: CorpusMemo = { counts: undefined!, leftOut: [], warnings: [] };
  const recording: CountFilesOptions = {
    ...options,
    warn: (message) => (record.warnings.push(message), options.warn(message)),
    onLeftOut: (doc) => (record.leftOut.push({ id: doc.id, meta: doc.meta }), options.onLeftOut(doc)),
  };
  const jobs = chooseJobs(files, request, options.jobs);
  record.counts =
    jobs <= 1 ? countInThisThread(files, setup, request, recording) : await countInWorkers(files, setup, request, jobs, recording);
  if (key) cache!.put(key, record);
  return record.counts;
}
