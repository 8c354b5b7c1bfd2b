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
  setDictionary(...args: number[]): void;
  textBuffer(length: number): number;
  endsAt(): number;
  nodesAt(): number;
  cut(length: number): number;
}

/** Compiled once per thread (about a millisecond for its few kilobytes); each PortCutter is an instance of it. */
let compiled: WebAssembly.Module | undefined;

/**
 * A dictionary and the HMM in a shared WebAssembly memory: posted to a thread it is shared, not copied, so every
 * thread's cut reads one copy: a copy per thread cost 15 MB and its page faults in each (freq --jobs 2 on 20 MB,
 * 2.4–2.9 s of CPU with copies, 1.9–2.3 s with this one).
 */
export interface PortMemory {
  memory: WebAssembly.Memory;
  /** setDictionary's arguments: the arrays' addresses, the wide table's length and ln(total). */
  args: number[];
}

/** wasm32's most pages: 4 GB. A shared memory must declare a maximum; it is address space, not memory used. */
const MAXIMUM_PAGES = 65536;

/**
 * The dictionary's and HMM's arrays copied into a new shared memory, and views of the dictionary's there (what
 * the cache stores and the tests read).
 */
export function portMemory(dict: PortDictionaryData, hmm: HmmModel): { port: PortMemory; data: PortDictionaryData } {
  const { rootChild, childStart, childUnit, childNode, weight, wideParent, wideUnit, wideChild, logTotal } = dict;
  const arrays = [rootChild, childStart, childUnit, childNode, weight, wideParent, wideUnit, wideChild, hmm.start, hmm.trans, hmm.emit];
  const aligned = (bytes: number) => (bytes + 7) & ~7;
  const bytes = arrays.reduce((sum, array) => sum + aligned(array.byteLength), 0);
  const memory = new WebAssembly.Memory({ initial: 0, maximum: MAXIMUM_PAGES, shared: true });
  let at = memory.grow(Math.ceil(bytes / 65536)) * 65536;
  const addresses: number[] = [];
  for (const array of arrays) {
    new Uint8Array(memory.buffer, at, array.byteLength).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    addresses.push(at);
    at += aligned(array.byteLength);
  }
  const view = <A extends Int32Array | Uint16Array | Float64Array>(k: number, make: (buffer: ArrayBufferLike, offset: number, length: number) => A) =>
    make(memory.buffer, addresses[k], arrays[k].length);
  const i32 = (b: ArrayBufferLike, o: number, n: number) => new Int32Array(b, o, n);
  const u16 = (b: ArrayBufferLike, o: number, n: number) => new Uint16Array(b, o, n);
  const f64 = (b: ArrayBufferLike, o: number, n: number) => new Float64Array(b, o, n);
  return {
    port: { memory, args: [...addresses.slice(0, 8), wideParent.length, logTotal, ...addresses.slice(8)] },
    data: {
      rootChild: view(0, i32), childStart: view(1, i32), childUnit: view(2, u16), childNode: view(3, i32), weight: view(4, f64),
      wideParent: view(5, i32), wideUnit: view(6, u16), wideChild: view(7, i32), logTotal,
    },
  };
}

/** A text's words, by their ends (UTF-16 offsets) and trie nodes (NO_NODE for a word the dictionary lacks). */
export interface PortCut {
  ends: Uint32Array;
  nodes: Int32Array;
}

/**
 * jieba-rs's `cut(text, hmm = true)`, run as WebAssembly (wasm/portCut.ts) over the dictionary in its shared
 * memory: it gives @node-rs/jieba's words token for token (tests/portCut.test.ts) without making a string per
 * word. One per thread and dictionary: its text and words are this instance's pages of the memory.
 */
export class PortCutter {
  private readonly wasm: CutExports;
  private readonly memory: WebAssembly.Memory;

  constructor({ memory, args }: PortMemory) {
    compiled ??= new WebAssembly.Module(readFileSync(WASM));
    this.wasm = new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as CutExports;
    this.wasm.setDictionary(...args);
    this.memory = memory;
  }

  cut(text: string): PortCut {
    const { wasm, memory } = this;
    const at = wasm.textBuffer(text.length);
    // UTF-16LE: the code units as they stand, a lone surrogate too. The buffer is read after each call: growing
    // the memory (here or on another thread) gives a longer one.
    Buffer.from(memory.buffer, at, text.length * 2).write(text, 'utf16le');
    const count = wasm.cut(text.length);
    return {
      ends: new Uint32Array(memory.buffer, wasm.endsAt(), count).slice(),
      nodes: new Int32Array(memory.buffer, wasm.nodesAt(), count).slice(),
    };
  }
}
