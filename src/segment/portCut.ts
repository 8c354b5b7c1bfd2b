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
 * The memory's image: a header at address 0, then the arrays, each at a multiple of 8. The header is float64
 * slots: IMAGE_FORMAT, the image's length in bytes, each array's address and length, the wide table's length and
 * ln(total). The cache keeps the image as it stands (CacheStore.getBytes), so that a run reads it into the memory
 * with no deserialising, copying or parsing (20 MB of reports: 51–58 ms from the prebuilt store to a memory as
 * arrays with the HMM parsed, 17 ms as an image, of it 8 ms for the SHA-1 that checks the file).
 */
const IMAGE_FORMAT = 1;
/** The arrays in the image: the dictionary's eight, then the HMM's three, in the order setDictionary takes them. */
const IMAGE_ARRAYS = 11;
const HEADER_SLOTS = 2 + 2 * IMAGE_ARRAYS + 2;
const aligned = (bytes: number) => (bytes + 7) & ~7;

/** A new shared memory with `bytes` of room from address 0, and a view of them (for CacheStore.getBytes to read an image into). */
export function imageMemory(bytes: number): { memory: WebAssembly.Memory; bytes: Uint8Array } {
  const memory = new WebAssembly.Memory({ initial: 0, maximum: MAXIMUM_PAGES, shared: true });
  memory.grow(Math.ceil(bytes / 65536));
  return { memory, bytes: new Uint8Array(memory.buffer, 0, bytes) };
}

/** The dictionary's and HMM's arrays copied into a new shared memory as its image (IMAGE_FORMAT), and the image's bytes there. */
export function portImage(dict: PortDictionaryData, hmm: HmmModel): { memory: WebAssembly.Memory; bytes: Uint8Array } {
  const { rootChild, childStart, childUnit, childNode, weight, wideParent, wideUnit, wideChild, logTotal } = dict;
  const arrays = [rootChild, childStart, childUnit, childNode, weight, wideParent, wideUnit, wideChild, hmm.start, hmm.trans, hmm.emit];
  const header = new Float64Array(HEADER_SLOTS);
  let at = aligned(header.byteLength);
  arrays.forEach((array, k) => {
    header[2 + 2 * k] = at;
    header[3 + 2 * k] = array.length;
    at += aligned(array.byteLength);
  });
  header[0] = IMAGE_FORMAT;
  header[1] = at;
  header[HEADER_SLOTS - 2] = wideParent.length;
  header[HEADER_SLOTS - 1] = logTotal;
  const image = imageMemory(at);
  const put = (array: ArrayBufferView, address: number) => image.bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), address);
  put(header, 0);
  arrays.forEach((array, k) => put(array, header[2 + 2 * k]));
  return image;
}

/**
 * What the cut needs of a memory holding an image (portImage): setDictionary's arguments, and views of the
 * dictionary's arrays there (what the tests read); undefined if the image is not one of this format.
 */
export function portFromImage(memory: WebAssembly.Memory): { port: PortMemory; data: PortDictionaryData } | undefined {
  const header = new Float64Array(memory.buffer, 0, HEADER_SLOTS);
  if (header[0] !== IMAGE_FORMAT || header[1] > memory.buffer.byteLength) return undefined;
  const addresses = Array.from({ length: IMAGE_ARRAYS }, (_, k) => header[2 + 2 * k]);
  const { buffer } = memory;
  const i32 = (k: number) => new Int32Array(buffer, addresses[k], header[3 + 2 * k]);
  const u16 = (k: number) => new Uint16Array(buffer, addresses[k], header[3 + 2 * k]);
  const f64 = (k: number) => new Float64Array(buffer, addresses[k], header[3 + 2 * k]);
  const [wideLength, logTotal] = [header[HEADER_SLOTS - 2], header[HEADER_SLOTS - 1]];
  return {
    port: { memory, args: [...addresses.slice(0, 8), wideLength, logTotal, ...addresses.slice(8)] },
    data: {
      rootChild: i32(0), childStart: i32(1), childUnit: u16(2), childNode: i32(3), weight: f64(4),
      wideParent: i32(5), wideUnit: u16(6), wideChild: i32(7), logTotal,
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
