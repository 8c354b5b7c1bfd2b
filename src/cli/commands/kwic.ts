import { Command, Option } from 'commander';
import { GroupIndex, groupOf } from '../../analysis/groups.js';
import { kwicRows, searchPattern } from '../../analysis/kwic.js';
import { KWIC_SORTS, sortKwic, type KwicSort } from '../../analysis/kwicOrder.js';
import { sampleOf, seededRandom } from '../../analysis/random.js';
import type { Document } from '../../corpus/document.js';
import type { Row } from '../../resultTable.js';
import type { Segmenter } from '../../segment/token.js';
import { noteAbsentTerms } from '../absentTerms.js';
import { printPagedTable, printTable, warn } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { leftOutReporter } from '../leftOut.js';
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

/** Where the tokens of a document start and end: --tokens keeps the hits that begin and end on these. */
function tokenBounds(text: string, segmenter: Segmenter): { starts: Set<number>; ends: Set<number> } {
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const t of segmenter.cut(text)) {
    starts.add(t.start);
    ends.add(t.end);
  }
  return { starts, ends };
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
    const columns = [...(flags.by ? [flags.by] : []), 'doc', 'line', 'column', 'left', 'match', 'right'];
    const rowsOf = (doc: Document): Row[] => kwicRows(doc, pattern, flags.width, flags.tokens ? tokenBounds(doc.text, corpus.segmenter) : undefined);
    if (!flags.by && !flags.sample && !flags.sort) {
      printPagedTable({ columns, pages: () => streamedLines(corpus.docs, rowsOf, term, flags.limit) }, flags);
      return;
    }
    const leftOut = leftOutReporter(flags.by);
    const byGroup: Row[][] = [];
    const groups = new GroupIndex(() => byGroup.push([]));
    let hits = 0;
    for (const doc of corpus.docs) {
      const group = groupOf(doc, flags.by);
      if (group === undefined) {
        leftOut.onLeftOut(doc);
        continue;
      }
      const rows = rowsOf(doc);
      hits += rows.length;
      // The cell shows the value itself; `group` may carry the field to keep table columns apart (groupLabel).
      if (flags.by) for (const row of rows) row[flags.by] = doc.meta[flags.by];
      const groupRows = byGroup[groups.numberOf(group)];
      for (const row of rows) groupRows.push(row);
    }
    leftOut.report(byGroup.length);
    noteAbsentTerms([term], () => hits > 0);
    // Within each group: sample, then sort; the groups stay in reading order.
    const random = seededRandom(flags.seed);
    const segmenter = flags.sort ? corpus.segmenter : undefined;
    let rows = byGroup.flatMap((group) => {
      const drawn = flags.sample ? sampleOf(group, flags.sample, random) : group;
      return segmenter ? sortKwic(drawn, flags.sort!, segmenter) : drawn;
    });
    if (flags.limit !== undefined && rows.length > flags.limit) {
      warn(`${rows.length - flags.limit} of ${rows.length} lines not shown (--limit ${flags.limit})`);
      rows = rows.slice(0, flags.limit);
    }
    printTable({ columns, rows }, flags);
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
