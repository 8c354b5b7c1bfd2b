/**
 * jieba's dictionary as typed arrays, for the TypeScript port of jieba-rs's cut (portCut.ts): a trie over
 * UTF-16 code units whose word nodes carry their route weight, loaded the way jieba-rs loads `Jieba::with_dict`
 * and then `load_dict` (a word met again only has its frequency replaced; the total is the sum over distinct
 * words).
 */

/** No trie node. */
export const NO_NODE = -1;

/** The arrays a PortDictionary is made of: structured-clonable, and what the cache keeps. */
export interface PortDictionaryData {
  /** Child of the root for each code unit (NO_NODE where none). */
  rootChild: Int32Array;
  /** The children of node n are edges childStart[n] … childStart[n + 1] - 1, sorted by code unit. */
  childStart: Int32Array;
  childUnit: Uint16Array;
  childNode: Int32Array;
  /** Per node: ln(freq) - ln(total) for a word node (jieba's route weight), NaN for a node that is no word. */
  weight: Float64Array;
  /** ln(total): the weight of a character the dictionary does not have is -logTotal (ln 1 - ln total). */
  logTotal: number;
}

/** Rust's char::is_whitespace, which jieba-rs splits dictionary lines with (JavaScript's \s also takes U+FEFF). */
function isWhitespace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

const hashOf = (parent: number, unit: number) => Math.imul(parent ^ Math.imul(unit, 0x9e3779b1), 0x85ebca77);

/**
 * Builds the trie from dictionary texts in jieba's format (`word [freq [tag]]` a line), loaded in order. The
 * words are read where they stand in the texts, into an open-addressed table of edges, then laid out by parent.
 */
export function buildPortDictionary(texts: string[]): PortDictionaryData {
  let units = 0;
  for (const text of texts) units += text.length;
  // A dictionary line holds a word of a few units and about as many of frequency and tag: edges number about
  // a quarter of the units. The table starts at half, and is made again twice as large should it fill.
  let size = 1024;
  while (size < units / 2) size <<= 1;
  for (;;) {
    const built = buildInTable(texts, size);
    if (built) return built;
    size *= 2;
  }
}

function buildInTable(texts: string[], size: number): PortDictionaryData | undefined {
  const mask = size - 1;
  const rootChild = new Int32Array(65536).fill(NO_NODE);
  const slotParent = new Int32Array(size).fill(NO_NODE);
  const slotUnit = new Uint16Array(size);
  const slotChild = new Int32Array(size);
  // Per node, the word's frequency; -1 for a node that is no word.
  let freq = new Float64Array(1 << 16).fill(-1);
  let nodes = 0;
  let edges = 0;
  const newNode = () => {
    if (nodes === freq.length) {
      const grown = new Float64Array(freq.length * 2).fill(-1);
      grown.set(freq);
      freq = grown;
    }
    return nodes++;
  };
  for (const text of texts) {
    const n = text.length;
    let i = 0;
    while (i < n) {
      while (i < n && text.charCodeAt(i) !== 10 && isWhitespace(text.charCodeAt(i))) i++;
      const wordStart = i;
      while (i < n && !isWhitespace(text.charCodeAt(i))) i++;
      const wordEnd = i;
      while (i < n && text.charCodeAt(i) !== 10 && isWhitespace(text.charCodeAt(i))) i++;
      // jieba-rs: a missing frequency is 0 (tifa checks its own dictionaries before they get here).
      let f = 0;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) f = f * 10 + text.charCodeAt(i++) - 48;
      while (i < n && text.charCodeAt(i) !== 10) i++;
      i++;
      if (wordEnd === wordStart) continue;
      let node = rootChild[text.charCodeAt(wordStart)];
      if (node === NO_NODE) node = rootChild[text.charCodeAt(wordStart)] = newNode();
      for (let j = wordStart + 1; j < wordEnd; j++) {
        const unit = text.charCodeAt(j);
        let slot = hashOf(node, unit) & mask;
        while (slotParent[slot] !== NO_NODE && (slotParent[slot] !== node || slotUnit[slot] !== unit)) slot = (slot + 1) & mask;
        if (slotParent[slot] === NO_NODE) {
          slotParent[slot] = node;
          slotUnit[slot] = unit;
          slotChild[slot] = newNode();
          if (++edges > size * 0.75) return undefined;
        }
        node = slotChild[slot];
      }
      freq[node] = f;
    }
  }
  // Children by parent (a counting sort of the table's edges), each parent's sorted by code unit.
  const childStart = new Int32Array(nodes + 1);
  for (let slot = 0; slot < size; slot++) if (slotParent[slot] !== NO_NODE) childStart[slotParent[slot] + 1]++;
  for (let node = 0; node < nodes; node++) childStart[node + 1] += childStart[node];
  const fill = childStart.slice(0, nodes);
  const childUnit = new Uint16Array(edges);
  const childNode = new Int32Array(edges);
  for (let slot = 0; slot < size; slot++) {
    const parent = slotParent[slot];
    if (parent === NO_NODE) continue;
    const at = fill[parent]++;
    childUnit[at] = slotUnit[slot];
    childNode[at] = slotChild[slot];
  }
  for (let node = 0; node < nodes; node++) sortChildren(childUnit, childNode, childStart[node], childStart[node + 1]);
  let total = 0;
  for (let node = 0; node < nodes; node++) if (freq[node] > 0) total += freq[node];
  const logTotal = Math.log(total);
  const weight = new Float64Array(nodes);
  for (let node = 0; node < nodes; node++) weight[node] = freq[node] < 0 ? NaN : Math.log(freq[node]) - logTotal;
  return { rootChild, childStart, childUnit, childNode, weight, logTotal };
}

/** Sorts edges [from, to) by code unit: most nodes have a few children (insertion sort), a few have thousands. */
function sortChildren(units: Uint16Array, nodes: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    const keys = new Float64Array(to - from);
    for (let i = from; i < to; i++) keys[i - from] = units[i] * 2 ** 32 + nodes[i];
    keys.sort();
    for (let i = from; i < to; i++) {
      units[i] = Math.floor(keys[i - from] / 2 ** 32);
      nodes[i] = keys[i - from] % 2 ** 32;
    }
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const unit = units[i];
    const node = nodes[i];
    let j = i - 1;
    while (j >= from && units[j] > unit) {
      units[j + 1] = units[j];
      nodes[j + 1] = nodes[j];
      j--;
    }
    units[j + 1] = unit;
    nodes[j + 1] = node;
  }
}

/** The child of `node` (not the root) by code unit `unit`, or NO_NODE. */
export function childOf(d: PortDictionaryData, node: number, unit: number): number {
  const { childStart, childUnit } = d;
  let lo = childStart[node];
  let hi = childStart[node + 1];
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) if (childUnit[lo] === unit) return d.childNode[lo];
    return NO_NODE;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const u = childUnit[mid];
    if (u === unit) return d.childNode[mid];
    if (u < unit) lo = mid + 1;
    else hi = mid;
  }
  return NO_NODE;
}
