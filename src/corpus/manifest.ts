import { createHash } from 'node:crypto';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { parse as Parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { readTextFile } from './readTextFile.js';
import { newMeta, type Meta } from './document.js';

/**
 * A metadata table for a corpus (`--meta FILE`): CSV, TSV for a .tsv/.tab file, or JSON for a .json/.jsonl file
 * (see jsonRows), with a header row (a key, in JSON) whose `file` column names each document, by its path relative to the table's folder or by its file name with or
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

/** One row of a table: where it is (`file:line` for CSV, `file: row n` for JSON), its `file` cell and its fields. */
interface Row {
  place: string;
  name: string | undefined;
  fields: Array<[string, string]>;
}

let parse: typeof Parse | undefined;
/** csv-parse on first use: a run without a --meta table never needs it (its 79 modules took about 11 ms to load). */
function csvParse(): typeof Parse {
  parse ??= (createRequire(import.meta.url)('csv-parse/sync') as { parse: typeof Parse }).parse;
  return parse;
}

function csvRows(text: string, file: string): Row[] {
  const delimiter = ['.tsv', '.tab'].includes(extname(file).toLowerCase()) ? '\t' : ',';
  let records: string[][];
  try {
    records = csvParse()(text, { delimiter, trim: true, skip_empty_lines: true, relax_quotes: false }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new InputError(`${file}${line ? `:${line}` : ''}: ${(err as Error).message.replace(/ on line \d+$/, '')}`);
  }
  const [header = [], ...rows] = records;
  const key = header.indexOf('file');
  if (key < 0) throw new InputError(`${file}:1: a metadata table needs a "file" column; found: ${header.join(', ') || 'nothing'}`);
  return rows.map((row, i) => ({
    place: `${file}:${i + 2}`,
    name: row[key],
    fields: header.map((field, c): [string, string] => [field, row[c]]).filter(([field], c) => c !== key && field !== ''),
  }));
}

/** A JSON value as a field: text as it is, numbers and booleans written out, a list joined by `, `, null as nothing. */
function jsonField(value: unknown, place: string, field: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
    return value.map((v) => jsonField(v, place, field)).filter((v) => v !== '').join(', ');
  }
  throw new InputError(`${place}: field "${field}" holds an object; a metadata field is text, a number or a list of them`);
}

/**
 * A table written as JSON, as scrapers and scripts save one: an array of objects each with a `file` key, an object
 * of such objects keyed by file name, or JSON Lines (one object per line).
 */
function jsonRows(text: string, file: string): Row[] {
  const lines = /\.(jsonl|ndjson)$/i.test(file);
  let records: Array<{ place: string; value: unknown; name?: string }>;
  try {
    if (lines) {
      records = text
        .split('\n')
        .map((line, i) => ({ line: line.trim(), i }))
        .filter(({ line }) => line !== '')
        .map(({ line, i }) => ({ place: `${file}:${i + 1}`, value: parseLine(line, `${file}:${i + 1}`) }));
    } else {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) records = parsed.map((value, i) => ({ place: `${file}: row ${i + 1}`, value }));
      else if (parsed !== null && typeof parsed === 'object') records = Object.entries(parsed).map(([name, value]) => ({ place: `${file}: "${name}"`, value, name }));
      else throw new InputError(`${file}: a JSON metadata table is an array of objects with a "file" key, or an object keyed by file name`);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return records.map(({ place, value, name }) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError(`${place}: a row of a metadata table is an object of fields`);
    const entries = Object.entries(value as Record<string, unknown>);
    const own = name ?? (value as Record<string, unknown>).file;
    if (name === undefined && typeof own !== 'string') throw new InputError(`${place}: the row has no "file" key naming its document`);
    return { place, name: own as string, fields: entries.filter(([field]) => field !== 'file').map(([field, v]): [string, string] => [field, jsonField(v, place, field)]) };
  });
}

function parseLine(line: string, place: string): unknown {
  try {
    return JSON.parse(line);
  } catch (err) {
    throw new InputError(`${place}: not valid JSON (${(err as Error).message})`);
  }
}

export function readManifest(file: string): Manifest {
  // Decoded like a corpus file: Excel on a Chinese Windows saves CSV as GBK, elsewhere as UTF-8 with a BOM.
  const text = readTextFile(file, 'the metadata table');
  const json = /\.(json|jsonl|ndjson)$/i.test(file);
  const byKey = new Map<string, Meta>();
  for (const row of json ? jsonRows(text, file) : csvRows(text, file)) {
    const name = (row.name ?? '').trim().split('\\').join('/');
    if (!name) throw new InputError(`${row.place}: the "file" cell is empty`);
    if (byKey.has(name)) throw new InputError(`${row.place}: "${name}" has a row already`);
    const meta = newMeta();
    for (const [field, value] of row.fields) if (value) meta[field] = value;
    byKey.set(name, meta);
  }
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
