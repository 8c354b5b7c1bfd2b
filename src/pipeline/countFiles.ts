import { statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { availableParallelism } from 'node:os';
import type { CountRequest } from '../analysis/countCorpus.js';
import { CountAccumulator, type GroupedCounts } from '../analysis/termCounts.js';
import { FileCounter, countsWhereWordsStand, requestSignature, type OpenFile, type PreparedFile } from './fileCounter.js';
import { TokenCache } from './tokenCache.js';
import { mergeMessage, type CountFilesOptions, type CountSetup } from './countMessages.js';
import type { Words } from '../segment/token.js';
import { chunksCut, type ChunkCutter } from './chunksCut.js';
import type { CutEnds } from '../segment/token.js';
import { countInWorkers } from './workerPool.js';
import { tokenizerFor } from './tokenizerFor.js';

/** Below this a thread pool costs more (a dictionary load per thread, ~0.2 s) than it saves. */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;

/** Workers for `files`: `jobs` if given (no more than the files), else one per core from `minBytes` of them on. */
export function chooseJobs(files: string[], request: CountRequest, jobs: number | undefined, minBytes = PARALLEL_MIN_BYTES): number {
  // Juilland's D needs corpus-wide token positions in file order: one thread keeps them exact.
  if (request.keepPositions) return 1;
  // A worker counts whole files: more workers than files would only wait.
  if (jobs !== undefined) return Math.min(jobs, files.length);
  let bytes = 0;
  for (const file of files) {
    bytes += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (bytes >= minBytes) return Math.min(availableParallelism(), files.length);
  }
  return 1;
}

/** Chunks waiting for each cut thread: one being cut, one queued behind it, so that the thread never waits. */
const CUTS_IN_FLIGHT = 2;

/**
 * Cut threads beside this thread, at most. Since the cut is WebAssembly, reading and counting here cost more than
 * the cut of either of two threads (20 MB, --jobs 2, perf: 1.2 s of CPU here, 0.85 s in each cut thread, of it
 * 0.47 s in the WebAssembly): beside one cut thread this thread cuts too while it would wait (lookahead), beside
 * two it only reads and counts (see countInThisThread); with more this thread would hold them up, and whole files counted on
 * a pool of workers go further. On two cores, --jobs 2 on cut threads took 5–12% less CPU than on the pool (no
 * pipeline loaded per worker, no merging of per-document counts), and the cut threads start while this thread
 * loads the dictionaries.
 */
const CUT_THREADS_MOST = 2;

/**
 * Units of text per message to the cut thread, at least: a message each way per chunk, and each wakes a thread
 * (with chunks of 8,192 units, posting the answers took the cut thread a third as long as cutting them on a
 * loaded machine). A report is one chunk; a file of one line still comes in bounded pieces.
 */
const CUT_THREAD_UNITS = 1 << 16;

/**
 * Counts in this thread while the segmenter cuts the next chunks off it (a pipeline), in file order. A request
 * that counts words where they stand (countsWhereWordsStand) has its chunks cut on `threads` threads of their own
 * into token ends, so that no token string is made on this thread (they cost it about as much as the cut), and
 * beside one cut thread it cuts the next chunk itself while the one it needs is still being cut; any other
 * request gets Words from the async cut.
 */
async function countInThisThread(files: string[], setup: CountSetup, request: CountRequest, options: CountFilesOptions, threads = 1): Promise<GroupedCounts> {
  const acc = new CountAccumulator(request);
  const tokenizer = tokenizerFor(setup);
  const counter = new FileCounter(tokenizer, request, acc.counter);
  // The thread starts at the first text to cut; the page-break repair's few short cuts stay on this thread.
  const endsCutter = counter.countsEnds && !setup.pos ? tokenizer.segmenter.endsCutter(threads) : undefined;
  const cutter: ChunkCutter<CutEnds> | undefined = endsCutter && {
    cut: (file, start, end) => (file.cached ? Promise.resolve({ ends: file.cached.ends! }) : endsCutter.ends(file.text.slice(start, end))),
    inFlight: CUTS_IN_FLIGHT * threads,
    units: CUT_THREAD_UNITS,
    // Beside one cut thread this one cuts ahead too; beside two they fill two cores, and its cuts only took CPU
    // from theirs (20 MB, best of 5, 2026-12-04: 1.01x the raw cut with them, 1.03x without).
    cutHere: threads > 1 ? undefined : (file, start, end) => (file.cached ? { ends: file.cached.ends! } : endsCutter.endsHere(file.text.slice(start, end))),
    busy: () => endsCutter.busy(),
  };
  let open: OpenFile | undefined;
  for await (const step of chunksCut<PreparedFile, Words | CutEnds>(tokenizer, files, (file) => counter.prepare(file), cutter)) {
    if (step.kind === 'whole') {
      mergeMessage(acc, step.prepared.message, options);
      options.onProgress?.(step.file, 1);
      continue;
    }
    const { prepared, start, end, words } = step;
    open ??= counter.open(prepared);
    if ('words' in words) open.add(start, words);
    else open.addEnds(start, words.ends, words.nodes);
    const share = end / prepared.file.text.length;
    if (share === 1) {
      const { ids, counts, ...doc } = open.close();
      acc.addIds(prepared.label, ids, counts, doc);
      open = undefined;
    }
    options.onProgress?.(step.file, share);
  }
  return acc.counts;
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
  const fileKeys: Array<string | undefined> = [];
  for (const file of files) {
    try {
      fileKeys.push(tokenizer.readFile(file).key);
    } catch (err) {
      // An unreadable file has no key: the run is not stored whole, and the file is reported (or skipped) when counted.
      if (err instanceof InputError) return undefined;
      throw err;
    }
  }
  const signature = requestSignature(request, tokenizer.outer.key);
  return TokenCache.derive(fileKeys.join(','), `${signature}\u0000${request.keepPerDoc}\u0000${request.keepPositions}`);
}

/**
 * Counts a list of files: in this thread for small corpora, with cut threads or on a thread pool for large ones
 * (cut threads for untagged counts of words where they stand, up to CUT_THREADS_MOST). With the cache,
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
  const onCutThreads = jobs <= 1 || (jobs <= CUT_THREADS_MOST && countsWhereWordsStand(request) && !setup.pos);
  // Unless told, the cut threads leave this thread a core of its own: it counts, and cuts ahead while it would
  // wait (beside one cut thread). On 2 cores one cut thread and two measured alike on 8–64 MB of reports, within
  // the noise (README, Speed and scale).
  const threads = options.jobs === undefined ? Math.min(jobs, Math.max(1, availableParallelism() - 1)) : jobs;
  const counts = onCutThreads ? await countInThisThread(files, setup, request, recording, Math.max(1, threads)) : await countInWorkers(files, setup, request, jobs, recording);
  // A run that skipped files is not stored whole: replayed, it would pass without --skip-bad.
  if (key && !skipped) {
    const memo: CorpusMemo = { counts: { ...counts, leftOut: [] }, leftOut: counts.leftOut };
    cache!.put(key, memo);
  }
  return counts;
}
