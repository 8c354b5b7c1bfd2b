import { basename, extname } from 'node:path';
import { InputError } from '../errors.js';
import { decodeBuffer } from './decode.js';
import { newMeta, type Document, type Meta, type OriginMap } from './document.js';
import { listCorpusFiles } from './files.js';
import { parseFrontMatter } from './frontMatter.js';
import { readManifest, type Manifest } from './manifest.js';
import { metaFromName } from './nameMeta.js';
import { normalise } from './normalise.js';
import { simplifiedSameLength } from './simplified.js';
import type { BreakEvidence } from './pageBreaks.js';
import { readBytes } from './readTextFile.js';

export interface ReadOptions {
  /** Force a decoding instead of detecting it. */
  encoding?: string;
  /** Pattern such as `gwr_{year}` that fills metadata from file names. */
  /** File-name patterns (--meta-from-name, repeatable): the first that matches a name applies. */
  metaFromName?: string[];
  /** A metadata table (CSV or TSV with a `file` column); see manifest.ts. */
  metaFile?: string;
  /** What to do with a file that cannot be decoded: stop with an error (default) or skip it with a warning. */
  onBadFile?: 'stop' | 'skip';
  warn?: (message: string) => void;
  /**
   * The segmenter's word across a page break (segmenterBreakEvidence): the corpus layer cannot segment, so the
   * caller that has a segmenter injects it. Without it only punctuation says a break cut a sentence.
   */
  breakEvidence?: BreakEvidence;
  /** Traditional characters as simplified (OpenCC), the text's length kept so that offsets still hold. */
  toSimplified?: boolean;
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

/**
 * Metadata from outside the files' content: a file-name pattern (under the front matter) and a metadata table
 * (over it: the table is what the analyst wrote for this run), and a key that changes when either does.
 */
export interface OuterMeta {
  name?: ReturnType<typeof metaFromName>;
  table?: Manifest;
  key: string;
}

export function outerMeta(options: Pick<ReadOptions, 'metaFromName' | 'metaFile'>): OuterMeta {
  const table = options.metaFile ? readManifest(options.metaFile) : undefined;
  return {
    name: options.metaFromName?.length ? metaFromName(options.metaFromName) : undefined,
    table,
    key: JSON.stringify([options.metaFromName?.join('\n') ?? '', table?.key ?? '']),
  };
}

// Re-exported: corpus files and side files are read by one function.
export { readBytes };

/** Reads one file into a Document: decode, front matter, name metadata, normalise. */
export function readDocument(file: string, options: ReadOptions = {}, outer?: OuterMeta): Document {
  const doc = documentFromBytes(readBytes(file), file, options);
  doc.meta = completeMeta(doc.meta, file, outer);
  doc.id = doc.meta.id;
  return doc;
}

/**
 * A document from its bytes, with only the metadata its content holds (front matter): what the file name
 * adds is applied by completeMeta, so cached content stays valid under another --meta-from-name.
 */
export function documentFromBytes(buffer: Buffer, file: string, options: ReadOptions = {}): Document {
  const { text: decoded } = decodeBuffer(buffer, file, options.encoding);
  const { meta, bodyStart, bodyLine } = parseFrontMatter(decoded, file);
  const body = decoded.slice(bodyStart);
  // An empty file is most often a failed extraction; counted, it would only dilute rates and dispersion.
  if (!/\S/.test(body)) throw new InputError(`${file}: no text to analyse (empty, or front matter only); remove it from the corpus`);
  const normalised = normalise(body, options.breakEvidence);
  const text = options.toSimplified ? simplifiedSameLength(normalised.text) : normalised.text;
  const { origin } = normalised;
  return { id: meta.id || basename(file, extname(file)), path: file, meta, text, origin: shiftLines(origin, bodyLine - 1) };
}

/** Metadata from the file name under the front matter's, the metadata table's over it, derived fields, and the id. */
export function completeMeta(front: Meta, file: string, outer?: OuterMeta): Meta {
  const meta = deriveFields(newMeta(outer?.name?.(file), front, outer?.table?.metaOf(file)));
  meta.id = meta.id || basename(file, extname(file));
  return meta;
}

/**
 * Streams the documents of files and folders one at a time, so memory stays bounded by one document
 * plus whatever the caller keeps (counts), not by the corpus.
 */
export function* readCorpus(paths: string[], options: ReadOptions = {}): Generator<Document> {
  yield* readFiles(listCorpusFiles(paths), options);
}

/** readCorpus over files already listed (listCorpusFiles). */
export function* readFiles(files: string[], options: ReadOptions = {}): Generator<Document> {
  const outer = outerMeta(options);
  for (const file of files) {
    try {
      yield readDocument(file, options, outer);
    } catch (err) {
      if (options.onBadFile === 'skip' && err instanceof InputError) {
        options.warn?.(`skipped ${err.message}`);
        continue;
      }
      throw err;
    }
  }
}
