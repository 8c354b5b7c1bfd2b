import { Command, Option } from 'commander';
import { COLLOCATE_MEASURES, collocates, countCooccurrence, type CollocateMeasure } from '../../analysis/cooccurrence.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { leftOutReporter } from '../leftOut.js';
import {
  filterFrom,
  corpusOptions,
  filterOptions,
  outputOptions,
  positiveInt,
  type CorpusFlags,
  type FilterFlags,
  type OutputFlags,
} from '../options.js';

interface CollocatesFlags extends CorpusFlags, FilterFlags, OutputFlags {
  window: number;
  measure: CollocateMeasure;
  by?: string;
  min: number;
  top: number;
}

export function collocatesCommand(): Command {
  const cmd = new Command('collocates')
    .description('collocates of a term: the words within k words of it, ranked by log-Dice, MI, t or G²; per group side by side')
    .argument('<term>', 'the node: tokens equal to it (a slogan of the lexicon is one token)')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--window <k>', 'collocates stand at most k words before or after the term', positiveInt, 5)
    .addOption(new Option('--measure <name>', 'rank collocates by').choices([...COLLOCATE_MEASURES]).default('logdice'))
    .option('--by <field>', 'one ranked list per value of this metadata field, side by side (e.g. city)')
    .option('--min <n>', 'only collocates sharing at least n windows with the term', positiveInt, 1)
    .option('--top <n>', 'the n best collocates (per group)', positiveInt, 20);
  filterOptions(cmd);
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((term: string, paths: string[], flags: CollocatesFlags) => {
    const leftOut = leftOutReporter(flags.by);
    const corpus = openCorpus(paths, flags, { pos: Boolean(flags.pos) });
    const counts = countCooccurrence(
      corpus.docs,
      corpus.segmenter,
      {
        field: flags.by,
        unit: { kind: 'window', window: flags.window },
        terms: { kind: 'words', filter: filterFrom(flags) },
        min: flags.min,
        node: term,
      },
      leftOut.onLeftOut,
    );
    leftOut.report(counts.groups.length);
    printTable(collocates(term, counts, { measure: flags.measure, top: flags.top }), flags);
  });
}
