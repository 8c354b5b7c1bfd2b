import { Command } from 'commander';
import { chooseLexicon, readLexiconFile, THEMES, type LexiconChoice } from '../../lexicon/lexicon.js';
import { lexiconTable, lexiconThemeTable } from '../../lexicon/lexiconTable.js';
import { commaList, outputOptions, type OutputFlags } from '../options.js';
import { printTable, warn } from '../terminal.js';

interface LexiconFlags extends LexiconChoice, OutputFlags {
  themes?: boolean;
  theme?: string;
  check?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function lexiconCommand(): Command {
  const cmd = new Command('lexicon')
    .description('the slogan lexicon: its entries (or --themes), bundled and --lexicon files; --check validates a file')
    .option('--lexicon <file>', 'your own slogan lexicon (dict/slogans.tsv format), added to the bundled one; repeatable', collect)
    .option('--no-bundled-lexicon', 'use only the --lexicon files, not the bundled lexicon')
    .option('--themes', 'one row per theme with its number of entries')
    .option('--theme <list>', `only entries of these themes (comma-separated): ${THEMES.join(', ')}`)
    .option('--check <file>', 'validate a lexicon file (file:line errors, exit 2), alone and with the others; repeatable', collect);
  outputOptions(cmd);
  return cmd.action((flags: LexiconFlags) => {
    if (flags.check) {
      for (const file of flags.check) warn(`${file}: ${readLexiconFile(file).length} entries, valid`);
      const all = chooseLexicon({ lexicon: [...(flags.lexicon ?? []), ...flags.check], bundledLexicon: flags.bundledLexicon });
      warn(`${all.length} entries together with the ${flags.bundledLexicon === false ? 'other files' : 'bundled lexicon'}: no form listed twice`);
      return;
    }
    const entries = chooseLexicon(flags);
    printTable(flags.themes ? lexiconThemeTable(entries) : lexiconTable(entries, flags.theme ? commaList(flags.theme) : undefined), flags);
  });
}
