import { Command } from 'commander';
import { locatedTokens, segmentedLines, tokenRows } from '../../analysis/segmentDocument.js';
import { TABLE_FORMATS } from '../../format/formatters.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { corpusOptions, outputOptions, type CorpusFlags, type OutputFlags } from '../options.js';
import { emit } from '../writeOutput.js';
import type { Document } from '../../corpus/document.js';
import type { Segmenter } from '../../segment/token.js';

export function segmentCommand(): Command {
  const cmd = new Command('segment')
    .description('segment texts: tokens separated by single spaces, one output line per input line')
    .argument('[paths...]', 'files or folders, - for standard input (default: the bundled corpus)')
    .option('--pos', 'tag each token with its part of speech (word/tag)');
  corpusOptions(cmd);
  outputOptions(cmd, ['text', ...Object.keys(TABLE_FORMATS)]);
  return cmd.action((paths: string[], flags: CorpusFlags & OutputFlags & { pos?: boolean }) => {
    const { docs, segmenter } = openCorpus(paths, flags, { pos: Boolean(flags.pos) });
    const pos = Boolean(flags.pos);
    if (flags.format === 'text') {
      // Line by line as each document is cut: `tifa segment big/ | head` prints at once, and memory follows one document.
      emit(segmentedText(docs, segmenter, pos), flags);
      return;
    }
    const columns = ['doc', 'line', 'column', 'start', 'end', 'token', ...(pos ? ['pos'] : [])];
    const rows = [];
    for (const doc of docs) rows.push(...tokenRows(locatedTokens(doc, segmenter, pos)));
    printTable({ columns, rows }, flags);
  });
}

function* segmentedText(docs: Iterable<Document>, segmenter: Segmenter, pos: boolean): Generator<string> {
  for (const doc of docs) yield segmentedLines(doc, locatedTokens(doc, segmenter, pos)).map((line) => `${line}\n`).join('');
}
