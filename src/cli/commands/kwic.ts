import { Command } from 'commander';
import { groupOf } from '../../analysis/countCorpus.js';
import { kwicRows, searchPattern } from '../../analysis/kwic.js';
import type { Row } from '../../format/table.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { leftOutReporter } from '../leftOut.js';
import { corpusOptions, outputOptions, positiveInt, type CorpusFlags, type OutputFlags } from '../options.js';

interface KwicFlags extends CorpusFlags, OutputFlags {
  width: number;
  by?: string;
  regex?: boolean;
}

export function kwicCommand(): Command {
  const cmd = new Command('kwic')
    .description('keyword in context: every occurrence with document, original line and column, and context')
    .argument('<term>', 'a term (literal; may span tokens and repaired page breaks) or /a regular expression/')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--width <n>', 'characters of context on each side', positiveInt, 20)
    .option('--regex', 'read <term> as a regular expression')
    .option('--by <field>', 'add this metadata field as a column and group the lines by it');
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((term: string, paths: string[], flags: KwicFlags) => {
    const pattern = searchPattern(term, flags.regex);
    const leftOut = leftOutReporter(flags.by);
    const byGroup = new Map<string, Row[]>();
    for (const doc of openCorpus(paths, flags).docs) {
      const group = groupOf(doc, flags.by);
      if (group === undefined) {
        leftOut.onLeftOut(doc);
        continue;
      }
      const rows = kwicRows(doc, pattern, flags.width);
      // The cell shows the value itself; `group` may carry the field to keep table columns apart (groupLabel).
      if (flags.by) for (const row of rows) row[flags.by] = doc.meta[flags.by];
      const groupRows = byGroup.get(group) ?? [];
      for (const row of rows) groupRows.push(row);
      byGroup.set(group, groupRows);
    }
    leftOut.report(byGroup.size);
    const columns = [...(flags.by ? [flags.by] : []), 'doc', 'line', 'column', 'left', 'match', 'right'];
    printTable({ columns, rows: [...byGroup.values()].flat() }, flags);
  });
}
