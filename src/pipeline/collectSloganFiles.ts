import type { Document } from '../corpus/document.js';
import { InputError } from '../errors.js';
import type { LexiconEntry } from '../lexicon/lexicon.js';
import { collectSlogans, type SloganCounts } from '../slogans/collectSlogans.js';
import { mergeSloganCounts } from '../slogans/mergeSlogans.js';
import type { CountSetup } from './countMessages.js';
import { CorpusReader } from './corpusReader.js';
import { chooseJobs } from './countFiles.js';
import { inWorkers } from './orderedPool.js';

/**
 * Below this a pool of tagging workers costs more than it saves: each loads the native tagger and compiles the
 * collection for itself. On 2 cores, `themes --jobs 2` against `--jobs 1`, three alternating runs each
 * (2026-12-04): 12–20% slower on 4.2 MB, 2–10% faster on 8.4 MB, 17–20% faster on 13.6 MB, with 1.8× the peak RSS.
 */
const TAGGED_PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

/** Parts per thread: enough to keep the threads busy to the end, few enough that merging them costs nothing. */
const PARTS_PER_THREAD = 4;

export interface CollectFilesOptions {
  field?: string;
  lexicon: readonly LexiconEntry[];
  jobs?: number;
  skipBad?: boolean;
  warn: (message: string) => void;
  /** Called as each file's counts are in (a progress bar). */
  onFileDone?: (file: string) => void;
}

/** What a worker sends back for a run of consecutive files: their counts, and the notes to replay in order. */
export type CollectedPart =
  | { kind: 'counts'; files: string[]; counts: SloganCounts; warnings: string[] }
  | { kind: 'error'; message: string };

/** A document counts as done when the next one is asked for. */
function* tracked(docs: Iterable<Document>, onFileDone: (file: string) => void): Generator<Document> {
  for (const doc of docs) {
    yield doc;
    onFileDone(doc.path);
  }
}

/**
 * Lexicon slogan counts (what `themes` tabulates) of a list of files: in this thread for small corpora, else on
 * a thread pool, each thread collecting runs of consecutive files through the token cache, merged in corpus
 * order (mergeSloganCounts), so the counts, first uses, left-out documents and notes are those of one run here.
 */
export async function collectSloganFiles(files: string[], setup: CountSetup, options: CollectFilesOptions): Promise<SloganCounts> {
  const jobs = chooseJobs(files, {}, options.jobs, TAGGED_PARALLEL_MIN_BYTES);
  if (jobs <= 1) {
    const reader = new CorpusReader(files, setup, { skipBad: options.skipBad, warn: options.warn });
    const { onFileDone } = options;
    const docs = onFileDone ? tracked(reader.documents(), onFileDone) : reader.documents();
    return collectSlogans(docs, reader.segmenter, { field: options.field, lexicon: options.lexicon });
  }
  const size = Math.ceil(files.length / (jobs * PARTS_PER_THREAD));
  const parts: string[][] = [];
  for (let at = 0; at < files.length; at += size) parts.push(files.slice(at, at + size));
  let merged: SloganCounts | undefined;
  await inWorkers<string[], unknown, CollectedPart>(
    new URL('./sloganWorker.js', import.meta.url),
    setup,
    parts,
    jobs,
    (part) => ({ files: part, setup, field: options.field, skipBad: options.skipBad }),
    (_part, result) => {
      if (result.kind === 'error') throw new InputError(result.message);
      result.warnings.forEach(options.warn);
      merged = merged ? mergeSloganCounts([merged, result.counts]) : result.counts;
      result.files.forEach((file) => options.onFileDone?.(file));
    },
    undefined,
    { lexicon: options.lexicon },
  );
  // One run lists a slogan's uses up to the last group that has any (a shard prints them): merging pads zeros.
  for (const stats of merged!.slogans.values()) while (stats.byGroup.length > 0 && stats.byGroup[stats.byGroup.length - 1] === 0) stats.byGroup.pop();
  return merged!;
}
