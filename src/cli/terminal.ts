import { Chalk, type ChalkInstance } from 'chalk';
import { TABLE_FORMATS } from '../format/formatters.js';
import { formatPaged } from '../format/pagedFormat.js';
import { wholeTable, type PagedTable, type ResultTable } from '../resultTable.js';
import { CONTENT_WORDS, type CorpusFlags, type FilterFlags, type OutputFlags } from './options.js';
import { wipeProgress } from './progress.js';
import { emit, writeFileAtomic } from './writeOutput.js';
import { xlsxWorkbook, type NamedTable } from '../format/xlsx.js';
import { toLong } from '../format/longTable.js';
import { TifaError, UsageError } from '../errors.js';

/** Messages for the user go to stderr, never into the data on stdout. */
export function warn(message: string): void {
  wipeProgress();
  process.stderr.write(`tifa: ${message}\n`);
}

/** Colour only on a terminal, never with NO_COLOR (no-color.org) and never into a file. */
export function colorFor(stream: NodeJS.WriteStream, toFile = false): ChalkInstance {
  const enabled = !toFile && Boolean(stream.isTTY) && !process.env.NO_COLOR;
  return new Chalk({ level: enabled ? 1 : 0 });
}

/**
 * Prints a table in the chosen format. `xlsx` writes a workbook to --output (a binary file never goes to a
 * terminal or a pipe), with `more` tables as further sheets; it is written when exceljs has zipped it, after the
 * command returns, and a failure then still ends tifa with one line and exit code 2.
 */
/** The flags a counting note reads. */
type NoteFlags = Partial<Pick<FilterFlags, 'drop' | 'contentWords' | 'stopwords'> & Pick<CorpusFlags, 'toSimplified'>>;

/**
 * What the cleaner-count options changed, for the note under a table read by a person (`table`, `md`): a reader of
 * the numbers must know that 國家 was counted as 国家, or that years were left out. Empty when none was given.
 */
export function countingNote(flags: NoteFlags): string {
  const parts: string[] = [];
  if (flags.toSimplified) parts.push('traditional characters counted as simplified (--to-simplified)');
  const drop = [...new Set([...(flags.drop ?? []), ...(flags.contentWords ? CONTENT_WORDS.drop : [])])];
  const stopwords = [flags.stopwords, flags.contentWords ? CONTENT_WORDS.stopwords : undefined].filter(Boolean).join(',');
  if (drop.length > 0) parts.push(`${drop.join(' and ')} not counted`);
  if (flags.contentWords && stopwords) parts.push(`stopwords ${stopwords} not counted (--content-words)`);
  return parts.length > 0 ? `note: ${parts.join('; ')}.` : '';
}

export function printTable(wide: ResultTable, flags: OutputFlags & NoteFlags, more: NamedTable[] = []): void {
  // --long on a table without groups changes nothing: it is long already.
  const table = flags.long && wide.long ? toLong(wide, wide.long) : wide;
  if (flags.format === 'xlsx') {
    if (!flags.output) throw new UsageError('--format xlsx writes a workbook: give --output FILE.xlsx');
    const output = flags.output;
    xlsxWorkbook([{ name: flags.sheet ?? 'table', table }, ...more])
      .then((buffer) => writeFileAtomic(output, buffer, Boolean(flags.force)))
      .catch((err: unknown) => {
        warn(err instanceof TifaError ? err.cliMessage : `cannot write ${output}: ${(err as Error).message}`);
        process.exitCode = err instanceof TifaError ? err.exitCode : 2;
      });
    return;
  }
  const color = colorFor(process.stdout, Boolean(flags.output));
  // Fitted to the terminal only when a person reads it there; a pipe or a file gets every column whole.
  const width = !flags.output && process.stdout.isTTY ? process.stdout.columns : undefined;
  const note = flags.format === 'table' || flags.format === 'md' ? countingNote(flags) : '';
  emit(TABLE_FORMATS[flags.format](table, { bom: flags.bom, color, width }) + (note ? `${note}\n` : ''), flags);
}

/** Formats a paged table is written in as its pages come; the others need every row at once. */
const STREAMED_FORMATS = new Set(['csv', 'tsv', 'json']);

/**
 * A table whose rows come page by page: data formats are written as the pages come (see formatPaged), so that
 * millions of rows never sit in memory; formats for a person, and --long, go through printTable.
 */
export function printPagedTable(table: PagedTable, flags: OutputFlags & NoteFlags): void {
  if (!STREAMED_FORMATS.has(flags.format) || flags.long) {
    printTable(wholeTable(table), flags);
    return;
  }
  const color = colorFor(process.stdout, Boolean(flags.output));
  emit(formatPaged(flags.format, table, { bom: flags.bom, color }), flags);
}

/** A table of either kind: printPagedTable for one whose rows come a page at a time, printTable for the rest. */
export function printResult(table: ResultTable | PagedTable, flags: OutputFlags & NoteFlags): void {
  if ('pages' in table) printPagedTable(table, flags);
  else printTable(table, flags);
}

/** Names for a one-line note: the first five, then … */
export function firstFew(names: string[]): string {
  return names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
}
