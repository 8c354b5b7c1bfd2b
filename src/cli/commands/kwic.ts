import { Command } from 'commander';
import { groupOf } from '../../analysis/countCorpus.js';
import { kwicRows, searchPattern } from '../../analysis/kwic.js';
import type { Row } from '../../format/table.js';
import type { Segmenter } from '../../segment/token.js';
import { noteAbsentTerms } from '../absentTerms.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { leftOutReporter } from '../leftOut.js';
import { corpusOptions, outputOptions, positiveInt, type CorpusFlags, type OutputFlags } from '../options.js';

interface KwicFlags extends CorpusFlags, OutputFlags {
  width: number;
  by?: string;
  regex?: boolean;
  tokens?: boolean;
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
    .option('--by <field>', 'add this metadata field as a column and group the lines by it');
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((term: string, paths: string[], flags: KwicFlags) => {
    const pattern = searchPattern(term, flags.regex);
    const leftOut = leftOutReporter(flags.by);
    const byGroup = new Map<string, Row[]>();
    const corpus = openCorpus(paths, flags);
    let hits = 0;
    for (const doc of corpus.docs) {
      const group = groupOf(doc, flags.by);
      if (group === undefined) {
        leftOut.onLeftOut(doc);
        continue;
      }
      const rows = kwicRows(doc, pattern, flags.width, flags.tokens ? tokenBounds(doc.text, corpus.segmenter) : undefined);
      hits += rows.length;
      // The cell shows the value itself; `group` may carry the field to keep table columns apart (groupLabel).
      if (flags.by) for (const row of rows) row[flags.by] = doc.meta[flags.by];
      const groupRows = byGroup.get(group) ?? [];
      for (const row of rows) groupRows.push(row);
      byGroup.set(group, groupRows);
    }
    leftOut.report(byGroup.size);
    noteAbsentTerms([term], () => hits > 0);
    const columns = [...(flags.by ? [flags.by] : []), 'doc', 'line', 'column', 'left', 'match', 'right'];
    printTable({ columns, rows: [...byGroup.values()].flat() }, flags);
  });
}
