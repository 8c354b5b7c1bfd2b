import { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { loadStopwords } from '../../segment/stopwords.js';
import { collectSlogans, corpusQuotedForms } from '../../slogans/collectSlogans.js';
import { chooseLexicon, THEMES } from '../../lexicon/lexicon.js';
import { discoverLexiconTable, discoverTable, sloganTable } from '../../slogans/sloganTable.js';
import { sloganUses } from '../../slogans/sloganUses.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { noteLeftOut } from '../leftOut.js';
import { commaList, corpusOptions, outputOptions, positiveInt, type CorpusFlags, type OutputFlags } from '../options.js';

interface SlogansFlags extends CorpusFlags, OutputFlags {
  by?: string;
  theme?: string;
  minCount: number;
  minDocs: number;
  top?: number;
  discover?: boolean;
  show?: string;
  width: number;
  shard?: boolean;
}

/** Words that may not open or close a discovered n-gram: function words and the light verbs of official prose. */
const NGRAM_EDGE_STOPWORDS = 'zh,domain';

export function slogansCommand(): Command {
  const cmd = new Command('slogans')
    .description('slogans (提法): lexicon slogans, quoted formulations, numbered and + formulas, one row per canonical form')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--by <field>', 'one count column per value of this metadata field (e.g. city)')
    .option('--theme <list>', `only lexicon slogans of these themes (comma-separated): ${THEMES.join(', ')}`)
    .option('--min-count <n>', 'only formulations used at least n times', positiveInt, 1)
    .option('--min-docs <n>', 'only formulations used in at least n documents', positiveInt, 1)
    .option('--top <n>', 'only the n most used', positiveInt)
    .option('--discover', 'candidates outside the lexicon: quoted, numbered and + finds and recurring word n-grams (with --format tsv, in the lexicon\'s columns, ready to curate and pass back with --lexicon)')
    .option('--show <term>', 'every use of one formulation with document, original line and column, and context')
    .option('--width <n>', 'characters of context on each side for --show', positiveInt, 20)
    .option('--shard', 'not available for slogans (see themes --shard); refused with the reason');
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((paths: string[], flags: SlogansFlags) => {
    if (flags.show !== undefined) {
      const lexicon = chooseLexicon(flags);
      const corpus = openCorpus(paths, flags, { pos: true });
      const corpusQuotes = corpusQuotedForms(corpus.docs, lexicon);
      printTable(sloganUses(corpus.docs, corpus.segmenter, flags.show, { width: flags.width, lexicon, corpusQuotes }), flags);
      return;
    }
    if (flags.discover && flags.theme) throw new UsageError('--theme selects lexicon slogans; --discover lists what is not in the lexicon');
    if (flags.shard) {
      // A formulation quoted in one document is counted at every use in the corpus: a shard cannot know the
      // quotes of the others, so its counts would not add up to one run's.
      throw new UsageError('slogans has no --shard: a formulation quoted anywhere is counted everywhere, which needs the whole corpus (themes --shard merges)');
    }
    const lexicon = chooseLexicon(flags);
    const corpus = openCorpus(paths, flags, { pos: true });
    const counts = collectSlogans(corpus.docs, corpus.segmenter, {
      field: flags.by,
      lexicon,
      corpusQuotes: corpusQuotedForms(corpus.docs, lexicon),
      discover: flags.discover ? { edgeStopwords: loadStopwords(NGRAM_EDGE_STOPWORDS) } : undefined,
    });
    noteLeftOut(counts);
    const options = { minCount: flags.minCount, minDocs: flags.minDocs, top: flags.top };
    // TSV is the lexicon's own format: discover → curate → --lexicon is one loop.
    const table = flags.discover
      ? flags.format === 'tsv'
        ? discoverLexiconTable(discoverTable(counts, options))
        : discoverTable(counts, options)
      : sloganTable(counts, { ...options, themes: flags.theme ? commaList(flags.theme) : undefined });
    printTable(table, flags);
  });
}
