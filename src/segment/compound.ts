import { buildCharTrie, type CharTrie } from '../lexicon/charTrie.js';
import { wordStart } from './offsets.js';
import type { Words } from './token.js';

/**
 * Joins multi-word phrases into one word after segmentation (quanteda's tokens_compound). jieba cuts at
 * 、 · and spaces before it looks at its dictionary, so `市县主战、派出所主防` can only be kept whole here.
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
    for (let i = 0, at = 0; i < words.length; i++) {
      starts[i] = wordStart(text, words[i], at);
      at = starts[i] + words[i].length;
    }
    // Word index ending at each offset (+1), so a phrase end is checked against word boundaries in O(1).
    const endsAt = new Map<number, number>();
    for (let i = 0; i < words.length; i++) endsAt.set(starts[i] + words[i].length, i);
    const joins: Array<[number, number]> = [];
    for (let first = 0; first < words.length; first++) {
      if (!this.trie.opens(text[starts[first]])) continue;
      let last = -1;
      this.trie.walk(text, starts[first], (end) => {
        const k = endsAt.get(end);
        if (k !== undefined && k > first) last = k;
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
