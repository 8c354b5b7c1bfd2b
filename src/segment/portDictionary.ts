/**
 * jieba's dictionary as typed arrays, for the TypeScript port of jieba-rs's cut (portCut.ts): a trie over
 * UTF-16 code units whose word nodes carry ln(freq), loaded the way jieba-rs loads `Jieba::with_dict` and then
 * `load_dict` (a word met again only has its frequency replaced; the total is the sum over distinct words).
 */

/** No trie node. */
export const NO_NODE = -1;

/** The arrays a PortDictionary is made of: structured-clonable, and what a cache would keep. */
export interface PortDictionaryData {
  /** Child of the root for each code unit (NO_NODE where none). */
  rootChild: Int32Array;
  /** Open-addressed table of the other edges: parent node, code unit, child node (parent NO_NODE: empty slot). */
  slotParent: Int32Array;
  slotUnit: Uint16Array;
  slotChild: Int32Array;
  /** Per node: ln(freq) - ln(total) for a word node (jieba's route weight), NaN for a node that is no word. */
  weight: Float64Array;
  /** ln(total): the weight of a character the dictionary does not have is -logTotal (ln 1 - ln total). */
  logTotal: number;
}

const hashOf = (parent: number, unit: number) => Math.imul(parent ^ Math.imul(unit, 0x9e3779b1), 0x85ebca77);

/** Builds the trie from dictionary texts in jieba's format (`word [freq [tag]]` per line), loaded in order. */
export function buildPortDictionary(texts: string[]): PortDictionaryData {
  const freqOf = new Map<string, number>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const fields = line.trim().split(/\s+/);
      if (!fields[0]) continue;
      // jieba-rs: a missing frequency is 0; a bad one fails the load (tifa checks its dictionaries before).
      const freq = fields.length > 1 ? Number(fields[1]) : 0;
      freqOf.set(fields[0], Number.isInteger(freq) ? freq : 0);
    }
  }
  let total = 0;
  for (const freq of freqOf.values()) total += freq;
  const logTotal = Math.log(total);

  // Nodes are numbered as they are made; the table holds at most one edge per node but the root's.
  let units = 0;
  for (const word of freqOf.keys()) units += word.length;
  let size = 1;
  while (size < units * 2) size <<= 1;
  const mask = size - 1;
  const rootChild = new Int32Array(65536).fill(NO_NODE);
  const slotParent = new Int32Array(size).fill(NO_NODE);
  const slotUnit = new Uint16Array(size);
  const slotChild = new Int32Array(size);
  const weight = new Float64Array(units + 1).fill(NaN);
  let nodes = 0;
  for (const [word, freq] of freqOf) {
    let node = rootChild[word.charCodeAt(0)];
    if (node === NO_NODE) node = rootChild[word.charCodeAt(0)] = nodes++;
    for (let i = 1; i < word.length; i++) {
      const unit = word.charCodeAt(i);
      let slot = hashOf(node, unit) & mask;
      while (slotParent[slot] !== NO_NODE && (slotParent[slot] !== node || slotUnit[slot] !== unit)) slot = (slot + 1) & mask;
      if (slotParent[slot] === NO_NODE) {
        slotParent[slot] = node;
        slotUnit[slot] = unit;
        slotChild[slot] = nodes++;
      }
      node = slotChild[slot];
    }
    weight[node] = Math.log(freq) - logTotal;
  }
  return {
    rootChild,
    slotParent,
    slotUnit,
    slotChild,
    weight: weight.slice(0, nodes),
    logTotal,
  };
}

/** The child of `node` (not the root) by code unit `unit`, or NO_NODE. */
export function childOf(d: PortDictionaryData, node: number, unit: number): number {
  const { slotParent, slotUnit } = d;
  const mask = slotParent.length - 1;
  let slot = hashOf(node, unit) & mask;
  for (;;) {
    const parent = slotParent[slot];
    if (parent === NO_NODE) return NO_NODE;
    if (parent === node && slotUnit[slot] === unit) return d.slotChild[slot];
    slot = (slot + 1) & mask;
  }
}
