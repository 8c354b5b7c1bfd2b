import { Command } from 'commander';
import { groupedCountsFromData, groupedCountsToData, mergeGroupedCounts, type GroupedCountsData } from '../../analysis/mergeFrequency.js';
import { coocCountsFromData, coocCountsOf, mergeCoocCounts, type CoocShardCounts } from '../../analysis/mergeCooc.js';
import { mergeTrendCounts, trendCountsFromData, type TrendShardCounts } from '../../analysis/mergeTrend.js';
import type { GroupedCounts } from '../../analysis/termCounts.js';
import { InputError } from '../../errors.js';
import type { PagedTable, ResultTable } from '../../resultTable.js';
import type { SloganCounts } from '../../slogans/collectSlogans.js';
import { mergeSloganCounts, sloganCountsFromData, sloganCountsToData, type SloganCountsData } from '../../slogans/mergeSlogans.js';
import { themeTable } from '../../slogans/themeTable.js';
import { mergeShardQuotes, quotedFormsTable, shardQuotesFromData, unionOfForms, type ShardQuotes } from '../../slogans/corpusQuotes.js';
import { NgramCounter, ngramCountsFromData, type NgramCountsData } from '../../slogans/ngramCandidates.js';
import { outputOptions, positiveInt, type OutputFlags } from '../options.js';
import { checkShards, readShard, SHARD_VERSION, type Shard, type ShardFile } from '../shard.js';
import { printResult } from '../terminal.js';
import { emit } from '../writeOutput.js';
import { compareTable } from './compare.js';
import { coocTableOf, termTop } from './cooc.js';
import { freqTable } from './freq.js';
import { QUOTED_FORMS_SHARD, slogansTable } from './slogans.js';
import { trendTableOf } from './trend.js';

interface MergeFlags extends OutputFlags {
  top?: number;
  minCount?: number;
  shard?: boolean;
}

/** How each mergeable command's counts are read, merged, written back and made into its table. */
interface Merger<C> {
  read(data: unknown): C | undefined;
  merge(parts: C[]): C;
  write(counts: C): unknown;
  table(counts: C, options: Record<string, unknown>, flags: MergeFlags): ResultTable | PagedTable;
  /** Refuses parts whose merge would not be one run's counts (`staged`: merge --shard, a stage of a larger merge). */
  check?(parts: C[], files: string[], staged: boolean): void;
}

function wordCounts(table: (counts: GroupedCounts, options: Record<string, unknown>) => ResultTable): Merger<GroupedCounts> {
  return { read: (data) => groupedCountsFromData(data as GroupedCountsData), merge: mergeGroupedCounts, write: groupedCountsToData, table };
}
function sloganCounts(table: (counts: SloganCounts, options: Record<string, unknown>) => ResultTable): Merger<SloganCounts> {
  return { read: (data) => sloganCountsFromData(data as SloganCountsData), merge: mergeSloganCounts, write: sloganCountsToData, table };
}

/** slogans counts: with the stamp of the quoted forms they were counted with (corpusQuotes.ts). */
interface QuotedSloganCounts {
  counts: SloganCounts;
  quotes: ShardQuotes;
  /** The n-gram counts of --discover. */
  ngrams?: NgramCountsData;
}

/** A counter of n-grams holding `parts` (given in corpus order); it only adds, so no edge stopwords are needed. */
function ngramCounter(parts: ReadonlyArray<{ data: NgramCountsData; groupNumbers: readonly number[] }>): NgramCounter {
  const counter = new NgramCounter(new Set());
  for (const { data, groupNumbers } of parts) counter.addData(data, groupNumbers);
  return counter;
}

const quotedSlogans: Merger<QuotedSloganCounts> = {
  read: (data) => {
    const counts = sloganCountsFromData(data as SloganCountsData);
    const quotes = shardQuotesFromData((data as { quotes?: unknown } | null)?.quotes);
    const raw = (data as { ngrams?: unknown } | null)?.ngrams;
    const ngrams = raw === undefined ? undefined : ngramCountsFromData(raw);
    return counts && quotes && (raw === undefined || ngrams) ? { counts, quotes, ngrams } : undefined;
  },
  merge: (parts) => {
    const counts = mergeSloganCounts(parts.map((p) => p.counts));
    const quotes = mergeShardQuotes(parts.map((p) => p.quotes)).quotes;
    // Shards of one merge are all --discover or none (checkShards compares their options).
    if (!parts[0].ngrams) return { counts, quotes };
    const numbered = parts.map((p) => ({ data: p.ngrams!, groupNumbers: p.counts.groups.map((label) => counts.groups.indexOf(label)) }));
    return { counts, quotes, ngrams: ngramCounter(numbered).toData() };
  },
  write: ({ counts, quotes, ngrams }) => ({ ...sloganCountsToData(counts), quotes, ...(ngrams ? { ngrams } : {}) }),
  table: ({ counts, ngrams }, options, flags) => {
    const counter = ngrams ? ngramCounter([{ data: ngrams, groupNumbers: counts.groups.map((_, g) => g) }]) : undefined;
    return slogansTable({ ...counts, ngramCounter: counter }, options as Parameters<typeof slogansTable>[1], flags.format);
  },
  check: (parts, files, staged) => {
    const { quotes, differs, complete } = mergeShardQuotes(parts.map((p) => p.quotes));
    const fix = 'count every part with --quoted-from, the merge --shard of the slogans --quoted-forms shards of exactly the parts merged';
    if (differs !== undefined) {
      const [a, b] = [parts[0].quotes.countedWith.forms, parts[differs].quotes.countedWith.forms];
      throw new InputError(`${files[0]} and ${files[differs]} were counted with different quoted formulations (${a}, ${b}): ${fix}`);
    }
    if (!staged && !complete) {
      const n = quotes.countedWith.forms;
      throw new InputError(`the shards quote ${quotes.own.length} formulations together but were counted with ${n === quotes.own.length ? 'another' : n} (a part missing, or counted without --quoted-from?): ${fix}`);
    }
  },
};

/** Step one of sharded slogans: the forms the parts quote, and those their wording names (none in an older shard). */
interface CorpusForms {
  forms: string[];
  named: string[];
}
const isForms = (forms: unknown): forms is string[] => Array.isArray(forms) && forms.every((f) => typeof f === 'string');

const quotedForms: Merger<CorpusForms> = {
  read: (data) => {
    const { forms, named = [] } = (data ?? {}) as { forms?: unknown; named?: unknown };
    return isForms(forms) && isForms(named) ? { forms, named } : undefined;
  },
  merge: (parts) => ({ forms: unionOfForms(parts.map((p) => p.forms)), named: unionOfForms(parts.map((p) => p.named)) }),
  write: (forms) => forms,
  table: ({ forms }) => quotedFormsTable(forms),
};

/** Options as the command's table functions take them: what the shards were counted with, as JSON holds it. */
type Options<F extends (c: never, o: never) => unknown> = Parameters<F>[1];

// The options are those the shards were made with: the table is the one that command would have printed.
const MERGERS: Record<
  string,
  Merger<GroupedCounts> | Merger<SloganCounts> | Merger<QuotedSloganCounts> | Merger<CorpusForms> | Merger<TrendShardCounts> | Merger<CoocShardCounts>
> = {
  freq: wordCounts((counts, options) => freqTable(counts, options as Options<typeof freqTable>)),
  compare: wordCounts((counts, options) => compareTable(counts, options as Options<typeof compareTable>)),
  themes: sloganCounts((counts) => themeTable(counts)),
  slogans: quotedSlogans,
  [QUOTED_FORMS_SHARD]: quotedForms,
  trend: {
    read: (data) => trendCountsFromData(data as TrendShardCounts),
    merge: mergeTrendCounts,
    write: (counts) => counts,
    table: (counts, options) => trendTableOf(counts, options as Options<typeof trendTableOf>),
  } satisfies Merger<TrendShardCounts>,
  // Shards hold every term of the set: the merged counts choose the top terms and those reaching --min.
  cooc: {
    read: coocCountsFromData,
    merge: mergeCoocCounts,
    write: (counts) => counts,
    table: (counts, options) => coocTableOf(coocCountsOf(counts, termTop(options), Number(options.min ?? 1)), options as Options<typeof coocTableOf>),
  } satisfies Merger<CoocShardCounts>,
};

function mergeShards<C>(merger: Merger<C>, shards: ShardFile[], flags: MergeFlags): void {
  const parts = shards.map(({ file, shard }) => {
    const counts = merger.read(shard.counts);
    if (!counts) throw new InputError(`${file}: the counts of this ${shard.command} shard are damaged or of another version`);
    return counts;
  });
  merger.check?.(parts, shards.map((s) => s.file), Boolean(flags.shard));
  const merged = merger.merge(parts);
  const { command, options, segmenter } = shards[0].shard;
  if (flags.shard) {
    const shard: Shard = { tifa_shard: SHARD_VERSION, command, options, segmenter, files: shards.flatMap((s) => s.shard.files), counts: merger.write(merged) };
    emit(`${JSON.stringify(shard)}\n`, flags);
    return;
  }
  const table = merger.table(
    merged,
    { ...options, ...(flags.top !== undefined ? { top: flags.top } : {}), ...(flags.minCount !== undefined ? { minCount: flags.minCount } : {}) },
    flags,
  );
  printResult(table, flags);
}

export function mergeCommand(): Command {
  const cmd = new Command('merge')
    .description(
      'merge the shards (--shard JSON of freq, compare, slogans, slogans --quoted-forms, themes, trend, cooc) of parts of a corpus into the table of one run over ' +
        'them all, made with the options the shards were counted with; shards must not overlap and must be counted alike',
    )
    .argument('<files...>', 'shard JSON files, in corpus order (Juilland\'s D, first uses and group order follow it)')
    .option('--top <n>', 'only the n first rows (instead of the shards\' --top)', positiveInt)
    .option('--min-count <n>', 'only terms seen at least n times (instead of the shards\' --min-count)', positiveInt)
    .option('--shard', 'print the merged counts as one shard (for compare --counts, or to merge further) instead of the table');
  outputOptions(cmd);
  return cmd.action((files: string[], flags: MergeFlags) => {
    const shards = files.map(readShard);
    checkShards(shards);
    const merger = MERGERS[shards[0].shard.command];
    if (!merger) throw new InputError(`${shards[0].file}: tifa merge does not merge ${shards[0].shard.command} shards`);
    mergeShards(merger as Merger<unknown>, shards, flags);
  });
}
