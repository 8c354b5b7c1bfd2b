/**
 * jieba's dictionary as typed arrays, for the port of jieba-rs's cut (portCut.ts, run as WebAssembly): a trie over
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
  /**
   * The edges of the nodes with more than SCAN_CHILDREN children, in an open-addressing table (a power of two
   * long, at most half full) by parent and code unit: wideParent (NO_NODE where empty), wideUnit, wideChild. The
   * cut steps from a first character to the second at nearly every position of a text, and those nodes are the
   * common first characters, with hundreds of children: a binary search there was a sixth of the cut.
   */
  wideParent: Int32Array;
  wideUnit: Uint16Array;
  wideChild: Int32Array;
}

/** Children up to this many are scanned for a code unit; a node with more finds its child in the wide table. */
export const SCAN_CHILDREN = 8;

/** Where the search for edge (node, unit) starts in a wide table of `length` slots (a multiplicative hash: its top bits). */
function wideSlot(node: number, unit: number, length: number): number {
  return Math.imul(node ^ Math.imul(unit, 0x85ebca6b), 0x9e3779b1) >>> (Math.clz32(length) + 1);
}

/** The wide table of the edges of nodes with more than SCAN_CHILDREN children (PortDictionaryData.wideParent). */
function wideTable(childStart: Int32Array, childUnit: Uint16Array, childNode: Int32Array) {
  const nodes = childStart.length - 1;
  let edges = 0;
  for (let node = 0; node < nodes; node++) if (childStart[node + 1] - childStart[node] > SCAN_CHILDREN) edges += childStart[node + 1] - childStart[node];
  let length = 2;
  while (length < 2 * edges) length *= 2;
  const wideParent = new Int32Array(length).fill(NO_NODE);
  const wideUnit = new Uint16Array(length);
  const wideChild = new Int32Array(length);
  for (let node = 0; node < nodes; node++) {
    if (childStart[node + 1] - childStart[node] <= SCAN_CHILDREN) continue;
    for (let e = childStart[node]; e < childStart[node + 1]; e++) {
      let h = wideSlot(node, childUnit[e], length);
      while (wideParent[h] !== NO_NODE) h = (h + 1) & (length - 1);
      wideParent[h] = node;
      wideUnit[h] = childUnit[e];
      wideChild[h] = childNode[e];
    }
  }
  return { wideParent, wideUnit, wideChild };
}

/** Rust's char::is_whitespace, which jieba-rs splits dictionary lines with (JavaScript's \s also takes U+FEFF). */
function isWhitespace(c: number): boolean {
  if (c > 0x3000 || (c > 32 && c < 0x85)) return false;
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** The entries of one dictionary text: each word's place in the text and its frequency, in line order. */
interface Entries {
  text: string;
  start: Int32Array;
  end: Int32Array;
  freq: Float64Array;
  count: number;
}

/** Reads `word [freq [tag]]` lines where they stand (jieba-rs: fields split at whitespace, a missing frequency is 0). */
function entriesOf(text: string): Entries {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const start = new Int32Array(lines);
  const end = new Int32Array(lines);
  const freq = new Float64Array(lines);
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && text.charCodeAt(i) !== 10 && isWhitespace(text.charCodeAt(i))) i++;
    const wordStart = i;
    while (i < n && !isWhitespace(text.charCodeAt(i))) i++;
    const wordEnd = i;
    while (i < n && text.charCodeAt(i) !== 10 && isWhitespace(text.charCodeAt(i))) i++;
    // tifa checks its own dictionaries' frequencies before they get here (parseJiebaDict).
    let f = 0;
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) f = f * 10 + text.charCodeAt(i++) - 48;
    while (i < n && text.charCodeAt(i) !== 10) i++;
    i++;
    if (wordEnd === wordStart) continue;
    start[count] = wordStart;
    end[count] = wordEnd;
    freq[count++] = f;
  }
  return { text, start, end, freq, count };
}

function maxLength(e: Entries): number {
  let longest = 0;
  for (let k = 0; k < e.count; k++) longest = Math.max(longest, e.end[k] - e.start[k]);
  return longest;
}

/** Code-unit order of entry a of `x` and entry b of `y`: negative, 0 or positive. */
function compareWords(x: Entries, a: number, y: Entries, b: number): number {
  const la = x.end[a] - x.start[a];
  const lb = y.end[b] - y.start[b];
  const n = Math.min(la, lb);
  for (let k = 0; k < n; k++) {
    const d = x.text.charCodeAt(x.start[a] + k) - y.text.charCodeAt(y.start[b] + k);
    if (d !== 0) return d;
  }
  return la - lb;
}

/**
 * The entries of all texts in code-unit order of their words, equal words in load order (so that the last one
 * loaded gives the frequency, as in jieba-rs): jieba's dictionary comes sorted, so only the few lines of tifa's
 * entries and --dict files need sorting, and the texts are then merged. Each item is (text index, entry index).
 */
function sortedEntries(all: Entries[]): { text: Int32Array; entry: Int32Array } {
  let text = new Int32Array(0);
  let entry = new Int32Array(0);
  all.forEach((entries, t) => {
    let order = Int32Array.from({ length: entries.count }, (_, k) => k);
    let sorted = true;
    for (let k = 1; k < entries.count && sorted; k++) sorted = compareWords(entries, k - 1, entries, k) <= 0;
    if (!sorted) order = Int32Array.from([...order].sort((a, b) => compareWords(entries, a, entries, b) || a - b));
    const nextText = new Int32Array(text.length + order.length);
    const nextEntry = new Int32Array(text.length + order.length);
    let m = 0;
    let out = 0;
    for (const k of order) {
      while (m < text.length && compareWords(all[text[m]], entry[m], entries, k) <= 0) {
        nextText[out] = text[m];
        nextEntry[out++] = entry[m++];
      }
      nextText[out] = t;
      nextEntry[out++] = k;
    }
    for (; m < text.length; m++, out++) {
      nextText[out] = text[m];
      nextEntry[out] = entry[m];
    }
    text = nextText;
    entry = nextEntry;
  });
  return { text, entry };
}

/**
 * Builds the trie from dictionary texts in jieba's format (`word [freq [tag]]` a line), loaded in order. Taken
 * in code-unit order, each word shares the path of the word before up to their common prefix and needs new
 * nodes after it (a word sorting between them would have come between them), so every node is made once with
 * no lookup, and each parent's children come in code-unit order.
 */
export function buildPortDictionary(texts: string[]): PortDictionaryData {
  const all = texts.map(entriesOf);
  const order = sortedEntries(all);
  let units = 0;
  for (const e of all) for (let k = 0; k < e.count; k++) units += e.end[k] - e.start[k];
  const rootChild = new Int32Array(65536).fill(NO_NODE);
  const parentOf = new Int32Array(units).fill(NO_NODE);
  const unitOf = new Uint16Array(units);
  // Per node, the word's frequency; -1 for a node that is no word.
  const freq = new Float64Array(units).fill(-1);
  const path = new Int32Array(1 + Math.max(0, ...all.map((e) => maxLength(e))));
  let nodes = 0;
  let previousText = '';
  let previousStart = 0;
  let previousLength = 0;
  for (let item = 0; item < order.text.length; item++) {
    const e = all[order.text[item]];
    const k = order.entry[item];
    const { text } = e;
    const from = e.start[k];
    const length = e.end[k] - from;
    const n = Math.min(length, previousLength);
    let common = 0;
    while (common < n && text.charCodeAt(from + common) === previousText.charCodeAt(previousStart + common)) common++;
    for (let i = common; i < length; i++) {
      const unit = text.charCodeAt(from + i);
      const node = nodes++;
      if (i === 0) rootChild[unit] = node;
      else parentOf[node] = path[i - 1];
      unitOf[node] = unit;
      path[i] = node;
    }
    freq[path[length - 1]] = e.freq[k];
    previousText = text;
    previousStart = from;
    previousLength = length;
  }
  // Children by parent: a counting sort of the nodes, which keeps each parent's children in code-unit order.
  const childStart = new Int32Array(nodes + 1);
  for (let node = 0; node < nodes; node++) if (parentOf[node] !== NO_NODE) childStart[parentOf[node] + 1]++;
  for (let node = 0; node < nodes; node++) childStart[node + 1] += childStart[node];
  const edges = childStart[nodes];
  const fill = childStart.slice(0, nodes);
  const childUnit = new Uint16Array(edges);
  const childNode = new Int32Array(edges);
  for (let node = 0; node < nodes; node++) {
    const parent = parentOf[node];
    if (parent === NO_NODE) continue;
    const at = fill[parent]++;
    childUnit[at] = unitOf[node];
    childNode[at] = node;
  }
  let total = 0;
  for (let node = 0; node < nodes; node++) if (freq[node] > 0) total += freq[node];
  const logTotal = Math.log(total);
  const weight = new Float64Array(nodes);
  for (let node = 0; node < nodes; node++) weight[node] = freq[node] < 0 ? NaN : Math.log(freq[node]) - logTotal;
  return { rootChild, childStart, childUnit, childNode, weight, logTotal, ...wideTable(childStart, childUnit, childNode) };
}
