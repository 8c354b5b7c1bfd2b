import { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { loadStopwords } from '../../segment/stopwords.js';
import { collectSlogans, corpusQuotedForms, type SloganCounts } from '../../slogans/collectSlogans.js';
import { corpusNamedForms } from '../../slogans/corpusNamed.js';
import { quotedFormsTable, shardQuotes } from '../../slogans/corpusQuotes.js';
import { sloganCountsToData } from '../../slogans/mergeSlogans.js';
import { chooseLexicon, THEMES } from '../../lexicon/lexicon.js';
import { discoverTable, sloganTable, type DiscoverTableOptions } from '../../slogans/sloganTable.js';
import type { PagedTable, ResultTable } from '../../resultTable.js';
import { sloganUses } from '../../slogans/sloganUses.js';
import { printResult, printTable } from '../terminal.js';
import { readShard, shardJson } from '../shard.js';
import { emit } from '../writeOutput.js';
import { InputError } from '../../errors.js';
import { openCorpus } from '../openCorpus.js';
import { fileSpill } from '../../pipeline/spillFiles.js';
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
  quotedForms?: boolean;
  quotedFrom?: string;
}

/** The command a --quoted-forms shard names: merge unions these, and --quoted-from reads the union. */
export const QUOTED_FORMS_SHARD = 'slogans --quoted-forms';

const isForms = (forms: unknown): forms is string[] => Array.isArray(forms) && forms.every((f) => typeof f === 'string');

/** The quoted and the named forms of a --quoted-forms shard (one or merged), for --quoted-from. */
function quotedFrom(file: string): { forms: string[]; named: string[] } {
  const { shard } = readShard(file);
  const { forms, named = [] } = (shard.counts ?? {}) as { forms?: unknown; named?: unknown };
  if (shard.command !== QUOTED_FORMS_SHARD || !isForms(forms) || !isForms(named)) {
    throw new InputError(`${file}: not a shard of slogans --quoted-forms (tifa slogans PART --quoted-forms --shard, one per part, then tifa merge --shard)`);
  }
  return { forms, named };
}

/** Words that may not open or close a discovered n-gram: function words and the light verbs of official prose. */
const NGRAM_EDGE_STOPWORDS = 'zh,domain';

/** The table of `tifa slogans` (and of its merged shards) from its counts and options. */
export function slogansTable(counts: SloganCounts, options: DiscoverTableOptions & { discover?: boolean; theme?: string }, format: string | undefined): ResultTable | PagedTable {
  const { discover, theme, ...kept } = options;
  if (!discover) return sloganTable(counts, { ...kept, themes: theme ? commaList(theme) : undefined });
  // TSV is the lexicon's own format: discover → curate → --lexicon is one loop.
  return discoverTable(counts, kept, format === 'tsv' ? 'lexicon' : 'discover');
}

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
    .option('--shard', 'print the complete counts as shard JSON for tifa merge, instead of the table; parts of one corpus are each counted with --quoted-from')
    .option('--quoted-forms', 'only the formulations outside the lexicon that the corpus quotes, each counted at every use; with --shard, step one of sharded slogans')
    .option('--quoted-from <shard>', 'with --shard: count with the quoted formulations of the whole corpus, the tifa merge --shard of every part\'s --quoted-forms shard');
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((paths: string[], flags: SlogansFlags) => {
    if (flags.quotedFrom !== undefined && !flags.shard) throw new UsageError('--quoted-from counts a part of a corpus as a shard: give --shard');
    if (flags.shard && flags.show !== undefined) throw new UsageError('--show has no --shard: it prints the uses themselves (slogans --shard and --quoted-forms --shard merge)');
    if (flags.quotedForms && (flags.show !== undefined || flags.discover || flags.quotedFrom !== undefined)) {
      throw new UsageError('--quoted-forms lists the formulations the corpus quotes; give it without --show, --discover or --quoted-from');
    }
    if (flags.show !== undefined) {
      const lexicon = chooseLexicon(flags);
      const corpus = openCorpus(paths, flags, { pos: true });
      const corpusQuotes = corpusQuotedForms(corpus.docs, lexicon);
      const corpusNamed = corpusNamedForms(corpus.docs, corpus.segmenter, lexicon);
      printTable(sloganUses(corpus.docs, corpus.segmenter, flags.show, { width: flags.width, lexicon, corpusQuotes, corpusNamed }), flags);
      return;
    }
    if (flags.discover && flags.theme) throw new UsageError('--theme selects lexicon slogans; --discover lists what is not in the lexicon');
    if (flags.quotedForms) {
      const lexicon = chooseLexicon(flags);
      const corpus = openCorpus(paths, flags, { pos: Boolean(flags.shard) });
      const forms = [...corpusQuotedForms(corpus.docs, lexicon)];
      // Step one of shards carries the named forms too, which are counted at every use as quoted ones are.
      if (flags.shard) emit(shardJson(QUOTED_FORMS_SHARD, paths, flags, { forms, named: [...corpusNamedForms(corpus.docs, corpus.segmenter, lexicon)] }), flags);
      else printTable(quotedFormsTable(forms), flags);
      return;
    }
    const from = flags.quotedFrom !== undefined ? quotedFrom(flags.quotedFrom) : { forms: [], named: [] };
    const lexicon = chooseLexicon(flags);
    const corpus = openCorpus(paths, flags, { pos: true });
    // A shard counts with the forms the whole corpus quotes and names (--quoted-from, in the corpus's order) and
    // records which (corpusQuotes.ts); one run has no --quoted-from and counts with its own.
    const own = corpusQuotedForms(corpus.docs, lexicon);
    const corpusQuotes = new Set([...from.forms, ...own]);
    const ownNamed = corpusNamedForms(corpus.docs, corpus.segmenter, lexicon);
    const corpusNamed = new Set([...from.named, ...ownNamed]);
    const counts = collectSlogans(corpus.docs, corpus.segmenter, {
      field: flags.by,
      lexicon,
      corpusQuotes,
      corpusNamed,
      // A shard keeps every n-gram (one seen once here may recur in another part): no sketch, and no spill, for
      // it writes them all. One run's n-gram counts wait on disk in sorted runs once they fill their table.
      discover: flags.discover ? { edgeStopwords: loadStopwords(NGRAM_EDGE_STOPWORDS), sketch: !flags.shard, spill: flags.shard ? undefined : fileSpill() } : undefined,
    });
    noteLeftOut(counts);
    if (flags.shard) {
      const ngrams = counts.ngramCounter?.toData();
      emit(shardJson('slogans', paths, flags, { ...sloganCountsToData(counts), quotes: shardQuotes(own, corpusQuotes, { own: ownNamed, countedWith: corpusNamed }), ...(ngrams ? { ngrams } : {}) }), flags);
      return;
    }
    const options = { minCount: flags.minCount, minDocs: flags.minDocs, top: flags.top };
    printResult(slogansTable(counts, { ...options, discover: flags.discover, theme: flags.theme }, flags.format), flags);
  });
}
