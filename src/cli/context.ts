import { Chalk, type ChalkInstance } from 'chalk';
import { HIDDEN_FIELDS, type Document } from '../corpus/document.js';
import { bundledCorpusPath } from '../corpus/files.js';
import { readManifest } from '../corpus/manifest.js';
import { readFiles } from '../corpus/readCorpus.js';
import { createSegmenter } from '../segment/createSegmenter.js';
import type { Segmenter } from '../segment/token.js';
import { TABLE_FORMATS } from '../format/formatters.js';
import type { ResultTable } from '../format/table.js';
import type { FilterOptions } from '../analysis/tokenFilter.js';
import type { TokenClass } from '../analysis/tokenClasses.js';
import type { CountRequest } from '../analysis/countCorpus.js';
import type { GroupedCounts } from '../analysis/termCounts.js';
import { listCorpusFiles } from '../corpus/files.js';
import { countFiles } from '../pipeline/countFiles.js';
import { cachedSegmenter } from '../pipeline/cachedSegmenter.js';
import { defaultCacheDir } from '../pipeline/tokenCache.js';
import { loadStopwords } from '../segment/stopwords.js';
import { commaList, type CorpusFlags, type CountingFlags, type FilterFlags, type OutputFlags } from './options.js';
import { progressFor, wipeProgress, type Progress } from './progress.js';
import { emit } from './writeOutput.js';
import { UsageError } from '../errors.js';

/** Messages for the user go to stderr, never into the data on stdout. */
export function warn(message: string): void {
  wipeProgress();
  process.stderr.write(`tifa: ${message}\n`);
}

/** Colour only on a terminal, never with NO_COLOR (no-color.org) and never into a file. */
export function colorFor(stream: NodeJS.WriteStream, toFile = false): ChalkInstance {
  const enabled = !toFile && Boolean(stream.isTTY) && !process.env.NO_COLOR;
  return new Chalk({ level: enabled ? 1 : 0 });
}

export function corpusPaths(paths: string[] | undefined): string[] {
  return paths && paths.length > 0 ? paths : [bundledCorpusPath()];
}

/** The documents of a corpus, read one at a time, with a progress bar on a terminal for long runs. */
export function documents(paths: string[] | undefined, flags: CorpusFlags): Generator<Document> {
  const files = corpusFiles(paths, flags);
  const docs = readFiles(files, {
    encoding: flags.encoding,
    metaFromName: flags.metaFromName,
    metaFile: flags.meta,
    toSimplified: flags.toSimplified,
    onBadFile: flags.skipBad ? 'skip' : 'stop',
    warn,
  });
  return tracked(docs, progressFor(files));
}

/** Names for a one-line note: the first five, then … */
function firstFew(names: string[]): string {
  return names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
}

/** The files of a corpus; rows of a --meta table that name none of them are noted (most often a typo). */
function corpusFiles(paths: string[] | undefined, flags: CorpusFlags): string[] {
  const files = listCorpusFiles(corpusPaths(paths));
  if (flags.meta) {
    const { unmatched, ambiguous } = readManifest(flags.meta).check(files);
    if (unmatched.length > 0) warn(`${unmatched.length} row(s) of ${flags.meta} name no file of the corpus: ${firstFew(unmatched)}`);
    if (ambiguous.length > 0) {
      warn(`${ambiguous.length} row(s) of ${flags.meta} name files in several folders (give the path instead): ${firstFew(ambiguous)}`);
    }
  }
  return files;
}

/** A document counts as done when the next one is asked for (its reader has finished with it). */
function* tracked(docs: Iterable<Document>, progress: Progress): Generator<Document> {
  try {
    for (const doc of docs) {
      yield doc;
      progress.fileDone(doc.path);
    }
  } finally {
    progress.finish();
  }
}

/** The segmenter of a command, through the token cache unless the command has --no-cache and it was given. */
export function segmenterFor(flags: CorpusFlags & { cache?: boolean }): Segmenter {
  const segmenter = createSegmenter({ backend: flags.segmenter, userDicts: flags.dict, compound: flags.compound });
  return flags.cache === false ? segmenter : cachedSegmenter(segmenter, defaultCacheDir());
}

export function printTable(table: ResultTable, flags: OutputFlags): void {
  const color = colorFor(process.stdout, Boolean(flags.output));
  emit(TABLE_FORMATS[flags.format](table, { bom: flags.bom, color }), flags);
}

/** What --content-words adds to the filter. */
export const CONTENT_WORDS = { stopwords: 'zh,domain', drop: ['numbers', 'latin'] as TokenClass[] };

export function filterFrom(flags: FilterFlags): FilterOptions {
  const lists = [flags.stopwords, flags.contentWords ? CONTENT_WORDS.stopwords : undefined].filter(Boolean).join(',');
  const drop = [...new Set([...(flags.drop ?? []), ...(flags.contentWords ? CONTENT_WORDS.drop : [])])];
  return {
    stopwords: lists ? loadStopwords(lists) : undefined,
    pos: flags.pos ? commaList(flags.pos) : undefined,
    minLength: flags.minLength,
    drop: drop.length > 0 ? drop : undefined,
  };
}

/**
 * Notes on stderr which documents a grouped table leaves out, once, after counting; a field that no
 * document has is a usage error (most likely a typo), named with the fields that do exist.
 */
export function leftOutReporter(field: string | undefined): {
  onLeftOut: (doc: { id: string; meta: Record<string, string> }) => void;
  report: (groupsFound: number) => void;
} {
  const ids: string[] = [];
  const seenFields = new Set<string>();
  return {
    onLeftOut: (doc) => {
      ids.push(doc.id);
      for (const key of Object.keys(doc.meta)) if (!HIDDEN_FIELDS.has(key)) seenFields.add(key);
    },
    report: (groupsFound) => {
      if (groupsFound === 0 && ids.length > 0) {
        throw new UsageError(`no document has the field "${field}"; fields present: ${[...seenFields].sort().join(', ')}`);
      }
      if (ids.length > 0) {
        warn(`${ids.length} document(s) without "${field}" left out: ${firstFew(ids)}`);
      }
    },
  };
}

/**
 * Reads, segments and counts a corpus (through the token cache and, for large corpora, worker threads),
 * noting on stderr the documents left out of a grouped count.
 */
export async function countCorpusFiles(
  paths: string[] | undefined,
  flags: CorpusFlags & CountingFlags,
  request: CountRequest,
): Promise<GroupedCounts> {
  const leftOut = leftOutReporter(request.field);
  const files = corpusFiles(paths, flags);
  const progress = progressFor(files);
  const counts = await countFiles(
    files,
    {
      segmenter: { backend: flags.segmenter, userDicts: flags.dict, compound: flags.compound },
      read: { encoding: flags.encoding, metaFromName: flags.metaFromName, metaFile: flags.meta, toSimplified: flags.toSimplified },
      pos: Boolean(request.filter?.pos),
      cacheDir: flags.cache ? defaultCacheDir() : undefined,
    },
    request,
    { jobs: flags.jobs, skipBad: flags.skipBad, warn, onLeftOut: leftOut.onLeftOut, onProgress: progress.advance },
  ).finally(progress.finish);
  leftOut.report(counts.groups.length);
  return counts;
}
