import type { WordNodes } from './token.js';

/**
 * A value per node of the segmenter's dictionary trie (Words.nodes), remembered across chunks for one dictionary
 * at a time: what a word is answered once by its node (StretchCounter's verdicts, PhraseJoin's starts). Node ids
 * mean nothing in another dictionary, so a cut from another one empties the table.
 */
export class NodeTable<A extends Int32Array | Uint8Array> {
  private values: A;
  private dictionary: string | undefined;

  /** `make(length)`: a table of that length, every value "not answered yet". */
  constructor(private readonly make: (length: number) => A) {
    this.values = make(0);
  }

  /** The table for the dictionary of `nodes`, long enough for each of their ids. */
  for(nodes: WordNodes): A {
    const { dictionary, ids } = nodes;
    if (this.dictionary !== dictionary) {
      this.dictionary = dictionary;
      this.values = this.make(0);
    }
    let needed = this.values.length;
    for (let i = 0; i < ids.length; i++) if (ids[i] >= needed) needed = ids[i] + 1;
    if (needed > this.values.length) {
      const grown = this.make(Math.max(needed, 2 * this.values.length));
      grown.set(this.values);
      this.values = grown;
    }
    return this.values;
  }
}
