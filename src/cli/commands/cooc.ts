import { Command, Option } from 'commander';
import { occurs, type CoocCounts, type CoocRequest, type TermSet } from '../../analysis/cooccurrence.js';
import { coocCountsToData } from '../../analysis/mergeCooc.js';
import {
  COOC_MEASURES,
  MATRIX_VALUES,
  cooccurrenceMatrix,
  cooccurrenceRows,
  cooccurrenceTable,
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
import type { ResultTable } from '../../resultTable.js';
import { countCorpusCooc } from '../openCorpus.js';
import { shardJson } from '../shard.js';
import {
  filterFrom,
  commaList,
  corpusOptions,
  filterOptions,
  outputOptions,
  positiveInt,
  type CorpusFlags,
  type CountingFlags,
  type FilterFlags,
  type OutputFlags,
} from '../options.js';
import { emit } from '../writeOutput.js';

interface CoocFlags extends CorpusFlags, CountingFlags, FilterFlags, OutputFlags {
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
  shard?: boolean;
}

const DEFAULT_TOP = 50;
const DEFAULT_WINDOW = 5;

function termSet(flags: CoocFlags): TermSet {
  if (flags.terms) return { kind: 'terms', terms: commaList(flags.terms) };
  if (flags.slogans) return { kind: 'forms', forms: lexiconSurfaceForms(loadBundledLexicon()) };
  return { kind: 'words', filter: filterFrom(flags) };
}

/** What the flags ask to count. */
function coocRequest(flags: CoocFlags): CoocRequest {
  return {
    field: flags.by,
    unit: { kind: flags.unit ?? (flags.window ? 'window' : 'sentence'), window: flags.window ?? DEFAULT_WINDOW },
    terms: termSet(flags),
    top: termTop(flags),
    min: flags.min,
  };
}

/** How many terms --top keeps: all of a list or the lexicon, else DEFAULT_TOP unless given. */
export function termTop(flags: Pick<CoocFlags, 'top' | 'terms' | 'slogans'>): number | undefined {
  return flags.top ?? (flags.terms || flags.slogans ? undefined : DEFAULT_TOP);
}

/** The pair table or the matrix of counts as one table (what tifa merge prints). */
export function coocTableOf(counts: CoocCounts, flags: Pick<CoocFlags, 'matrix' | 'value' | 'measure'>): ResultTable {
  return flags.matrix ? cooccurrenceMatrix(counts, { value: flags.value }) : cooccurrenceTable(counts, { measure: flags.measure });
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
  if (flags.matrix) printTable(coocTableOf(counts, flags), flags);
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
    .addOption(new Option('--value <name>', 'what --matrix shows').choices([...MATRIX_VALUES]).default('count'))
    .option('--shard', 'print the counts of every term of the set as shard JSON for tifa merge (which applies --top and --min), instead of the table');
  filterOptions(cmd);
  corpusOptions(cmd);
  // Not countingOptions: here one thread is the default (see pipeline/coocFiles.ts, collocateFiles.ts).
  cmd.option('--jobs <n>', 'worker threads (default: none; the cut runs off the main thread, which measured faster)', positiveInt);
  outputOptions(cmd, [...Object.keys(TABLE_FORMATS), 'xlsx', ...NETWORK_FORMATS]);
  return cmd.action(async (paths: string[], flags: CoocFlags) => {
    if (flags.window !== undefined && flags.unit !== undefined && flags.unit !== 'window') {
      throw new UsageError(`--window sets the size of window units; it does nothing with --unit ${flags.unit}`);
    }
    const request = coocRequest(flags);
    // A shard counts the whole term set: the top terms and those reaching --min are chosen once shards are pooled.
    const counts = await countCorpusCooc(paths, flags, flags.shard ? { ...request, top: undefined, min: 1 } : request);
    if (flags.terms) noteAbsentTerms(commaList(flags.terms), (term) => occurs(counts, term));
    if (flags.shard) emit(shardJson('cooc', paths, flags, coocCountsToData(counts)), flags);
    else print(counts, flags);
  });
}
