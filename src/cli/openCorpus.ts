import type { Document } from '../corpus/document.js';
import { InputError } from '../errors.js';
import { bundledCorpusPath, listCorpusFiles } from '../corpus/files.js';
import { readManifest } from '../corpus/manifest.js';
import type { CountRequest } from '../analysis/countCorpus.js';
import type { Grouping } from '../analysis/groups.js';
import type { GroupedCounts } from '../analysis/termCounts.js';
import { CorpusReader } from '../pipeline/corpusReader.js';
import { countFiles } from '../pipeline/countFiles.js';
import { collectSloganFiles } from '../pipeline/collectSloganFiles.js';
import type { LexiconEntry } from '../lexicon/lexicon.js';
import type { SloganCounts } from '../slogans/collectSlogans.js';
import type { CountFilesOptions, CountSetup } from '../pipeline/countMessages.js';
import { countCoocFiles } from '../pipeline/coocFiles.js';
import { countCollocateFiles } from '../pipeline/collocateFiles.js';
import type { CollocateCounts, CollocateRequest } from '../analysis/collocates.js';
import { tagsNeeded, type CoocCounts, type CoocRequest } from '../analysis/cooccurrence.js';
import { defaultCacheDir } from '../pipeline/tokenCache.js';
import type { Segmenter } from '../segment/token.js';
import { defaultGrouping } from './defaultGrouping.js';
import { noteLeftOut } from './leftOut.js';
import type { CorpusFlags, CountingFlags } from './options.js';
import { progressFor, type Progress } from './progress.js';
import { firstFew, warn } from './terminal.js';
import { noteForcedEncoding } from './forcedEncoding.js';

export function corpusPaths(paths: string[] | undefined): string[] {
  return paths && paths.length > 0 ? paths : [bundledCorpusPath()];
}

/** The files of a corpus; rows of a --meta table that name none of them are noted (most often a typo). */
function corpusFiles(paths: string[] | undefined, flags: CorpusFlags): string[] {
  const files = listCorpusFiles(corpusPaths(paths));
  noteForcedEncoding(files, flags.encoding);
  if (flags.meta) {
    const { unmatched, ambiguous } = readManifest(flags.meta).check(files);
    if (unmatched.length > 0) warn(`${unmatched.length} row(s) of ${flags.meta} name no file of the corpus: ${firstFew(unmatched)}`);
    if (ambiguous.length > 0) {
      warn(`${ambiguous.length} row(s) of ${flags.meta} name files in several folders (give the path instead): ${firstFew(ambiguous)}`);
    }
  }
  return files;
}

/** What reading and segmenting depend on, from a command's flags (the cache unless --no-cache). */
function setupFrom(flags: CorpusFlags, pos: boolean): CountSetup {
  return {
    segmenter: {
      backend: flags.segmenter,
      userDicts: flags.dict,
      compound: flags.compound,
      lexiconFiles: flags.lexicon,
      bundledLexicon: flags.bundledLexicon,
    },
    read: { encoding: flags.encoding, metaFromName: flags.metaFromName, metaFile: flags.meta, toSimplified: flags.toSimplified },
    pos,
    cacheDir: flags.cache === false ? undefined : defaultCacheDir(),
  };
}

/** A corpus opened for reading: its documents, and the segmenter that cuts them through the token cache. */
export interface OpenCorpus {
  docs: Iterable<Document>;
  segmenter: Segmenter;
}

/**
 * Opens a corpus the one way every command does: its files through the token cache (unless --no-cache), with
 * a progress bar on a terminal for long runs. `pos`: the command's cuts are tagged; `rereads`: the command
 * reads the documents once per analysis (see CorpusReader); the bar follows the first pass, which cuts them.
 */
export function openCorpus(paths: string[] | undefined, flags: CorpusFlags, options: { pos?: boolean; rereads?: boolean } = {}): OpenCorpus {
  const files = corpusFiles(paths, flags);
  const reader = new CorpusReader(files, setupFrom(flags, Boolean(options.pos)), { skipBad: flags.skipBad, warn, rereads: options.rereads });
  const progress = progressFor(files);
  let passes = 0;
  return {
    docs: { [Symbol.iterator]: () => (passes++ === 0 ? tracked(reader.documents(), progress, files.length) : reader.documents()) },
    segmenter: reader.segmenter,
  };
}

/** A document counts as done when the next one is asked for (its reader has finished with it). */
function* tracked(docs: Iterable<Document>, progress: Progress, files: number): Generator<Document> {
  let read = 0;
  try {
    for (const doc of docs) {
      read++;
      yield doc;
      progress.fileDone(doc.path);
    }
  } finally {
    progress.finish();
  }
  if (read === 0 && files > 0) throw allSkipped(files);
}

/**
 * Every file skipped (--skip-bad) leaves nothing to analyse: an empty table with exit 0 would read as a corpus
 * without a single use of anything.
 */
function allSkipped(files: number): InputError {
  return new InputError(`no document to analyse: all ${files} file(s) were skipped as not text`);
}

/** The warn of a pipeline count, whose only messages are files skipped (--skip-bad), counting them. */
function skipCounter(note: (message: string) => void): { warn: (message: string) => void; skipped: () => number } {
  let skipped = 0;
  return {
    warn: (message) => {
      skipped++;
      note(message);
    },
    skipped: () => skipped,
  };
}

/** Runs a pipeline count over a corpus's files, with the progress bar; the caller notes the documents left out. */
async function overFiles<T extends Grouping>(
  files: string[],
  flags: CorpusFlags & CountingFlags,
  pos: boolean,
  count: (files: string[], setup: CountSetup, options: CountFilesOptions) => Promise<T>,
  note: (message: string) => void = warn,
): Promise<T> {
  const progress = progressFor(files);
  const skips = skipCounter(note);
  const counts = await count(files, setupFrom(flags, pos), {
    jobs: flags.jobs,
    skipBad: flags.skipBad,
    warn: skips.warn,
    onProgress: progress.advance,
  }).finally(progress.finish);
  if (files.length > 0 && skips.skipped() >= files.length) throw allSkipped(files.length);
  return counts;
}

/** overFiles with the note on the documents left out of the count's grouping. */
async function notedOverFiles<T extends Grouping>(
  paths: string[] | undefined,
  flags: CorpusFlags & CountingFlags,
  pos: boolean,
  count: (files: string[], setup: CountSetup, options: CountFilesOptions) => Promise<T>,
): Promise<T> {
  const counts = await overFiles(corpusFiles(paths, flags), flags, pos, count);
  noteLeftOut(counts);
  return counts;
}

/**
 * The lexicon slogan counts of a corpus (`themes`): cut tagged, as `tifa slogans` cuts, so both read the same
 * token cache; for large corpora on worker threads (--jobs), merged in corpus order.
 */
export async function collectCorpusSlogans(
  paths: string[] | undefined,
  flags: CorpusFlags & CountingFlags,
  options: { field?: string; lexicon: readonly LexiconEntry[] },
): Promise<SloganCounts> {
  const files = corpusFiles(paths, flags);
  const progress = progressFor(files);
  const skips = skipCounter(warn);
  const counts = await collectSloganFiles(files, setupFrom(flags, true), { ...options, jobs: flags.jobs, skipBad: flags.skipBad, warn: skips.warn, onFileDone: progress.fileDone }).finally(
    progress.finish,
  );
  if (files.length > 0 && skips.skipped() >= files.length) throw allSkipped(files.length);
  return counts;
}

/**
 * Reads, segments and counts a corpus (through the token cache and, for large corpora, worker threads),
 * noting on stderr the documents left out of a grouped count.
 */
export function countCorpusFiles(paths: string[] | undefined, flags: CorpusFlags & CountingFlags, request: CountRequest): Promise<GroupedCounts> {
  return notedOverFiles(paths, flags, Boolean(request.filter?.pos), (files, setup, options) => countFiles(files, setup, request, options));
}

/** countCorpusFiles grouped by --by, or without it by the default grouping (defaultGrouping). */
export async function countCorpusGroups(
  paths: string[] | undefined,
  flags: CorpusFlags & CountingFlags & { by?: string },
  request: Omit<CountRequest, 'field'>,
): Promise<GroupedCounts> {
  const files = corpusFiles(paths, flags);
  const pos = Boolean(request.filter?.pos);
  // A second count (the default grouping's fallback) skips the same bad files: each is noted once.
  const noted = new Set<string>();
  const once = (message: string) => {
    if (!noted.has(message)) warn(message);
    noted.add(message);
  };
  const count = (field: string) => overFiles(files, flags, pos, (all, setup, options) => countFiles(all, setup, { ...request, field }, options), once);
  return (await defaultGrouping(flags.by, count)).grouping;
}

/** Collocates of a corpus, read the same way (the chunked pipeline, the token cache, workers). */
export function countCorpusCollocates(paths: string[] | undefined, flags: CorpusFlags & CountingFlags, request: CollocateRequest): Promise<CollocateCounts> {
  return notedOverFiles(paths, flags, Boolean(request.filter?.pos), (files, setup, options) => countCollocateFiles(files, setup, request, options));
}

/** Co-occurrence counts of a corpus, read the same way (the pipeline, the token cache, workers). */
export function countCorpusCooc(paths: string[] | undefined, flags: CorpusFlags & CountingFlags, request: CoocRequest): Promise<CoocCounts> {
  return notedOverFiles(paths, flags, tagsNeeded(request.terms), (files, setup, options) => countCoocFiles(files, setup, request, options));
}
