import { Command, Option } from 'commander';
import { keynessOverview, keynessTable, MEASURES, type Measure } from '../../analysis/keynessTable.js';
import { UsageError } from '../../errors.js';
import { printTable } from '../terminal.js';
import { countCorpusFiles } from '../openCorpus.js';
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
  by: string;
  target?: string;
  reference: string;
  measure: Measure;
  minLl: number;
  p: number;
  minCount: number;
  top?: number;
  negative?: boolean;
}

export function compareCommand(): Command {
  const cmd = new Command('compare')
    .description('keyness: terms a group uses more (or less) than the rest, with G², p, Log Ratio and %DIFF')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--by <field>', 'metadata field that defines the groups', 'city')
    .option('--target <value>', 'the group to characterise; without it, every group against the rest side by side')
    .option('--reference <value>', '"rest" (all other groups) or one group value', 'rest')
    .addOption(new Option('--measure <name>', 'sort by this statistic').choices([...MEASURES]).default('ll'))
    .option('--min-ll <x>', 'keep terms with |G²| ≥ x (3.84 ↔ p < 0.05)', nonNegativeNumber, 3.84)
    .option('--p <x>', 'keep terms with p ≤ x (a second threshold on G²; none by default)', nonNegativeNumber, 1)
    .option('--min-count <n>', 'keep terms seen at least n times in target and reference together', positiveInt, 3)
    .option('--top <n>', 'only the n first rows (default 10 per group without --target)', positiveInt)
    .option('--negative', 'also list terms the target uses less than the reference');
  filterOptions(cmd);
  corpusOptions(cmd);
  countingOptions(cmd);
  outputOptions(cmd);
  return cmd.action(async (paths: string[], flags: CompareFlags) => {
    if (!flags.target && (flags.negative || cmd.getOptionValueSource('reference') === 'cli')) {
      throw new UsageError('--negative and --reference need --target (without it, every group is set against the rest)');
    }
    const counts = await countCorpusFiles(paths, flags, { field: flags.by, filter: filterFrom(flags) });
    const options = { measure: flags.measure, minLl: flags.minLl, p: flags.p, minCount: flags.minCount, top: flags.top };
    const table = flags.target
      ? keynessTable(counts, { ...options, target: flags.target, reference: flags.reference, negative: flags.negative })
      : keynessOverview(counts, options);
    printTable(table, flags);
  });
}
