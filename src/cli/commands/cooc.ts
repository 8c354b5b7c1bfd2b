import { Command, Option } from 'commander';
import { countCooccurrence, occurs, type CoocCounts, type TermSet } from '../../analysis/cooccurrence.js';
import {
  COOC_MEASURES,
  MATRIX_VALUES,
  cooccurrenceMatrix,
  cooccurrenceRows,
  coocNetwork,
  type CoocMeasure,
  type MatrixValue,
} from '../../analysis/coocTables.js';
import { UNIT_KINDS, type UnitKind } from '../../analysis/units.js';
import { TABLE_FORMATS } from '../../format/formatters.js';
import { formatNetwork, isNetworkFormat, NETWORK_FORMATS } from '../../format/network.js';
import { lexiconSurfaceForms, loadBundledLexicon } from '../../lexicon/lexicon.js';
import { UsageError } from '../../errors.js';
import { noteAbsentTerms } from '../absentTerms.js';
import { printPagedTable, printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { noteLeftOut } from '../leftOut.js';
import {
  filterFrom,
  commaList,
  corpusOptions,
  filterOptions,
  outputOptions,
  positiveInt,
  type CorpusFlags,
  type FilterFlags,
  type OutputFlags,
} from '../options.js';
import { emit } from '../writeOutput.js';

interface CoocFlags extends CorpusFlags, FilterFlags, OutputFlags {
  terms?: string;
  slogans?: boolean;
  top?: number;
  unit?: UnitKind;
  window?: number;
  by?: string;
  measure: CoocMeasure;
  min: number;
  matrix?: boolean;
  value: MatrixValue;
}

const DEFAULT_TOP = 50;
const DEFAULT_WINDOW = 5;

function termSet(flags: CoocFlags): TermSet {
  if (flags.terms) return { kind: 'terms', terms: commaList(flags.terms) };
  if (flags.slogans) return { kind: 'forms', forms: lexiconSurfaceForms(loadBundledLexicon()) };
  return { kind: 'words', filter: filterFrom(flags) };
}

/** Tables through the usual formatters; the network as GEXF or GraphML, or as edge/node CSV for Gephi. */
function print(counts: CoocCounts, flags: CoocFlags): void {
  if (isNetworkFormat(flags.format)) {
    if (flags.matrix) throw new UsageError(`--matrix is a table; it cannot be written as ${flags.format}`);
    const { nodes, edges } = coocNetwork(counts, { measure: flags.measure });
    const out = formatNetwork(flags.format, nodes, edges);
    if ('text' in out) emit(out.text, flags);
    else printTable(out.csv, { ...flags, format: 'csv' });
    return;
  }
  if (flags.matrix) printTable(cooccurrenceMatrix(counts, { value: flags.value }), flags);
  else printPagedTable(cooccurrenceRows(counts, { measure: flags.measure }), flags);
}

export function coocCommand(): Command {
  const cmd = new Command('cooc')
    .description('co-occurrence of terms over sentences, paragraphs, documents or windows, with MI, t, log-Dice, Jaccard and G²')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .addOption(new Option('--terms <list>', 'the terms: tokens equal to these (comma-separated)').conflicts('slogans'))
    .option('--slogans', 'the terms: slogans of the bundled lexicon, variants counted under their canonical form')
    .option('--top <n>', `only the n terms with the most tokens (default ${DEFAULT_TOP} without --terms or --slogans)`, positiveInt)
    .addOption(new Option('--unit <unit>', 'co-occurrence unit (default: sentence, or window with --window)').choices([...UNIT_KINDS]))
    .option('--window <k>', `window units: a word and the k words after it, i.e. pairs at most k words apart; both counts windows, not occurrences (per occurrence: tifa collocates) (default ${DEFAULT_WINDOW})`, positiveInt)
    .option('--by <field>', 'count each value of this metadata field separately (e.g. city)')
    .addOption(new Option('--measure <name>', 'rank pairs (and network edges) by').choices([...COOC_MEASURES]).default('logdice'))
    .option('--min <n>', 'only pairs that share at least n units', positiveInt, 1)
    .option('--matrix', 'a term × term table instead of one row per pair')
    .addOption(new Option('--value <name>', 'what --matrix shows').choices([...MATRIX_VALUES]).default('count'));
  filterOptions(cmd);
  corpusOptions(cmd);
  outputOptions(cmd, [...Object.keys(TABLE_FORMATS), 'xlsx', ...NETWORK_FORMATS]);
  return cmd.action((paths: string[], flags: CoocFlags) => {
    if (flags.window !== undefined && flags.unit !== undefined && flags.unit !== 'window') {
      throw new UsageError(`--window sets the size of window units; it does nothing with --unit ${flags.unit}`);
    }
    const corpus = openCorpus(paths, flags, { pos: Boolean(flags.pos) && !flags.terms && !flags.slogans });
    const counts = countCooccurrence(
      corpus.docs,
      corpus.segmenter,
      {
        field: flags.by,
        unit: { kind: flags.unit ?? (flags.window ? 'window' : 'sentence'), window: flags.window ?? DEFAULT_WINDOW },
        terms: termSet(flags),
        top: flags.top ?? (flags.terms || flags.slogans ? undefined : DEFAULT_TOP),
        min: flags.min,
      },
    );
    noteLeftOut(counts);
    if (flags.terms) noteAbsentTerms(commaList(flags.terms), (term) => occurs(counts, term));
    print(counts, flags);
  });
}
