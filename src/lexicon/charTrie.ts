/** A trie over code units: finds every key that starts at a given position of a text in one walk. */
export interface CharTrie<T> {
  /**
   * Calls `found(end, values)` for each key that starts at `start`, shortest first. Where the text has no next
   * step, `resume(i)` may name the offset to go on from (a skipped aside), or -1 to stop.
   */
  walk(text: string, start: number, found: (end: number, values: readonly T[]) => void, resume?: (i: number) => number): void;
  /** True when some key starts with this code unit: the fast test before a walk. */
  opens(unit: string): boolean;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values?: T[];
}

export function buildCharTrie<T>(entries: Iterable<[string, T]>): CharTrie<T> {
  const root: TrieNode<T> = { next: new Map() };
  for (const [key, value] of entries) {
    let node = root;
    for (let k = 0; k < key.length; k++) {
      let child = node.next.get(key[k]);
      if (!child) node.next.set(key[k], (child = { next: new Map() }));
      node = child;
    }
    (node.values ??= []).push(value);
  }
  return {
    walk(text, start, found, resume) {
      let node = root;
      for (let i = start; i < text.length; ) {
        const child = node.next.get(text[i]);
        if (child) {
          node = child;
          i++;
          if (node.values) found(i, node.values);
          continue;
        }
        const at = node === root || !resume ? -1 : resume(i);
        if (at <= i) return;
        i = at;
      }
    },
    opens: (unit) => root.next.has(unit),
  };
}
