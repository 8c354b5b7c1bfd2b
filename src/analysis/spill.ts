/**
 * Where a count too large for memory puts what it has counted so far: append-only byte streams, each written
 * once and then read back once from its start. The analysis layer does no I/O, so the store is passed in: on
 * disk from the pipeline (pipeline/spillFiles.ts), or in memory (the default, and what tests use to run the
 * same spilling code at a budget of a few bytes).
 */
export interface Spill {
  create(): SpillStream;
}

export interface SpillStream {
  append(bytes: Uint8Array): void;
  /** Fills `into` with the next bytes from the start of the stream; how many it filled (0: the end). */
  read(into: Uint8Array): number;
  /** Frees what the stream holds (a file deleted); it is not read again. */
  dispose(): void;
}

/** Streams held in memory: spilling then only reorganises memory, for library callers and tests. */
export const memorySpill: Spill = {
  create(): SpillStream {
    const parts: Uint8Array[] = [];
    let part = 0;
    let offset = 0;
    return {
      append: (bytes) => void parts.push(bytes.slice()),
      read(into) {
        let filled = 0;
        while (filled < into.length && part < parts.length) {
          const n = Math.min(into.length - filled, parts[part].length - offset);
          into.set(parts[part].subarray(offset, offset + n), filled);
          filled += n;
          offset += n;
          if (offset === parts[part].length) [part, offset] = [part + 1, 0];
        }
        return filled;
      },
      dispose: () => void (parts.length = 0),
    };
  },
};

/** Bytes moved to or from a stream at once, unless the caller asks for fewer (one buffer per merged run). */
const BLOCK_BYTES = 1 << 20;

/** Numbers appended to a stream as float64 or int32 through one buffer. */
export class NumberWriter {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  constructor(
    readonly stream: SpillStream,
    blockBytes = BLOCK_BYTES,
  ) {
    this.bytes = new Uint8Array(Math.max(8, blockBytes));
    this.view = new DataView(this.bytes.buffer);
  }

  private room(n: number): void {
    if (this.at + n > this.bytes.length) this.flush();
  }

  float(x: number): void {
    this.room(8);
    this.view.setFloat64(this.at, x, true);
    this.at += 8;
  }

  int(x: number): void {
    this.room(4);
    this.view.setInt32(this.at, x, true);
    this.at += 4;
  }

  ints(xs: ArrayLike<number>): void {
    for (let i = 0; i < xs.length; i++) this.int(xs[i]);
  }

  /** Writes out what is buffered; call once the last number is written, before reading the stream. */
  flush(): void {
    if (this.at > 0) this.stream.append(this.bytes.subarray(0, this.at));
    this.at = 0;
  }
}

/** Reads back, in order, the numbers a NumberWriter wrote; the caller knows their kinds and count. */
export class NumberReader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;
  private end = 0;

  constructor(
    readonly stream: SpillStream,
    blockBytes = BLOCK_BYTES,
  ) {
    this.bytes = new Uint8Array(Math.max(8, blockBytes));
    this.view = new DataView(this.bytes.buffer);
  }

  /** Whether there is another number (of `size` bytes) to read. */
  more(size = 4): boolean {
    if (this.at + size <= this.end) return true;
    // Keep the unread tail, then fill the rest of the buffer.
    this.bytes.copyWithin(0, this.at, this.end);
    this.end -= this.at;
    this.at = 0;
    this.end += this.stream.read(this.bytes.subarray(this.end));
    return this.at + size <= this.end;
  }

  float(): number {
    if (!this.more(8)) throw new Error('spilled stream ended early');
    const x = this.view.getFloat64(this.at, true);
    this.at += 8;
    return x;
  }

  int(): number {
    if (!this.more(4)) throw new Error('spilled stream ended early');
    const x = this.view.getInt32(this.at, true);
    this.at += 4;
    return x;
  }

  ints(n: number): Int32Array {
    const xs = new Int32Array(n);
    for (let i = 0; i < n; i++) xs[i] = this.int();
    return xs;
  }
}
