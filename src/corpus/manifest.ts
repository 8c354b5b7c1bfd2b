import { createHash } from 'node:crypto';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { readTextFile } from './readTextFile.js';
import { newMeta, type Meta } from './document.js';

/**
 * A metadata table for a corpus (`--meta FILE`): CSV, or TSV for a .tsv/.tab file, with a header row whose
 * `file` column names each document, by its path relative to the table's folder or by its file name with or
 * without extension. The other columns are metadata fields; an empty cell sets nothing.
 */
export interface Manifest {
  /** The table's fields for a corpus file, if a row names it. */
  metaOf(file: string): Meta | undefined;
  /**
   * The `file` cells of rows that name none of these files (typos, files not in the corpus), and of rows that
   * name several (a file name found in more than one folder: the row gives them all its fields).
   */
  check(files: readonly string[]): { unmatched: string[]; ambiguous: string[] };
  /** Identifies what the table says of which files: its content and the folder its paths are relative to. */
  key: string;
}

/** The keys under which a corpus file can be named: its path relative to the table's folder, its name, its stem. */
function keysOf(file: string, base: string): string[] {
  const name = basename(file);
  return [relative(base, resolve(file)).split('\\').join('/'), name, basename(name, extname(name))];
}

export function readManifest(file: string): Manifest {
  // Decoded like a corpus file: Excel on a Chinese Windows saves CSV as GBK, elsewhere as UTF-8 with a BOM.
  const text = readTextFile(file, 'the metadata table');
  const delimiter = ['.tsv', '.tab'].includes(extname(file).toLowerCase()) ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, trim: true, skip_empty_lines: true, relax_quotes: false }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new InputError(`${file}${line ? `:${line}` : ''}: ${(err as Error).message.replace(/ on line \d+$/, '')}`);
  }
  const [header = [], ...rows] = records;
  const key = header.indexOf('file');
  if (key < 0) throw new InputError(`${file}:1: a metadata table needs a "file" column; found: ${header.join(', ') || 'nothing'}`);
  const byKey = new Map<string, Meta>();
  rows.forEach((row, i) => {
    const name = row[key].split('\\').join('/');
    if (!name) throw new InputError(`${file}:${i + 2}: the "file" cell is empty`);
    if (byKey.has(name)) throw new InputError(`${file}:${i + 2}: "${name}" has a row already`);
    const meta = newMeta();
    header.forEach((field, c) => {
      if (c !== key && field && row[c]) meta[field] = row[c];
    });
    byKey.set(name, meta);
  });
  const base = dirname(resolve(file));
  return {
    metaOf: (doc) => keysOf(doc, base).map((k) => byKey.get(k)).find((meta) => meta !== undefined),
    check(files) {
      const matches = new Map<string, number>();
      for (const doc of files) {
        const row = keysOf(doc, base).find((k) => byKey.has(k));
        if (row !== undefined) matches.set(row, (matches.get(row) ?? 0) + 1);
      }
      const names = [...byKey.keys()];
      return { unmatched: names.filter((name) => !matches.has(name)), ambiguous: names.filter((name) => matches.get(name)! > 1) };
    },
    // Relative paths in the table and on the command line resolve against these folders.
    key: JSON.stringify([createHash('sha1').update(text).digest('hex'), base, process.cwd()]),
  };
}
