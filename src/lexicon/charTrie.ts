/** A trie over code units: finds every key that starts at a given position of a text in one walk. */
export interface CharTrie<T> {
  /**
   * Calls `found(end, values)` for each key that starts at `start`, shortest first. Where the text has no next
   * step, `resume(i)` may name the offset to go on from (a skipped aside), or -1 to stop.
   */
  walk(text: string, start: number, found: (end: number, values: readonly T[]) => void, resume?: (i: number) => number): void;
  /** True when some key starts with the code unit at `at` of `text`: the fast test before a walk. */
  opens(text: string, at: number): boolean;
}

/**
 * The nodes of a trie over code units, numbered from 0 (the root), with every step in one open-addressing hash
 * table of typed arrays: no Map or object per node, so a walk is a few array reads per code unit (it runs at
 * every word of every chunk: PhraseJoin, and counting words by node). Keyed by code unit number, not by
 * one-character string: text[i] of a CJK character allocates a new string at every step, charCodeAt does not.
 */
export class CodeUnitTrie {
  static readonly ROOT = 0;
  private from = new Int32Array(1024).fill(-1);
  private unit = new Int32Array(1024);
  private to = new Int32Array(1024);
  private shift = 32 - 10;
  private steps = 0;
  /** Nodes so far, the root included: node ids are below it. */
  size = 1;

  private slot(node: number, code: number): number {
    return Math.imul((node << 16) ^ (node >>> 16) ^ code, 0x9e3779b1) >>> this.shift;
  }

  /** The node one code unit `code` below `node`, or -1. */
  next(node: number, code: number): number {
    const { from, unit } = this;
    const mask = from.length - 1;
    for (let h = this.slot(node, code); ; h = (h + 1) & mask) {
      const at = from[h];
      if (at === node && unit[h] === code) return this.to[h];
      if (at === -1) return -1;
    }
  }

  /** `next`, making the node when there is none. */
  add(node: number, code: number): number {
    const found = this.next(node, code);
    if (found >= 0) return found;
    // At most half full, so that a search ends soon on an empty slot.
    if (2 * (this.steps + 1) > this.from.length) this.grow();
    const mask = this.from.length - 1;
    let h = this.slot(node, code);
    while (this.from[h] !== -1) h = (h + 1) & mask;
    this.from[h] = node;
    this.unit[h] = code;
    this.to[h] = this.size;
    this.steps++;
    return this.size++;
  }

  private grow(): void {
    const { from, unit, to } = this;
    this.from = new Int32Array(2 * from.length).fill(-1);
    this.unit = new Int32Array(2 * from.length);
    this.to = new Int32Array(2 * from.length);
    this.shift--;
    const mask = this.from.length - 1;
    for (let k = 0; k < from.length; k++) {
      if (from[k] === -1) continue;
      let h = this.slot(from[k], unit[k]);
      while (this.from[h] !== -1) h = (h + 1) & mask;
      this.from[h] = from[k];
      this.unit[h] = unit[k];
      this.to[h] = to[k];
    }
  }

  /** The node a key ends at, made with the nodes on its way. */
  insert(key: string): number {
    let node = CodeUnitTrie.ROOT;
    for (let k = 0; k < key.length; k++) node = this.add(node, key.charCodeAt(k));
    return node;
  }
}

export function buildCharTrie<T>(entries: Iterable<[string, T]>): CharTrie<T> {
  const trie = new CodeUnitTrie();
  const valuesAt: Array<T[] | undefined> = [];
  for (const [key, value] of entries) (valuesAt[trie.insert(key)] ??= []).push(value);
  const { ROOT } = CodeUnitTrie;
  return {
    walk(text, start, found, resume) {
      let node = ROOT;
      for (let i = start; i < text.length; ) {
        const child = trie.next(node, text.charCodeAt(i));
        if (child >= 0) {
          node = child;
          i++;
          const values = valuesAt[node];
          if (values) found(i, values);
          continue;
        }
        const at = node === ROOT || !resume ? -1 : resume(i);
        if (at <= i) return;
        i = at;
      }
    },
    opens: (text, at) => at < text.length && trie.next(ROOT, text.charCodeAt(at)) >= 0,
  };
}
