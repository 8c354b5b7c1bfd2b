/** A token with its [start, end) offsets in the text that was segmented (UTF-16 code units). */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Part of speech, only when tagging was asked for (jieba/ICTCLAS tag set). */
  pos?: string;
}

/** The one interface every segmentation backend implements; only src/segment imports a jieba. */
export interface Segmenter {
  readonly name: string;
  /** Identifies the segmentation (backend, dictionaries, phrase join): the same key gives the same tokens. */
  readonly key: string;
  /** Tokens of `text` in order, covering it without gaps (whitespace and punctuation included). */
  cut(text: string, options?: { pos?: boolean }): Token[];
}

/** A segmentation as bare strings: the tokens' texts in order and, when tagging was asked for, their tags. */
export interface Words {
  words: string[];
  tags?: string[];
  /** End offset of each word in the text that was cut, where the segmenter has worked them out (tokens are contiguous). */
  ends?: Uint32Array;
  /**
   * Where the port's cut (portCut.ts) gave them: the node of each word in its dictionary's trie (NO_NODE for a
   * word the dictionary does not hold), so that counting reads a word's identity without walking its characters.
   */
  nodes?: WordNodes;
}

/** A text cut into words: the end of each (Words.ends, phrases joined) and, where the port gave them, their dictionary nodes. */
export interface CutEnds {
  ends: Uint32Array;
  nodes?: WordNodes;
}

/** Cuts texts into token ends (phrases joined): on threads of its own (CutThreads), or on libuv's pool where there are none. */
export interface EndsCutter {
  ends(text: string): Promise<CutEnds>;
  /** The same cut on this thread, for a caller that would otherwise wait for the threads (chunksCut's lookahead). */
  endsHere(text: string): CutEnds;
  /** Milliseconds each of its threads has spent cutting so far, on average (0 until one answers; always 0 without threads). */
  busy(): number;
}

/** The dictionary-trie node of each word, and the key of the dictionary they belong to (their ids mean nothing in another). */
export interface WordNodes {
  dictionary: string;
  ids: Int32Array;
}

/**
 * The segmenter createSegmenter makes: `cut`, and the same segmentation without Token objects for the
 * counting pipeline, where building a token per word cost more than counting it.
 */
export interface WordSegmenter extends Segmenter {
  /** The texts (and tags) of `cut`'s tokens. */
  words(text: string, options?: { pos?: boolean }): Words;
  /**
   * One backend call on `text`, run off the JavaScript thread where the backend can, so that the caller counts
   * the last chunk meanwhile. Unlike `words` it does not cut the text in chunks itself: callers pass chunks.
   */
  wordsAsync(text: string, options?: { pos?: boolean }): Promise<Words>;
  /**
   * Tokens with every lexicon phrase joined (the `--compound` tokens, whether or not this segmenter joins): the
   * units the page-break repair reads, so that a break inside 新型警务运行⏎模式 is repaired whatever the tokens.
   */
  cutUnits(text: string): Token[];
  /**
   * Loads (or builds) the vocabulary and the backend's dictionary now, so that the threads started next are
   * handed them (builtVocabularies) instead of each building its own.
   */
  loadDictionaries(): void;
  /**
   * What cuts texts into the `ends` of `words` (no tags, no strings), on `threads` threads of its own where the
   * backend can: the counting pipeline reads words where they stand in the text (StretchCounter).
   */
  endsCutter(threads: number): EndsCutter;
}
