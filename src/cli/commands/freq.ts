import { Command, InvalidArgumentError, Option } from 'commander';
import { frequencyTable } from '../../analysis/frequencyTable.js';
import { parseNgramRange } from '../../analysis/ngrams.js';
import { UsageError } from '../../errors.js';
import { noteAbsentTerms } from '../absentTerms.js';
import { printTable } from '../terminal.js';
import { countCorpusFiles } from '../openCorpus.js';
import {
  filterFrom,
  commaList,
  corpusOptions,
  countingOptions,
  filterOptions,
  outputOptions,
  positiveInt,
  type CorpusFlags,
  type CountingFlags,
  type FilterFlags,
  type OutputFlags,
} from '../options.js';

interface FreqFlags extends CorpusFlags, CountingFlags, FilterFlags, OutputFlags {
  by?: string;
  top?: number;
  minCount: number;
  terms?: string;
  per: 'tokens' | 'chars';
  dp?: boolean;
  parts?: number;
  ngram?: [number, number];
}

function ngramRange(value: string): [number, number] {
  const range = parseNgramRange(value);
  if (!range) throw new InvalidArgumentError('expected n or min..max, e.g. 2..4 (at most 8)');
  return range;
}

export function freqCommand(): Command {
  const cmd = new Command('freq')
    .description(
      'term frequencies: totals, counts and rates per group, document frequency, dispersion. The unit is the token: ' +
        '改革 inside the one token 深化改革 is not counted (kwic finds substrings; kwic --tokens finds what freq counts)',
    )
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--by <field>', 'one count and rate column per value of this metadata field (e.g. city, year, decade)')
    .option('--top <n>', 'only the n most frequent terms', positiveInt)
    .option('--min-count <n>', 'only terms seen at least n times', positiveInt, 1)
    .option('--terms <list>', 'only these terms (comma-separated); rates still use all tokens')
    .addOption(new Option('--per <unit>', 'rates per 10,000 tokens or characters').choices(['tokens', 'chars']).default('tokens'))
    .option('--dp', "add Gries' DP (dispersion across documents: 0 even, 1 concentrated)")
    .option('--parts <n>', "add Juilland's D over n equal parts of the corpus", positiveInt)
    .option('--ngram <range>', 'count word n-grams instead of words, e.g. 2..4', ngramRange);
  filterOptions(cmd);
  corpusOptions(cmd);
  countingOptions(cmd);
  outputOptions(cmd);
  return cmd.action(async (paths: string[], flags: FreqFlags) => {
    // Juilland's D needs corpus-wide positions in file order, which only one thread gives.
    if (flags.parts && flags.jobs !== undefined && flags.jobs > 1) throw new UsageError('--parts counts in one thread; leave out --jobs');
    const only = flags.terms ? commaList(flags.terms) : undefined;
    const counts = await countCorpusFiles(paths, flags, {
      field: flags.by,
      filter: filterFrom(flags),
      ngram: flags.ngram,
      only: only && new Set(only),
      keepPerDoc: flags.dp,
      keepPositions: Boolean(flags.parts),
    });
    if (only) noteAbsentTerms(only, (term) => counts.terms.has(term));
    const table = frequencyTable(counts, {
      top: flags.top,
      minCount: flags.minCount,
      per: flags.per,
      dispersion: flags.dp,
      parts: flags.parts,
    });
    printTable(table, flags);
  });
}
