import { Command, Option } from 'commander';
import { CONCORDANCE_COLUMNS, concordance, documentLines, type ConcordanceRequest } from '../../analysis/concordance.js';
import { searchPattern } from '../../analysis/kwic.js';
import { KWIC_SORTS, type KwicSort } from '../../analysis/kwicOrder.js';
import type { Document } from '../../corpus/document.js';
import type { Row } from '../../resultTable.js';
import { noteAbsentTerms } from '../absentTerms.js';
import { printPagedTable, printTable, warn } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { noteLeftOut } from '../leftOut.js';
import { corpusOptions, nonNegativeInt, outputOptions, positiveInt, type CorpusFlags, type OutputFlags } from '../options.js';

interface KwicFlags extends CorpusFlags, OutputFlags {
  width: number;
  by?: string;
  regex?: boolean;
  tokens?: boolean;
  sort?: KwicSort;
  limit?: number;
  sample?: number;
  seed: number;
}

export function kwicCommand(): Command {
  const cmd = new Command('kwic')
    .description(
      'keyword in context: every occurrence with document, original line and column, and context. The unit is the substring: ' +
        'kwic 改革 also finds 改革 inside 深化改革开放 (freq counts tokens, so its total can be smaller); --tokens keeps whole tokens only',
    )
    .argument('<term>', 'a term (literal; may span tokens and repaired page breaks) or /a regular expression/')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--width <n>', 'characters of context on each side', positiveInt, 20)
    .option('--regex', 'read <term> as a regular expression')
    .option('--tokens', 'only hits made of whole tokens (that begin and end where tokens do), as freq counts')
    .option('--by <field>', 'add this metadata field as a column and group the lines by it')
    .addOption(new Option('--sort <key>', 'order lines by the left or right context, or by the k-th word before (L1–L3) or after (R1–R3) the match').choices([...KWIC_SORTS]))
    .option('--sample <n>', 'n lines drawn at random (reproducible with --seed), before sorting', positiveInt)
    .option('--seed <s>', 'seed of --sample', nonNegativeInt, 1)
    .option('--limit <n>', 'print only the first n lines (after --sample and --sort); the number left out goes to stderr', positiveInt);
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((term: string, paths: string[], flags: KwicFlags) => {
    const pattern = searchPattern(term, flags.regex);
    const corpus = openCorpus(paths, flags);
    const request: ConcordanceRequest = { pattern, width: flags.width, tokens: flags.tokens, field: flags.by, sample: flags.sample, seed: flags.seed, sort: flags.sort };
    if (!flags.by && !flags.sample && !flags.sort) {
      const rowsOf = (doc: Document): Row[] => documentLines(doc, corpus.segmenter, request);
      printPagedTable({ columns: [...CONCORDANCE_COLUMNS], pages: () => streamedLines(corpus.docs, rowsOf, term, flags.limit) }, flags);
      return;
    }
    const found = concordance(corpus.docs, corpus.segmenter, request);
    noteLeftOut(found);
    noteAbsentTerms([term], () => found.hits > 0);
    let { rows } = found.table;
    if (flags.limit !== undefined && rows.length > flags.limit) {
      warn(`${rows.length - flags.limit} of ${rows.length} lines not shown (--limit ${flags.limit})`);
      rows = rows.slice(0, flags.limit);
    }
    printTable({ ...found.table, rows }, flags);
  });
}

/**
 * The lines of each document as it is read, in reading order: without groups, samples or sorting nothing needs
 * the lines of other documents, so memory follows one document however many lines the corpus has. With `limit`,
 * lines past it are counted (for the note), not kept.
 */
function* streamedLines(docs: Iterable<Document>, rowsOf: (doc: Document) => Row[], term: string, limit: number | undefined): Generator<Row[]> {
  let hits = 0;
  for (const doc of docs) {
    const rows = rowsOf(doc);
    const room = limit === undefined ? rows.length : Math.max(0, limit - hits);
    hits += rows.length;
    if (room > 0) yield room < rows.length ? rows.slice(0, room) : rows;
  }
  noteAbsentTerms([term], () => hits > 0);
  if (limit !== undefined && hits > limit) warn(`${hits - limit} of ${hits} lines not shown (--limit ${limit})`);
}
