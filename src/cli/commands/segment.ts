import { Command } from 'commander';
import { locatedTokens, segmentedLines, tokenRows } from '../../analysis/segmentDocument.js';
import { TABLE_FORMATS } from '../../format/formatters.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { corpusOptions, outputOptions, type CorpusFlags, type OutputFlags } from '../options.js';
import { emit } from '../writeOutput.js';

export function segmentCommand(): Command {
  const cmd = new Command('segment')
    .description('segment texts: tokens separated by single spaces, one output line per input line')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--pos', 'tag each token with its part of speech (word/tag)');
  corpusOptions(cmd);
  outputOptions(cmd, ['text', ...Object.keys(TABLE_FORMATS)]);
  return cmd.action((paths: string[], flags: CorpusFlags & OutputFlags & { pos?: boolean }) => {
    const { docs, segmenter } = openCorpus(paths, flags, { pos: Boolean(flags.pos) });
    const columns = ['doc', 'line', 'column', 'start', 'end', 'token', ...(flags.pos ? ['pos'] : [])];
    const rows = [];
    const lines: string[] = [];
    for (const doc of docs) {
      const tokens = locatedTokens(doc, segmenter, Boolean(flags.pos));
      if (flags.format === 'text') lines.push(...segmentedLines(doc, tokens));
      else rows.push(...tokenRows(tokens));
    }
    if (flags.format === 'text') emit(lines.map((l) => `${l}\n`).join(''), flags);
    else printTable({ columns, rows }, flags);
  });
}
