/** A trie over code units: finds every key that starts at a given position of a text in one walk. */
export interface CharTrie<T> {
  /** Calls `found(end, values)` for each key that starts at `start`, shortest first. */
  walk(text: string, start: number, found: (end: number, values: readonly T[]) => void): void;
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
    walk(text, start, found) {
      let node: TrieNode<T> | undefined = root;
      for (let i = start; i < text.length; i++) {
        node = node.next.get(text[i]);
        if (!node) return;
        if (node.values) found(i + 1, node.values);
      }
    },
  };
}
