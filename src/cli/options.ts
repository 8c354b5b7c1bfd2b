import { Command, InvalidArgumentError, Option } from 'commander';
import type { FilterOptions } from '../analysis/tokenFilter.js';
import { TABLE_FORMATS } from '../format/formatters.js';
import { TOKEN_CLASSES, type TokenClass } from '../analysis/tokenClasses.js';
import { UsageError } from '../errors.js';
import { CacheStore } from '../pipeline/cacheStore.js';
import { defaultCacheDir } from '../pipeline/tokenCache.js';
import { posTags } from '../segment/createSegmenter.js';
import { loadStopwords } from '../segment/stopwords.js';
import { checkOutputTarget } from './writeOutput.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Options of every command that reads a corpus. */
export function corpusOptions(cmd: Command): Command {
  const formulations = FORMULATION_UNITS[cmd.name()];
  if (formulations) {
    cmd.hook('preAction', (command) => {
      if (command.getOptionValue('compound') === undefined && formulations(command.opts())) command.setOptionValue('compound', true);
    });
  }
  return cmd
    .option('--encoding <name>', 'force a decoding (utf8, utf16le, utf16be, gb18030, gbk, big5) instead of detecting it')
    .option('--meta-from-name <pattern>', "fill metadata from file names, e.g. 'gwr_{year}'; repeatable: the first pattern that matches a name applies", collect)
    .option('--meta <file>', 'metadata table: CSV (TSV if .tsv, JSON if .json or .jsonl) with a "file" column naming each document, other columns are fields')
    .option('--skip-bad', 'skip files that are not text (binary, undecodable or empty) with a warning instead of stopping')
    .addOption(new Option('--segmenter <name>', 'segmentation backend').choices(['node-rs', 'nodejieba']).default('node-rs'))
    .option('--dict <file>', 'extra jieba user dictionary (word freq [pos] per line); repeatable', collect)
    .option('--compound', 'join the lexicon formulations too (phrases with 、, clause-like ones such as 以经济建设为中心, forms outside the terminology dictionary) into one token; the default of slogans, themes, report, plot, collocates and cooc --slogans')
    .option('--no-compound', 'join nothing: tokens are jieba\'s words, dictionary terms jieba cuts into words (两个|确立) included')
    .option('--no-cache', 'do not read or write the token cache ($TIFA_CACHE_DIR or ~/.cache/tifa)')
    .option('--lexicon <file>', 'your own slogan lexicon (dict/slogans.tsv format), added to the bundled one; repeatable', collect)
    .option('--no-bundled-lexicon', 'use only the --lexicon files, not the bundled lexicon')
    .option('--to-simplified', 'count traditional characters as simplified (OpenCC): 國家 and 国家 are one term');
}

/**
 * The commands whose items are formulations, and when: they read every lexicon phrase as one token unless
 * --no-compound, where word statistics join only the names of the dictionary (see segmenterVocabulary). Slogans
 * and their co-occurrence, dispersion and collocates count a formulation as one item, as quanteda's
 * tokens_compound before such an analysis. One list, read by corpusOptions.
 */
const FORMULATION_UNITS: Readonly<Record<string, (opts: Record<string, unknown>) => boolean>> = {
  slogans: () => true,
  themes: () => true,
  report: () => true,
  plot: () => true,
  collocates: () => true,
  cooc: (opts) => Boolean(opts.slogans),
};

/** --output is checked before any work: a run of minutes must not end in "exists; pass --force". */
export function checkOutputFirst(cmd: Command): Command {
  return cmd.hook('preAction', (command) => {
    const { output, force } = command.opts<{ output?: string; force?: boolean }>();
    if (output) checkOutputTarget(output, Boolean(force));
  });
}

/** Options of every command that prints a table. */
export function outputOptions(cmd: Command, formats: string[] = [...Object.keys(TABLE_FORMATS), 'xlsx']): Command {
  return checkOutputFirst(cmd)
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(formats[0]))
    .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
    .option('--force', 'overwrite an existing --output file')
    .option('--bom', 'start CSV/TSV with a UTF-8 byte-order mark (Excel)')
    .option('--sheet <name>', 'xlsx: the name of the sheet', cmd.name())
    .option('--long', 'a table with columns per group as one row per item and group instead (tidy)');
}

export interface CorpusFlags {
  encoding?: string;
  metaFromName?: string[];
  meta?: string;
  skipBad?: boolean;
  segmenter?: string;
  dict?: string[];
  compound?: boolean;
  /** False with --no-cache. */
  cache?: boolean;
  lexicon?: string[];
  /** False with --no-bundled-lexicon. */
  bundledLexicon?: boolean;
  toSimplified?: boolean;
}

export interface OutputFlags {
  format: string;
  /** The sheet name of the table in an xlsx workbook (the command's name). */
  sheet?: string;
  long?: boolean;
  output?: string;
  force?: boolean;
  bom?: boolean;
}

/** Options that choose which tokens count. */
export function filterOptions(cmd: Command): Command {
  return cmd
    .option('--stopwords <lists>', 'drop stopwords: comma list of zh (stopwords-iso), domain (dict/), or a file')
    .option('--pos <tags>', 'keep only tokens whose POS tag starts with one of these, e.g. n,v,nz')
    .option('--min-length <n>', 'drop tokens shorter than n characters', positiveInt, 1)
    .option('--drop <classes>', `drop token classes: ${TOKEN_CLASSES.join(', ')} (comma-separated)`, tokenClasses)
    .option('--content-words', 'content words only: the same as --stopwords zh,domain --drop numbers,latin (added to what you give)');
}

function tokenClasses(value: string): TokenClass[] {
  const classes = commaList(value);
  const unknown = classes.find((c) => !(TOKEN_CLASSES as readonly string[]).includes(c));
  if (unknown !== undefined) throw new InvalidArgumentError(`unknown class "${unknown}"; classes: ${TOKEN_CLASSES.join(', ')}`);
  return classes as TokenClass[];
}

export interface FilterFlags {
  stopwords?: string;
  pos?: string;
  minLength: number;
  drop?: TokenClass[];
  contentWords?: boolean;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number ≥ 0');
  return n;
}

export function commaList(value: string): string[] {
  return value.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
}

/** Options of the commands that count on worker threads (freq, compare). */
export function countingOptions(cmd: Command): Command {
  return cmd.option('--jobs <n>', 'worker threads (default: one per core for corpora over 4 MB, one cut thread on two cores, else none)', positiveInt);
}

export interface CountingFlags {
  jobs?: number;
}

/** What --content-words adds to the filter. */
export const CONTENT_WORDS = { stopwords: 'zh,domain', drop: ['numbers', 'latin'] as TokenClass[] };

/** A --pos prefix that no tag the segmenter gives starts with is a typo: the table would be silently empty. */
function checkPos(pos: string[], userDicts: string[] | undefined, cache: boolean): void {
  // The tags come from the segmenter's vocabulary, which the cache folder keeps between runs (unless --no-cache).
  const tags = [...posTags(userDicts, cache ? new CacheStore(defaultCacheDir()) : undefined)];
  const matchless = pos.filter((prefix) => !tags.some((tag) => tag.startsWith(prefix)));
  if (matchless.length > 0) {
    throw new UsageError(`--pos ${matchless.join(',')}: no part-of-speech tag starts with this; the tags are ${tags.sort().join(' ')}`);
  }
}

export function filterFrom(flags: FilterFlags & Pick<CorpusFlags, 'dict' | 'cache'>): FilterOptions {
  if (flags.pos) checkPos(commaList(flags.pos), flags.dict, flags.cache !== false);
  const lists = [flags.stopwords, flags.contentWords ? CONTENT_WORDS.stopwords : undefined].filter(Boolean).join(',');
  const drop = [...new Set([...(flags.drop ?? []), ...(flags.contentWords ? CONTENT_WORDS.drop : [])])];
  return {
    stopwords: lists ? loadStopwords(lists) : undefined,
    pos: flags.pos ? commaList(flags.pos) : undefined,
    minLength: flags.minLength,
    drop: drop.length > 0 ? drop : undefined,
  };
}
