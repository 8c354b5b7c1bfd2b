import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { DEFAULT_TREND_FIELD } from '../defaultGrouping.js';
import { STDIN } from '../../corpus/stdin.js';
import { trendOfTally, trendTable } from '../../analysis/trend.js';
import { UsageError } from '../../errors.js';
import type { TrendShardCounts } from '../../analysis/mergeTrend.js';
import type { ResultTable } from '../../resultTable.js';
import { shardJson } from '../shard.js';
import { printTable } from '../terminal.js';
import { emit } from '../writeOutput.js';
import { countCorpusFiles } from '../openCorpus.js';
import {
  corpusOptions,
  countingOptions,
  outputOptions,
  positiveInt,
  type CorpusFlags,
  type CountingFlags,
  type OutputFlags,
} from '../options.js';

interface TrendFlags extends CorpusFlags, CountingFlags, OutputFlags {
  by: string;
  per: '10k' | 'share';
  rolling?: number;
  shard?: boolean;
}

/** Terms first, then paths: the first argument naming an existing file or folder (or `-`, standard input) starts the paths. */
export function termsThenPaths(args: string[]): { terms: string[]; paths: string[] } {
  const at = args.findIndex((arg) => arg === STDIN || existsSync(arg));
  return at < 0 ? { terms: args, paths: [] } : { terms: args.slice(0, at), paths: args.slice(at) };
}

export function trendCommand(): Command {
  const cmd = new Command('trend')
    .description('uses of terms along a numeric or date field (year, date): one row per term and value, rates per 10,000 word tokens')
    .argument('<terms-and-paths...>', 'the terms (found in the text as kwic finds them: literal, or /a regular expression/), then files or folders (default: the bundled corpus)')
    .option('--by <field>', 'the numeric or date metadata field (e.g. year from --meta-from-name gwr_{year})', DEFAULT_TREND_FIELD)
    .addOption(new Option('--per <measure>', 'add and smooth: per10k (default) or share of the given terms’ uses at each value').choices(['10k', 'share']).default('10k'))
    .option('--rolling <n>', 'add a trailing mean of the measure over n consecutive values with documents', positiveInt)
    .option('--shard', 'print the complete counts as shard JSON for tifa merge, instead of the table');
  corpusOptions(cmd);
  countingOptions(cmd);
  outputOptions(cmd);
  return cmd.action(async (args: string[], flags: TrendFlags) => {
    const { terms, paths } = termsThenPaths(args);
    if (terms.length === 0) throw new UsageError('name at least one term before the paths');
    // One pass of the counting pipeline (cached, threaded) gives the token totals per value and, searched in
    // each text as it is read, the terms' uses; it notes the left-out documents.
    const totals = await countCorpusFiles(paths, flags, { field: flags.by, only: new Set(), search: terms });
    const { leftOut, ...counts } = trendOfTally(flags.by, terms, totals.groups, totals.search!, totals.leftOut);
    const tokens = counts.values.map((v) => totals.tokens[totals.groups.indexOf(v)]);
    // The terms are arguments, not flags: the shard records them with the options, so shards of other terms differ.
    if (flags.shard) emit(shardJson('trend', paths, { ...flags, terms }, { trend: counts, tokens }), flags);
    else printTable(trendTableOf({ trend: counts, tokens }, flags), flags);
  });
}

/** The trend table of counts, as the flags ask for it (from a corpus, or from merged shards). */
export function trendTableOf(counts: TrendShardCounts, flags: Pick<TrendFlags, 'per' | 'rolling'>): ResultTable {
  return trendTable(counts.trend, counts.tokens, { per: flags.per, rolling: flags.rolling });
}
