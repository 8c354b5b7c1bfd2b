import { Command } from 'commander';
import { chooseLexicon } from '../../lexicon/lexicon.js';
import { themeTable } from '../../slogans/themeTable.js';
import { sloganCountsToData } from '../../slogans/mergeSlogans.js';
import { shardJson } from '../shard.js';
import { emit } from '../writeOutput.js';
import { printTable } from '../terminal.js';
import { collectCorpusSlogans } from '../openCorpus.js';
import { noteLeftOut } from '../leftOut.js';
import { corpusOptions, countingOptions, outputOptions, type CorpusFlags, type CountingFlags, type OutputFlags } from '../options.js';

interface ThemesFlags extends CorpusFlags, CountingFlags, OutputFlags {
  by?: string;
  shard?: boolean;
}

export function themesCommand(): Command {
  const cmd = new Command('themes')
    .description('emphasis by slogan theme: lexicon slogan uses per theme, share, rate per 10,000 tokens and G² per group')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--by <field>', 'one set of columns per value of this metadata field (e.g. city), with keyness against the rest')
    .option('--shard', 'print the complete counts as shard JSON for tifa merge, instead of the table');
  corpusOptions(cmd);
  countingOptions(cmd);
  outputOptions(cmd);
  return cmd.action(async (paths: string[], flags: ThemesFlags) => {
    const counts = await collectCorpusSlogans(paths, flags, { field: flags.by, lexicon: chooseLexicon(flags) });
    noteLeftOut(counts);
    if (flags.shard) emit(shardJson('themes', paths, flags, sloganCountsToData(counts)), flags);
    else printTable(themeTable(counts), flags);
  });
}
