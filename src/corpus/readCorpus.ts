import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError } from '../errors.js';
import { decodeBuffer } from './decode.js';
import type { Document, Meta, OriginMap } from './document.js';
import { listCorpusFiles } from './files.js';
import { parseFrontMatter } from './frontMatter.js';
import { metaFromName } from './nameMeta.js';
import { normalise } from './normalise.js';

export interface ReadOptions {
  /** Force a decoding instead of detecting it. */
  encoding?: string;
  /** Pattern such as `gwr_{year}` that fills metadata from file names. */
  metaFromName?: string;
  /** What to do with a file that cannot be decoded: stop with an error (default) or skip it with a warning. */
  onBadFile?: 'stop' | 'skip';
  warn?: (message: string) => void;
}

/** Fields computed from others so that any corpus can be grouped by them, e.g. `--by decade`. */
function deriveFields(meta: Meta): Meta {
  const year = meta.year ?? /^(\d{4})/.exec(meta.date ?? '')?.[1];
  if (year && /^\d{4}$/.test(year)) {
    meta.year ??= year;
    meta.decade ??= `${year.slice(0, 3)}0s`;
  }
  return meta;
}

/** Shifts body-relative positions to file positions (the front matter sits above the body). */
function shiftLines(origin: OriginMap, lineOffset: number): OriginMap {
  if (lineOffset === 0) return origin;
  return {
    locate(offset) {
      const at = origin.locate(offset);
      return { line: at.line + lineOffset, column: at.column };
    },
  };
}

/** Reads one file into a Document: decode, front matter, name metadata, normalise. */
export function readDocument(file: string, options: ReadOptions = {}, nameMatcher?: ReturnType<typeof metaFromName>): Document {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch {
    throw new InputError(`${file}: cannot read file`);
  }
  const { text: decoded } = decodeBuffer(buffer, file, options.encoding);
  const { meta: front, bodyStart, bodyLine } = parseFrontMatter(decoded, file);
  const fromName = nameMatcher?.(file) ?? {};
  const meta = deriveFields({ ...fromName, ...front });
  const id = meta.id || basename(file, extname(file));
  meta.id = id;
  const { text, origin } = normalise(decoded.slice(bodyStart));
  return { id, path: file, meta, text, origin: shiftLines(origin, bodyLine - 1) };
}

/**
 * Streams the documents of files and folders one at a time, so memory stays bounded by one document
 * plus whatever the caller keeps (counts), not by the corpus.
 */
export function* readCorpus(paths: string[], options: ReadOptions = {}): Generator<Document> {
  const files = listCorpusFiles(paths);
  const nameMatcher = options.metaFromName ? metaFromName(options.metaFromName) : undefined;
  for (const file of files) {
    try {
      yield readDocument(file, options, nameMatcher);
    } catch (err) {
      if (options.onBadFile === 'skip' && err instanceof InputError) {
        options.warn?.(`skipped ${err.message}`);
        continue;
      }
      throw err;
    }
  }
}
