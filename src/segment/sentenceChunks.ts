/** About this many UTF-16 units per chunk: small enough that a chunk's words are still in cache when counted. */
export const CHUNK_UNITS = 8192;

/** Full-width sentence ends: jieba cuts each of them as a token of its own, so no word or phrase spans one. */
const SENTENCE_END = /[。！？]/g;

/**
 * Offsets that cut a text into chunks of at least `size` units, each ending just after a sentence end:
 * [0, …, text.length]. Segmenting the chunks one by one gives the same words as segmenting the whole text,
 * while the segmenter's output (and the memory it takes) stays the size of a chunk, even for a file of one
 * line. A text without sentence ends stays whole.
 */
export function sentenceChunks(text: string, size = CHUNK_UNITS): number[] {
  const bounds = [0];
  let from = size;
  while (from < text.length) {
    SENTENCE_END.lastIndex = from;
    const end = SENTENCE_END.exec(text);
    if (!end || end.index + 1 >= text.length) break;
    bounds.push(end.index + 1);
    from = end.index + 1 + size;
  }
  bounds.push(text.length);
  return bounds;
}
