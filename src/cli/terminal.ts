import { Chalk, type ChalkInstance } from 'chalk';
import { TABLE_FORMATS } from '../format/formatters.js';
import type { ResultTable } from '../format/table.js';
import type { OutputFlags } from './options.js';
import { wipeProgress } from './progress.js';
import { emit } from './writeOutput.js';

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

export function printTable(table: ResultTable, flags: OutputFlags): void {
  const color = colorFor(process.stdout, Boolean(flags.output));
  emit(TABLE_FORMATS[flags.format](table, { bom: flags.bom, color }), flags);
}

/** Names for a one-line note: the first five, then … */
export function firstFew(names: string[]): string {
  return names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
}
