import { fstatSync } from 'node:fs';
import { Command } from 'commander';
import { locatedTokens, segmentedLines, tokenRows } from '../../analysis/segmentDocument.js';
import { TABLE_FORMATS } from '../../format/formatters.js';
import { printPagedTable, warn } from '../terminal.js';
import type { Row } from '../../resultTable.js';
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
    } else {
      const columns = ['doc', 'line', 'column', 'start', 'end', 'token', ...(pos ? ['pos'] : [])];
      // One page per document: CSV, TSV and JSON are written as they are cut, like the text.
      printPagedTable({ columns, pages: () => documentPages(docs, segmenter, pos) }, flags);
    }
    // `echo 文本 | tifa segment` cuts the bundled corpus, not the text: said after it, since the user expected otherwise.
    if (paths.length === 0 && stdinIsPiped()) warn('segmented the bundled corpus, not standard input: give - to segment what is piped in');
  });
}

/** Standard input is a pipe, a socket (what Node gives a child) or a file, not a terminal or /dev/null: something was given to be read. */
function stdinIsPiped(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    // Closed: nothing was given.
    return false;
  }
}

function* documentPages(docs: Iterable<Document>, segmenter: Segmenter, pos: boolean): Generator<Row[]> {
  for (const doc of docs) yield tokenRows(locatedTokens(doc, segmenter, pos));
}

function* segmentedText(docs: Iterable<Document>, segmenter: Segmenter, pos: boolean): Generator<string> {
  for (const doc of docs) yield segmentedLines(doc, locatedTokens(doc, segmenter, pos)).map((line) => `${line}\n`).join('');
}
