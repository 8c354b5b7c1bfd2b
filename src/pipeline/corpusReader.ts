import type { Document } from '../corpus/document.js';
import { InputError } from '../errors.js';
import { withOffsets } from '../segment/offsets.js';
import type { Segmenter, Token, WordSegmenter, Words } from '../segment/token.js';
import type { CountSetup } from './countMessages.js';
import type { FileTokenizer, LoadedFile } from './tokenizeFile.js';
import { tokenizerFor } from './tokenizerFor.js';

export interface CorpusReaderOptions {
  skipBad?: boolean;
  warn: (message: string) => void;
  /**
   * The caller reads the documents more than once (report, plot: one pass per analysis). With the cache each
   * file is cut as it is first read and its entry stored, so every later pass reads its words from the cache
   * (no text or words are held, so memory follows one document); without a cache the documents and their
   * words are held after the first pass instead. Either way a document is decoded and segmented once.
   * Otherwise only the last few documents read are kept, so memory follows one document.
   */
  rereads?: boolean;
}

/** Documents read but not yet analysed that a streaming caller may still cut (it cuts the one it was given). */
const RECENT = 4;

/**
 * The one way a command reads a corpus: files through the token cache (keyed by each file's bytes, so a hit
 * skips decoding, normalising and segmenting, whatever reader turned the bytes into a document), and a
 * segmenter that cuts those documents from the same cache. A document is segmented at most once per run,
 * however many analyses cut it; the cut is stored chunk by chunk as `freq` stores it, so every command shares
 * one entry per file. Texts this reader did not produce are cut by the backend, uncached.
 */
export class CorpusReader {
  private readonly tokenizer: FileTokenizer;
  private readonly loaded = new Map<string, LoadedFile>();
  /** With rereads and no cache: every document of the first pass, kept for the later ones. */
  private held?: LoadedFile[];
  /** Bad files skipped (and noted) in the first pass, skipped quietly in later ones. */
  private readonly skipped = new Set<string>();
  /** Cuts the reader's documents from the cache: as tokens, or as words (no Token per word) for what only counts them. */
  readonly segmenter: Segmenter & Pick<WordSegmenter, 'words'>;

  constructor(
    private readonly files: readonly string[],
    private readonly setup: CountSetup,
    private readonly options: CorpusReaderOptions,
  ) {
    this.tokenizer = tokenizerFor(setup);
    const backend = this.tokenizer.segmenter;
    this.segmenter = {
      name: backend.name,
      key: backend.key,
      cut: (text, cutOptions) => this.cut(text, Boolean(cutOptions?.pos)),
      words: (text, cutOptions) => this.words(text, Boolean(cutOptions?.pos)),
    };
  }

  /** The documents, one at a time; files that are not text stop the run, or are noted and skipped with skipBad. */
  *documents(): Generator<Document> {
    const holding = this.options.rereads && !this.tokenizer.cache;
    const source = holding && this.held ? this.held : this.loadAll();
    const kept: LoadedFile[] = [];
    for (const loaded of source) {
      if (holding) kept.push(loaded);
      const { id, path, meta, text, origin, format, headingLines } = loaded;
      yield { id, path, meta, text, origin, format, headingLines };
    }
    if (holding) this.held ??= kept;
  }

  private *loadAll(): Generator<LoadedFile> {
    for (const file of this.files) {
      if (this.skipped.has(file)) continue;
      let loaded: LoadedFile;
      try {
        loaded = this.tokenizer.load(file);
      } catch (err) {
        if (this.options.skipBad && err instanceof InputError) {
          this.skipped.add(file);
          this.options.warn(`skipped ${err.cliMessage}`);
          continue;
        }
        throw err;
      }
      // Read again later: cut now, so the cache entry is there for the next pass.
      if (this.options.rereads && this.tokenizer.cache) loaded.cached ??= this.segment(loaded);
      this.remember(loaded);
      yield loaded;
    }
  }

  private remember(file: LoadedFile): void {
    this.loaded.delete(file.text);
    this.loaded.set(file.text, file);
    const holding = this.options.rereads && !this.tokenizer.cache;
    if (!holding && this.loaded.size > RECENT) this.loaded.delete(this.loaded.keys().next().value!);
  }

  private cut(text: string, pos: boolean): Token[] {
    const file = this.loaded.get(text);
    // Tags are part of the cache key: a cut asked with other tagging than the reader's is made afresh.
    if (!file || pos !== this.setup.pos) return this.tokenizer.segmenter.cut(text, { pos });
    file.cached ??= this.segment(file);
    return withOffsets(text, file.cached);
  }

  private words(text: string, pos: boolean): Words {
    const file = this.loaded.get(text);
    if (!file || pos !== this.setup.pos) return this.tokenizer.segmenter.words(text, { pos });
    file.cached ??= this.segment(file);
    return file.cached;
  }

  /** Cuts a file chunk by chunk and stores its entry, as the counting pipeline does. */
  private segment(file: LoadedFile): Words {
    const recorder = this.tokenizer.recorder(file);
    const bounds = this.tokenizer.chunks(file);
    const all: Words = this.setup.pos ? { words: [], tags: [] } : { words: [] };
    for (let k = 1; k < bounds.length; k++) {
      const cut = this.tokenizer.chunkWords(file, bounds[k - 1], bounds[k]);
      recorder?.add(bounds[k - 1], cut);
      for (const word of cut.words) all.words.push(word);
      if (all.tags) for (const tag of cut.tags!) all.tags.push(tag);
    }
    recorder?.finish();
    return all;
  }
}
