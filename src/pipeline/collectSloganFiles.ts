import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Document } from '../corpus/document.js';
import { InputError } from '../errors.js';
import type { LexiconEntry } from '../lexicon/lexicon.js';
import { builtVocabularies } from '../segment/createSegmenter.js';
import { collectSlogans, type SloganCounts } from '../slogans/collectSlogans.js';
import { mergeSloganCounts } from '../slogans/mergeSlogans.js';
import type { CountSetup } from './countMessages.js';
import { CorpusReader } from './corpusReader.js';

/** Below this a thread pool costs more (a dictionary load per thread) than it saves, as for counting. */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
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

function chooseJobs(files: string[], jobs: number | undefined): number {
  if (jobs !== undefined) return Math.min(jobs, files.length);
  let bytes = 0;
  for (const file of files) {
    bytes += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (bytes >= PARALLEL_MIN_BYTES) return Math.min(availableParallelism(), files.length);
  }
  return 1;
}

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
  const jobs = chooseJobs(files, options.jobs);
  if (jobs <= 1) {
    const reader = new CorpusReader(files, setup, { skipBad: options.skipBad, warn: options.warn });
    const { onFileDone } = options;
    const docs = onFileDone ? tracked(reader.documents(), onFileDone) : reader.documents();
    return collectSlogans(docs, reader.segmenter, { field: options.field, lexicon: options.lexicon });
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./sloganWorker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    workerData: { vocabularies: builtVocabularies(), lexicon: options.lexicon },
  });
  const size = Math.ceil(files.length / (jobs * PARTS_PER_THREAD));
  const tasks: Array<Promise<CollectedPart>> = [];
  try {
    for (let at = 0; at < files.length; at += size) {
      const task = pool.run({ files: files.slice(at, at + size), setup, field: options.field, skipBad: options.skipBad }) as Promise<CollectedPart>;
      // Awaited in order below; this keeps a failure of a later part from counting as unhandled meanwhile.
      task.catch(() => {});
      tasks.push(task);
    }
    let merged: SloganCounts | undefined;
    for (const task of tasks) {
      const part = await task;
      if (part.kind === 'error') throw new InputError(part.message);
      part.warnings.forEach(options.warn);
      merged = merged ? mergeSloganCounts([merged, part.counts]) : part.counts;
      part.files.forEach((file) => options.onFileDone?.(file));
    }
    // One run lists a slogan's uses up to the last group that has any (a shard prints them): merging pads zeros.
    for (const stats of merged!.slogans.values()) while (stats.byGroup.length > 0 && stats.byGroup[stats.byGroup.length - 1] === 0) stats.byGroup.pop();
    return merged!;
  } finally {
    await pool.destroy();
  }
}
