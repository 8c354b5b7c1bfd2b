import { Command, Option } from 'commander';
import { groupOf } from '../../analysis/countCorpus.js';
import { kwicRows, searchPattern } from '../../analysis/kwic.js';
import { KWIC_SORTS, sortKwic, type KwicSort } from '../../analysis/kwicOrder.js';
import { sampleOf, seededRandom } from '../../analysis/random.js';
import type { Row } from '../../format/table.js';
import { printTable, warn } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { leftOutReporter } from '../leftOut.js';
import { corpusOptions, nonNegativeInt, outputOptions, positiveInt, type CorpusFlags, type OutputFlags } from '../options.js';

interface KwicFlags extends CorpusFlags, OutputFlags {
  width: number;
  by?: string;
  regex?: boolean;
  sort?: KwicSort;
  limit?: number;
  sample?: number;
  seed: number;
}

export function kwicCommand(): Command {
  const cmd = new Command('kwic')
    .description('keyword in context: every occurrence with document, original line and column, and context')
    .argument('<term>', 'a term (literal; may span tokens and repaired page breaks) or /a regular expression/')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--width <n>', 'characters of context on each side', positiveInt, 20)
    .option('--regex', 'read <term> as a regular expression')
    .option('--by <field>', 'add this metadata field as a column and group the lines by it')
    .addOption(new Option('--sort <key>', 'order lines by the left or right context, or by the k-th word before (L1–L3) or after (R1–R3) the match').choices([...KWIC_SORTS]))
    .option('--sample <n>', 'n lines drawn at random (reproducible with --seed), before sorting', positiveInt)
    .option('--seed <s>', 'seed of --sample', nonNegativeInt, 1)
    .option('--limit <n>', 'print only the first n lines (after --sample and --sort); the number left out goes to stderr', positiveInt);
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((term: string, paths: string[], flags: KwicFlags) => {
    const pattern = searchPattern(term, flags.regex);
    const leftOut = leftOutReporter(flags.by);
    const byGroup = new Map<string, Row[]>();
    const corpus = openCorpus(paths, flags);
    for (const doc of corpus.docs) {
      const group = groupOf(doc, flags.by);
      if (group === undefined) {
        leftOut.onLeftOut(doc);
        continue;
      }
      const rows = kwicRows(doc, pattern, flags.width);
      // The cell shows the value itself; `group` may carry the field to keep table columns apart (groupLabel).
      if (flags.by) for (const row of rows) row[flags.by] = doc.meta[flags.by];
      const groupRows = byGroup.get(group) ?? [];
      for (const row of rows) groupRows.push(row);
      byGroup.set(group, groupRows);
    }
    leftOut.report(byGroup.size);
    const columns = [...(flags.by ? [flags.by] : []), 'doc', 'line', 'column', 'left', 'match', 'right'];
    // Within each group: sample, then sort; the groups stay in reading order.
    const random = seededRandom(flags.seed);
    const segmenter = flags.sort ? corpus.segmenter : undefined;
    let rows = [...byGroup.values()].flatMap((group) => {
      const drawn = flags.sample ? sampleOf(group, flags.sample, random) : group;
      return segmenter ? sortKwic(drawn, flags.sort!, segmenter) : drawn;
    });
    if (flags.limit !== undefined && rows.length > flags.limit) {
      warn(`${rows.length - flags.limit} of ${rows.length} lines not shown (--limit ${flags.limit})`);
      rows = rows.slice(0, flags.limit);
    }
    printTable({ columns, rows }, flags);
  });
}
