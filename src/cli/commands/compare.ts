import { Command, Option } from 'commander';
import { keynessOverview, keynessTable, MEASURES, type Measure } from '../../analysis/keynessTable.js';
import { InputError, UsageError } from '../../errors.js';
import { groupedCountsFromData, groupedCountsToData, type GroupedCountsData } from '../../analysis/mergeFrequency.js';
import type { GroupedCounts } from '../../analysis/termCounts.js';
import type { ResultTable } from '../../resultTable.js';
import { readShard, shardJson } from '../shard.js';
import { printTable } from '../terminal.js';
import { emit } from '../writeOutput.js';
import { countCorpusGroups } from '../openCorpus.js';
import { DEFAULT_GROUPING_HELP } from '../defaultGrouping.js';
import {
  filterFrom,
  corpusOptions,
  countingOptions,
  filterOptions,
  nonNegativeNumber,
  outputOptions,
  positiveInt,
  type CorpusFlags,
  type CountingFlags,
  type FilterFlags,
  type OutputFlags,
} from '../options.js';

interface CompareFlags extends CorpusFlags, CountingFlags, FilterFlags, OutputFlags {
  by?: string;
  target?: string;
  reference: string;
  measure: Measure;
  minLl: number;
  p: number;
  minCount: number;
  top?: number;
  negative?: boolean;
  shard?: boolean;
  counts?: string;
}

export function compareCommand(): Command {
  const cmd = new Command('compare')
    .description('keyness: terms a group uses more (or less) than the rest, with G², p, Log Ratio and %DIFF')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--by <field>', DEFAULT_GROUPING_HELP)
    .option('--target <value>', 'the group to characterise; without it, every group against the rest side by side')
    .option('--reference <value>', '"rest" (all other groups) or one group value', 'rest')
    .addOption(new Option('--measure <name>', 'sort by this statistic').choices([...MEASURES]).default('ll'))
    .option('--min-ll <x>', 'keep terms with |G²| ≥ x (3.84 ↔ p < 0.05)', nonNegativeNumber, 3.84)
    .option('--p <x>', 'keep terms with p ≤ x (a second threshold on G²; none by default)', nonNegativeNumber, 1)
    .option('--min-count <n>', 'keep terms seen at least n times in target and reference together', positiveInt, 3)
    .option('--top <n>', 'only the n first rows (default 10 per group without --target)', positiveInt)
    .option('--negative', 'also list terms the target uses less than the reference')
    .option('--shard', 'print the complete counts as shard JSON for tifa merge, instead of the table')
    .option('--counts <file>', 'keyness from counts instead of a corpus: a freq or compare shard, or tifa merge --shard of shards');
  filterOptions(cmd);
  corpusOptions(cmd);
  countingOptions(cmd);
  outputOptions(cmd);
  return cmd.action(async (paths: string[], flags: CompareFlags) => {
    if (!flags.target && (flags.negative || cmd.getOptionValueSource('reference') === 'cli')) {
      throw new UsageError('--negative and --reference need --target (without it, every group is set against the rest)');
    }
    if (flags.counts) {
      if (paths.length > 0) throw new UsageError('--counts takes the counts from the file; give no corpus paths');
      printTable(compareTable(countsOfShard(flags.counts, flags.by), flags), flags);
      return;
    }
    const counts = await countCorpusGroups(paths, flags, { filter: filterFrom(flags) });
    if (flags.shard) emit(shardJson('compare', paths, flags, groupedCountsToData(counts)), flags);
    else printTable(compareTable(counts, flags), flags);
  });
}

/** Keyness of counts, as the flags ask for it (from a corpus, or from merged shards). */
export function compareTable(counts: GroupedCounts, flags: Pick<CompareFlags, 'measure' | 'minLl' | 'p' | 'minCount' | 'top' | 'target' | 'reference' | 'negative'>): ResultTable {
  const options = { measure: flags.measure, minLl: flags.minLl, p: flags.p, minCount: flags.minCount, top: flags.top };
  return flags.target
    ? keynessTable(counts, { ...options, target: flags.target, reference: flags.reference, negative: flags.negative })
    : keynessOverview(counts, options);
}

/** The word counts of a freq or compare shard (merged or not), grouped by `field` (without it, as the shard is). */
function countsOfShard(file: string, field: string | undefined): GroupedCounts {
  const { shard } = readShard(file);
  const counts = shard.command === 'freq' || shard.command === 'compare' ? groupedCountsFromData(shard.counts as GroupedCountsData) : undefined;
  if (!counts) throw new InputError(`${file}: --counts needs the shard of tifa freq or compare, not of ${shard.command}`);
  if (counts.field === undefined) throw new UsageError(`${file} is counted without --by: keyness needs groups; count it with --by FIELD`);
  if (field !== undefined && counts.field !== field) {
    throw new UsageError(`${file} is counted --by ${counts.field}, not --by ${field}: give --by ${counts.field}`);
  }
  return counts;
}
