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
