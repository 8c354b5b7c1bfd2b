import { readFileSync } from 'node:fs';
import type { PortDictionaryData } from './portDictionary.js';
import type { HmmModel } from './portHmm.js';

/**
 * The compiled cut (wasm/portCut.ts, built by `npm run build:wasm` and kept in the repository, so that no install
 * needs a compiler): two folders up from src/segment and from dist/segment alike.
 */
const WASM = new URL('../../wasm/portCut.wasm', import.meta.url);

/** What wasm/portCut.ts exports. */
interface CutExports {
  memory: WebAssembly.Memory;
  reserve(bytes: number): number;
  setDictionary(...addresses: number[]): void;
  textBuffer(length: number): number;
  endsAt(): number;
  nodesAt(): number;
  cut(length: number): number;
}

/** Compiled once per thread (about a millisecond for its few kilobytes); each PortCutter is an instance of it. */
let compiled: WebAssembly.Module | undefined;

/** A text's words, by their ends (UTF-16 offsets) and trie nodes (NO_NODE for a word the dictionary lacks). */
export interface PortCut {
  ends: Uint32Array;
  nodes: Int32Array;
}

/**
 * jieba-rs's `cut(text, hmm = true)`, run as WebAssembly (wasm/portCut.ts) over a copy of the dictionary's typed
 * arrays in its own memory (15 MB for jieba's dictionary and tifa's, copied in a few milliseconds): it gives
 * @node-rs/jieba's words token for token (tests/portCut.test.ts) without making a string per word.
 */
export class PortCutter {
  private readonly wasm: CutExports;

  constructor(dict: PortDictionaryData, hmm: HmmModel) {
    compiled ??= new WebAssembly.Module(readFileSync(WASM));
    const wasm = new WebAssembly.Instance(compiled, {}).exports as unknown as CutExports;
    const copy = (array: Int32Array | Uint16Array | Float64Array) => {
      const at = wasm.reserve(array.byteLength);
      new Uint8Array(wasm.memory.buffer, at, array.byteLength).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      return at;
    };
    const { rootChild, childStart, childUnit, childNode, weight, wideParent, wideUnit, wideChild, logTotal } = dict;
    wasm.setDictionary(
      copy(rootChild), copy(childStart), copy(childUnit), copy(childNode), copy(weight),
      copy(wideParent), copy(wideUnit), copy(wideChild), wideParent.length, logTotal,
      copy(hmm.start), copy(hmm.trans), copy(hmm.emit),
    );
    this.wasm = wasm;
  }

  cut(text: string): PortCut {
    const { wasm } = this;
    const at = wasm.textBuffer(text.length);
    // UTF-16LE: the code units as they stand, a lone surrogate too. Views are made after each call: growing the
    // memory detaches the ones before.
    Buffer.from(wasm.memory.buffer, at, text.length * 2).write(text, 'utf16le');
    const count = wasm.cut(text.length);
    return {
      ends: new Uint32Array(wasm.memory.buffer, wasm.endsAt(), count).slice(),
      nodes: new Int32Array(wasm.memory.buffer, wasm.nodesAt(), count).slice(),
    };
  }
}
