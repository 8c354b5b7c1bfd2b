import { InputError } from '../errors.js';
import { frontMatterLines } from './extractedText.js';
import { newMeta, type Document, type Meta, type OriginMap, type Place } from './document.js';
import { listCorpusFiles } from './files.js';
import { detectFormat } from './formats.js';
import { readManifest, type Manifest } from './manifest.js';
import { metaFromName } from './nameMeta.js';
import { normalise } from './normalise.js';
import { originalPositions } from './originMap.js';
import { simplifiedSameLength } from './simplified.js';
import type { BreakEvidence } from './pageBreaks.js';
import type { Extraction } from './readers/extraction.js';
import { extract } from './readers/index.js';
import { readBytes } from './readTextFile.js';
import { fileStem } from './stdin.js';

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
 * A document from its bytes, with only the metadata its content holds (front matter, a page's meta tags): what the
 * file name adds is applied by completeMeta, so cached content stays valid under another --meta-from-name.
 * Every format goes through its reader (readers/) and then the same normalise step.
 */
export function documentFromBytes(buffer: Buffer, file: string, options: ReadOptions = {}): Document {
  const format = detectFormat(buffer, file);
  const extraction = extract(format, buffer, file, { encoding: options.encoding });
  const { meta } = extraction;
  // An empty file is most often a failed extraction; counted, it would only dilute rates and dispersion.
  if (!/\S/.test(extraction.text)) {
    throw new InputError(`${file}: no text to analyse (${format === 'text' || format === 'markdown' ? 'empty, or front matter only' : `no ${format} text found`}); remove it from the corpus`);
  }
  const normalised = normalise(extraction.text, withLayout(options.breakEvidence, extraction.runsOnAt), extraction.pageStarts, extraction.origin);
  const text = options.toSimplified ? simplifiedSameLength(normalised.text) : normalised.text;
  const { origin } = normalised;
  const id = meta.id || fileStem(file);
  if (format === 'text') return { id, path: file, meta, text, origin: shiftLines(origin, extraction.lineOffset ?? 0) };
  // Markdown's text is the file's own, markup taken out: positions are the file's, as for plain text.
  if (extraction.origin) return { id, path: file, meta, text, format, origin, headingLines: new Set(extraction.headingLines) };
  return { id, path: file, meta, text, format, origin: extractedPlaces(text, origin, extraction), headingLines: headingPlaces(extraction, origin, text) };
}

/** The caller's break evidence with what the reader's layout says about page ends (PDF). */
function withLayout(evidence: BreakEvidence | undefined, runsOnAt: number[] | undefined): BreakEvidence | undefined {
  if (!runsOnAt || runsOnAt.length === 0) return evidence;
  const runsOn = new Set(runsOnAt);
  return { wordAcross: (before, after) => evidence?.wordAcross(before, after) ?? false, runsOn: (offset) => runsOn.has(offset) };
}

/**
 * Places in a file read by a reader: line and column of the text `tifa extract` prints (its front matter counted),
 * and the page or paragraph of the file the offset came from (through the normalise map into the extraction).
 */
function extractedPlaces(text: string, toExtraction: OriginMap, extraction: Extraction): OriginMap {
  const printed = originalPositions(text);
  const above = frontMatterLines(extraction.meta);
  const units = extraction.units;
  return {
    locate(offset) {
      const at = printed.locate(offset);
      const place: Place = { line: at.line + above, column: at.column };
      if (!units) return place;
      const source = toExtraction.locate(offset);
      const unit = units.ofLine[Math.min(source.line, units.ofLine.length) - 1];
      if (units.kind === 'page') place.page = unit;
      else {
        place.paragraph = unit;
        place.column = source.column;
      }
      return place;
    },
  };
}

/** The heading lines of an extraction as the document's places report them (after normalising). */
function headingPlaces(extraction: Extraction, toExtraction: OriginMap, text: string): ReadonlySet<number> | undefined {
  const wanted = new Set(extraction.headingLines ?? []);
  if (wanted.size === 0) return undefined;
  const above = frontMatterLines(extraction.meta);
  const found = new Set<number>();
  let line = 1;
  for (let at = 0; at <= text.length; line++) {
    if (wanted.has(toExtraction.locate(at).line)) found.add(line + above);
    const next = text.indexOf('\n', at);
    if (next === -1) break;
    at = next + 1;
  }
  return found;
}

/** Metadata from the file name under the front matter's, the metadata table's over it, derived fields, and the id. */
export function completeMeta(front: Meta, file: string, outer?: OuterMeta): Meta {
  const meta = deriveFields(newMeta(outer?.name?.(file), front, outer?.table?.metaOf(file)));
  meta.id = meta.id || fileStem(file);
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
        options.warn?.(`skipped ${err.cliMessage}`);
        continue;
      }
      throw err;
    }
  }
}
