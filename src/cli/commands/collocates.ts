import { Command, Option } from 'commander';
import { COLLOCATE_MEASURES, collocatesTable, type CollocateMeasure } from '../../analysis/collocates.js';
import { noteAbsentTerms } from '../absentTerms.js';
import { printTable } from '../terminal.js';
import { countCorpusCollocates } from '../openCorpus.js';
import {
  filterFrom,
  corpusOptions,
  filterOptions,
  nonNegativeInt,
  outputOptions,
  positiveInt,
  type CorpusFlags,
  type CountingFlags,
  type FilterFlags,
  type OutputFlags,
} from '../options.js';

interface CollocatesFlags extends CorpusFlags, CountingFlags, FilterFlags, OutputFlags {
  window: number;
  left?: number;
  right?: number;
  measure: CollocateMeasure;
  by?: string;
  min: number;
  top: number;
}

export function collocatesCommand(): Command {
  const cmd = new Command('collocates')
    .description('collocates of a term, counted per occurrence (as AntConc and LancsBox): each use counts each word once per span position')
    .argument('<term>', 'the node: tokens equal to it (a slogan of the lexicon is one token)')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--window <k>', 'span: k words on each side of every occurrence', positiveInt, 5)
    .option('--left <L>', 'words before the node in the span (default: --window)', nonNegativeInt)
    .option('--right <R>', 'words after the node in the span (default: --window)', nonNegativeInt)
    .addOption(new Option('--measure <name>', 'rank collocates by').choices([...COLLOCATE_MEASURES]).default('logdice'))
    .option('--by <field>', 'one ranked list per value of this metadata field, side by side (e.g. city)')
    .option('--min <n>', 'only collocates seen at least n times in the spans (both ≥ n)', positiveInt, 1)
    .option('--top <n>', 'the n best collocates (per group)', positiveInt, 20);
  filterOptions(cmd);
  corpusOptions(cmd);
  // Not countingOptions: here one thread is the default (see pipeline/coocFiles.ts, collocateFiles.ts).
  cmd.option('--jobs <n>', 'worker threads (default: none; the cut runs off the main thread, which measured faster)', positiveInt);
  outputOptions(cmd);
  return cmd.action(async (term: string, paths: string[], flags: CollocatesFlags) => {
    const counts = await countCorpusCollocates(paths, flags, {
      node: term,
      left: flags.left ?? flags.window,
      right: flags.right ?? flags.window,
      field: flags.by,
      filter: filterFrom(flags),
    });
    noteAbsentTerms([term], () => counts.nodeFreq.some((n) => n > 0));
    printTable(collocatesTable(counts, { measure: flags.measure, top: flags.top, min: flags.min }), flags);
  });
}
