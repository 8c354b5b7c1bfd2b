import { CodeUnitTrie } from '../lexicon/charTrie.js';
import { NodeTable } from '../segment/nodeTable.js';
import type { WordNodes } from '../segment/token.js';
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
  /** The state of each one-unit word (，。、 and single characters: a third of the tokens), by code unit. */
  private readonly unitState = new Int32Array(0x10000).fill(UNSEEN);
  /** The state of each node of the segmenter's dictionary trie (Words.nodes). */
  private readonly nodeStates = new NodeTable((length) => new Int32Array(length).fill(UNSEEN));

  /** `counted(word)`: whether a word token is counted (the filter and --only); the ids are `counter`'s. */
  constructor(
    private readonly counter: DocumentCounter,
    private readonly counted: (word: string) => boolean,
  ) {}

  /**
   * Counts the words of `text` that follow one another from offset `from`, ending at `from + ends[i]`, into the
   * counter's current document; returns how many of them are word tokens (the document's size). `nodes`, where
   * the segmenter gives them, name each word by its dictionary node, so a known word costs one array read.
   */
  add(text: string, from: number, ends: ArrayLike<number>, nodes?: WordNodes): number {
    const { trie, unitState } = this;
    const ids = nodes?.ids;
    const nodeState = nodes ? this.nodeStates.for(nodes) : undefined;
    let words = 0;
    let start = from;
    for (let i = 0; i < ends.length; i++) {
      const end = from + ends[i];
      let state: number;
      const dictionaryNode = ids ? ids[i] : -1;
      if (dictionaryNode >= 0) {
        state = nodeState![dictionaryNode];
        if (state === UNSEEN) state = nodeState![dictionaryNode] = this.verdict(text.slice(start, end));
      } else if (end - start === 1) {
        const unit = text.charCodeAt(start);
        state = unitState[unit];
        if (state === UNSEEN) state = unitState[unit] = this.verdict(text.slice(start, end));
      } else {
        let node = CodeUnitTrie.ROOT;
        for (let j = start; j < end; j++) node = trie.add(node, text.charCodeAt(j));
        state = node < this.state.length ? this.state[node] : UNSEEN;
        if (state === UNSEEN) state = this.judge(node, text.slice(start, end));
      }
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
    return (this.state[node] = this.verdict(word));
  }

  /** What a word is: not a word token, a word not counted, or the counter's id of a counted one. */
  private verdict(word: string): number {
    return !isWordToken(word) ? NOT_A_WORD : this.counted(word) ? this.counter.id(word) : NOT_COUNTED;
  }
}
