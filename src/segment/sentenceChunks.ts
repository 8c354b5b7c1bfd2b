/** About this many UTF-16 units per chunk: a chunk's words are a small array, whatever the file. */
const CHUNK_UNITS = 8192;

/**
 * The full stop: both backends cut at it whatever surrounds it (jieba-rs emits every character outside its Han
 * blocks as a token of its own, cppjieba takes it as a separator), so no word or phrase spans one, and it ends
 * every n-gram run. ！ and ？ are no such break for cppjieba, whose HMM may join them to a neighbour.
 */
const SENTENCE_END = /。/g;

/**
 * Offsets that cut a text into chunks of at least `size` units, each ending just after a full stop:
 * [0, …, text.length]. Segmenting the chunks one by one gives the same words as segmenting the whole text,
 * while the segmenter's output (and the memory it takes) stays the size of a chunk, even for a file of one
 * line. A text without full stops stays whole.
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
