import { CodeUnitTrie } from '../lexicon/charTrie.js';
import { isWordToken } from '../segment/wordToken.js';
import type { DocumentCounter } from './termCounts.js';

/** What a trie node stands for, besides the id of a counted term. */
const UNSEEN = -1;
const NOT_A_WORD = -2;
const NOT_COUNTED = -3;

/**
 * Counts words where they stand in the text, by the trie node each stretch of text ends at: no string per
 * token and no hashing of one. A string is made, and the request's filter asked, once per distinct word (the
 * node's state remembers the verdict), so the cost per token is a few array reads per character. For requests
 * whose verdict depends on the word alone (no POS filter, no n-grams): FileCounter uses it when it can.
 */
export class StretchCounter {
  private readonly trie = new CodeUnitTrie();
  private state = new Int32Array(1024).fill(UNSEEN);

  /** `counted(word)`: whether a word token is counted (the filter and --only); the ids are `counter`'s. */
  constructor(
    private readonly counter: DocumentCounter,
    private readonly counted: (word: string) => boolean,
  ) {}

  /**
   * Counts the words of `text` that follow one another from offset `from`, ending at `from + ends[i]`, into the
   * counter's current document; returns how many of them are word tokens (the document's size).
   */
  add(text: string, from: number, ends: ArrayLike<number>): number {
    const { trie } = this;
    let words = 0;
    let start = from;
    for (let i = 0; i < ends.length; i++) {
      const end = from + ends[i];
      let node = CodeUnitTrie.ROOT;
      for (let j = start; j < end; j++) node = trie.add(node, text.charCodeAt(j));
      let state = node < this.state.length ? this.state[node] : UNSEEN;
      if (state === UNSEEN) state = this.judge(node, text.slice(start, end));
      if (state !== NOT_A_WORD) {
        words++;
        if (state >= 0) this.counter.addId(state);
      }
      start = end;
    }
    return words;
  }

  private judge(node: number, word: string): number {
    if (node >= this.state.length) {
      const grown = new Int32Array(Math.max(2 * this.state.length, this.trie.size)).fill(UNSEEN);
      grown.set(this.state);
      this.state = grown;
    }
    const state = !isWordToken(word) ? NOT_A_WORD : this.counted(word) ? this.counter.id(word) : NOT_COUNTED;
    this.state[node] = state;
    return state;
  }
}
