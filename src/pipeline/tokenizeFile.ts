import { fileRead } from './heapTrim.js';
import { completeMeta, documentFromBytes, readBytes, type OuterMeta, type ReadOptions } from '../corpus/readCorpus.js';
import type { Document, Meta, OriginMap } from '../corpus/document.js';
import { detectFormat } from '../corpus/formats.js';
import { NORMALISE_VERSION } from '../corpus/normalise.js';
import { segmenterBreakEvidence } from '../segment/breakEvidence.js';
import { wordEnds } from '../segment/offsets.js';
import { sentenceChunks } from '../segment/sentenceChunks.js';
import type { WordSegmenter, Words } from '../segment/token.js';
import { sum } from '../analysis/arithmetic.js';
import { TokenCache, type CachedDocument } from './tokenCache.js';

/** A file read once: its bytes' cache key (when caching) travels with it to every later step. */
export interface FileRead {
  file: string;
  bytes: Buffer;
  key?: string;
}

/** A file decoded and normalised (or taken from the cache), its words not yet cut unless the cache had them. */
export interface LoadedFile extends Document {
  read: FileRead;
  /** The metadata its content holds (front matter), which is what the cache stores. */
  contentMeta: Meta;
  cached?: Words;
}

/** Words from token end offsets, as the cache keeps them (tokens are contiguous, so starts follow). */
export function wordsFromEnds(text: string, ends: Uint32Array, tags?: string[]): Words {
  const words = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    words[i] = text.slice(start, ends[i]);
    start = ends[i];
  }
  return tags ? { words, tags, ends } : { words, ends };
}

/** Collects a file's token ends (and tags) chunk by chunk, then writes its token cache entry. */
export class CutRecorder {
  private readonly ends: Uint32Array[] = [];
  private readonly tags: string[] = [];

  constructor(
    private readonly cache: TokenCache,
    private readonly file: LoadedFile,
    private readonly pos: boolean,
  ) {}

  /** The words of the chunk of the file's text that starts at `start`. */
  add(start: number, cut: Words): void {
    if (cut.ends) this.addEnds(start, cut.ends, cut.tags);
    else this.keep(wordEnds(this.file.text, cut.words, start), cut.tags);
  }

  /** The token ends (offsets in the chunk, Words.ends) and tags of the chunk of the file's text that starts at `start`. */
  addEnds(start: number, ends: Uint32Array, tags?: string[]): void {
    this.keep(ends.map((end) => start + end), tags);
  }

  private keep(ends: Uint32Array, tags?: string[]): void {
    this.ends.push(ends);
    if (this.pos) for (const tag of tags!) this.tags.push(tag);
  }

  finish(): void {
    const ends = new Uint32Array(sum(this.ends.map((part) => part.length)));
    let at = 0;
    for (const part of this.ends) {
      ends.set(part, at);
      at += part.length;
    }
    const { file } = this;
    const entry: CachedDocument = { meta: file.contentMeta, text: file.text, ends, tags: this.pos ? this.tags : undefined };
    this.cache.put(file.read.key!, entry);
  }
}

/**
 * Reads and segments files, through the token cache when one is given: a hit skips decoding, normalising and
 * segmenting; the key covers the file's bytes and name and every option that changes the tokens.
 */
export class FileTokenizer {
  readonly cache?: TokenCache;
  readonly read: ReadOptions;

  constructor(
    readonly segmenter: WordSegmenter,
    read: ReadOptions,
    readonly outer: OuterMeta,
    private readonly pos: boolean,
    cacheDir: string | undefined,
  ) {
    // The page-break repair asks this segmenter whether a word runs across a break, as every reader does.
    this.read = { ...read, breakEvidence: segmenterBreakEvidence(segmenter) };
    if (cacheDir) {
      const settings = JSON.stringify([segmenter.key, read.encoding ?? '', pos, NORMALISE_VERSION, Boolean(read.toSimplified)]);
      this.cache = new TokenCache(cacheDir, settings);
    }
  }

  readFile(file: string): FileRead {
    const bytes = readBytes(file);
    // Counted where the bytes are read, not where they are decoded: a cached run reads every file once for the
    // corpus key before it loads any (corpusKey), and those reads made garbage too (trend on 64 MB: peak RSS
    // 126 MB with the cache, 98 MB without).
    fileRead(bytes.length);
    return { file, bytes, key: this.cache?.key(file, bytes) };
  }

  /** Metadata and text of a file, with its words when the cache holds them; decoding errors are thrown. */
  load(input: string | FileRead): LoadedFile {
    const read = typeof input === 'string' ? this.readFile(input) : input;
    const hit = read.key ? this.cache!.get<CachedDocument>(read.key) : undefined;
    if (hit) {
      const meta = completeMeta(hit.meta, read.file, this.outer);
      const cached = wordsFromEnds(hit.text, hit.ends, hit.tags);
      const format = detectFormat(read.bytes, read.file);
      return { read, id: meta.id, path: read.file, meta, contentMeta: hit.meta, text: hit.text, origin: this.originOf(read), format, cached };
    }
    const doc = documentFromBytes(read.bytes, read.file, this.read);
    const meta = completeMeta(doc.meta, read.file, this.outer);
    return { ...doc, read, id: meta.id, meta, contentMeta: doc.meta };
  }

  /**
   * The origin map of a cached file, made from its bytes only when asked: the cache keeps no origin map, and
   * callers locate few offsets (a slogan's first use), if any.
   */
  private originOf(read: FileRead): OriginMap {
    let origin: OriginMap | undefined;
    return { locate: (offset) => (origin ??= documentFromBytes(read.bytes, read.file, this.read).origin).locate(offset) };
  }

  /**
   * Offsets of the chunks a file's words come in: the text's sentence chunks (see sentenceChunks), or the whole
   * text for a file whose words the cache holds.
   */
  chunks(file: LoadedFile, units?: number): number[] {
    return file.cached ? [0, file.text.length] : sentenceChunks(file.text, units);
  }

  /** The words of one chunk [start, end) of `chunks`. */
  chunkWords(file: LoadedFile, start: number, end: number): Words {
    return file.cached ?? this.segmenter.words(file.text.slice(start, end), { pos: this.pos });
  }

  /** `chunkWords`, with the cut running off this thread where the backend can. */
  chunkWordsAsync(file: LoadedFile, start: number, end: number): Promise<Words> {
    return file.cached ? Promise.resolve(file.cached) : this.segmenter.wordsAsync(file.text.slice(start, end), { pos: this.pos });
  }

  /** What stores a file cut chunk by chunk in the token cache, when there is a cache and the file is not in it. */
  recorder(file: LoadedFile): CutRecorder | undefined {
    return file.read.key && !file.cached ? new CutRecorder(this.cache!, file, this.pos) : undefined;
  }
}
