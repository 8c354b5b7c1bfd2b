import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { groupLabel } from '../../analysis/countCorpus.js';
import { countTrend, trendTable } from '../../analysis/trend.js';
import { UsageError } from '../../errors.js';
import { printTable } from '../terminal.js';
import { countCorpusFiles, openCorpus } from '../openCorpus.js';
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
}

/** Terms first, then paths: the first argument naming an existing file or folder starts the paths. */
export function termsThenPaths(args: string[]): { terms: string[]; paths: string[] } {
  const at = args.findIndex((arg) => existsSync(arg));
  return at < 0 ? { terms: args, paths: [] } : { terms: args.slice(0, at), paths: args.slice(at) };
}

export function trendCommand(): Command {
  const cmd = new Command('trend')
    .description('uses of terms along a numeric or date field (year, date): one row per term and value, rates per 10,000 word tokens')
    .argument('<terms-and-paths...>', 'the terms (counted as written in the text, as kwic finds them), then files or folders (default: the bundled corpus)')
    .option('--by <field>', 'the numeric or date metadata field (e.g. year from --meta-from-name gwr_{year})', 'year')
    .addOption(new Option('--per <measure>', 'add and smooth: per10k (default) or share of the given terms’ uses at each value').choices(['10k', 'share']).default('10k'))
    .option('--rolling <n>', 'add a trailing mean of the measure over n consecutive values with documents', positiveInt);
  corpusOptions(cmd);
  countingOptions(cmd);
  outputOptions(cmd);
  return cmd.action(async (args: string[], flags: TrendFlags) => {
    const { terms, paths } = termsThenPaths(args);
    if (terms.length === 0) throw new UsageError('name at least one term before the paths');
    // Token totals per value come from the counting pipeline (cached, threaded); it also notes left-out documents.
    const totals = await countCorpusFiles(paths, flags, { field: flags.by, only: new Set() });
    const counts = countTrend(openCorpus(paths, flags).docs, terms, flags.by);
    const tokens = counts.values.map((v) => totals.tokens[totals.groups.indexOf(groupLabel(v, flags.by))] ?? 0);
    printTable(trendTable(counts, tokens, { per: flags.per, rolling: flags.rolling }), flags);
  });
}
