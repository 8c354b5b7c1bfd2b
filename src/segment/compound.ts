import { buildCharTrie, type CharTrie } from '../lexicon/charTrie.js';
import { wordStart } from './offsets.js';
import type { Words } from './token.js';

/**
 * Joins multi-word phrases into one token after segmentation (quanteda's tokens_compound), with --compound only:
 * by default tokens are words and a formulation stays as the words jieba cuts it into (segmenterVocabulary says
 * why). jieba cuts at 、 · and spaces before it looks at its dictionary, so `市县主战、派出所主防` can only be one
 * token here.
 * A phrase is joined only where it starts and ends on word boundaries, so no other word changes; at each word
 * the longest phrase starting there wins (leftmost-longest, as the lexicon index matches).
 *
 * The text is matched as written, not folded: a token is a stretch of the text, and a term with a space or a
 * comma inside (`专业 + 机制`) would be a new word in every table. Slogans and lint see such forms through the fold.
 */
export class PhraseJoin {
  private readonly trie: CharTrie<string>;
  private readonly empty: boolean;

  /** `phrases`: lexicon forms that hold a segmenter cut (LexiconIndex forms, see createSegmenter). */
  constructor(phrases: Iterable<string>) {
    // One unit is one word at most: nothing to join.
    const joinable = [...phrases].filter((phrase) => phrase.length >= 2);
    this.empty = joinable.length === 0;
    this.trie = buildCharTrie(joinable.map((phrase): [string, string] => [phrase, phrase]));
  }

  apply(text: string, cut: Words): Words {
    const { words, tags } = cut;
    if (this.empty || words.length < 2) return cut;
    const starts = new Int32Array(words.length);
    const ends = new Int32Array(words.length);
    for (let i = 0, at = 0; i < words.length; i++) {
      starts[i] = wordStart(text, words[i], at);
      at = ends[i] = starts[i] + words[i].length;
    }
    const joins: Array<[number, number]> = [];
    for (let first = 0; first < words.length; first++) {
      if (!this.trie.opens(text, starts[first])) continue;
      // The walk reports phrase ends in increasing order and word ends increase too: one pointer finds the
      // word ending at each phrase end, no map of every word's end per chunk.
      let last = -1;
      let k = first;
      this.trie.walk(text, starts[first], (end) => {
        while (k < words.length && ends[k] < end) k++;
        if (k >= words.length || ends[k] !== end) return;
        while (k + 1 < words.length && ends[k + 1] === end) k++;
        if (k > first) last = k;
      });
      if (last > first) {
        joins.push([first, last]);
        first = last;
      }
    }
    if (joins.length === 0) return cut;
    const outWords: string[] = [];
    const outTags: string[] | undefined = tags ? [] : undefined;
    let next = 0;
    const keep = (i: number) => {
      outWords.push(words[i]);
      outTags?.push(tags![i]);
    };
    for (const [first, last] of joins) {
      while (next < first) keep(next++);
      outWords.push(text.slice(starts[first], starts[last] + words[last].length));
      outTags?.push('nz');
      next = last + 1;
    }
    while (next < words.length) keep(next++);
    return outTags ? { words: outWords, tags: outTags } : { words: outWords };
  }
}
