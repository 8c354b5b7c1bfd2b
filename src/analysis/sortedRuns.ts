import { siftDown } from './siftDown.js';
import { NumberReader, NumberWriter, type Spill, type SpillStream } from './spill.js';

/** Orders two records: `x` at offset i against `y` at offset j (negative: x first). */
export type RecordOrder = (x: Float64Array, i: number, y: Float64Array, j: number) => number;

/** One run being merged: its reader and its current record. */
interface Cursor {
  reader: NumberReader;
  record: Float64Array;
}

/**
 * An external sort: records of `width` numbers written to a spill in sorted runs, read back merged into one
 * order (a k-way merge on a binary heap), so that sorting more records than memory holds needs a buffer per
 * run. The order must be total (ties broken down to a unique field), so the merge gives exactly the order one
 * in-memory sort would.
 */
export class SortedRuns {
  private readonly runs: SpillStream[] = [];

  constructor(
    readonly width: number,
    private readonly spill: Spill,
    private readonly order: RecordOrder,
    /** Bytes buffered per run as it is written and merged. */
    private readonly blockBytes = 1 << 16,
  ) {}

  get length(): number {
    return this.runs.length;
  }

  /** Writes the first n records of `records` (already in order) as one run. */
  write(records: Float64Array, n: number): void {
    const writer = new NumberWriter(this.spill.create(), this.blockBytes);
    for (let i = 0; i < n * this.width; i++) writer.float(records[i]);
    writer.flush();
    this.runs.push(writer.stream);
  }

  /** Writes the records visited in order as one run. */
  writeFrom(each: (put: (record: ArrayLike<number>) => void) => void): void {
    const writer = new NumberWriter(this.spill.create(), this.blockBytes);
    each((record) => {
      for (let f = 0; f < this.width; f++) writer.float(record[f]);
    });
    writer.flush();
    this.runs.push(writer.stream);
  }

  /** Every record of every run, in order; the runs are freed as they are read out. */
  *merged(): Generator<Float64Array> {
    const width = this.width;
    const heap: Cursor[] = [];
    const before = (a: Cursor, b: Cursor) => this.order(a.record, 0, b.record, 0) < 0;
    const advance = (c: Cursor) => {
      if (!c.reader.more(8)) return false;
      for (let f = 0; f < width; f++) c.record[f] = c.reader.float();
      return true;
    };
    const down = (i: number) => siftDown(heap, i, before);
    for (const stream of this.runs) {
      const cursor = { reader: new NumberReader(stream, this.blockBytes), record: new Float64Array(width) };
      if (advance(cursor)) heap.push(cursor);
      else stream.dispose();
    }
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
    try {
      while (heap.length > 0) {
        const top = heap[0];
        yield top.record;
        if (!advance(top)) {
          top.reader.stream.dispose();
          heap[0] = heap[heap.length - 1];
          heap.pop();
        }
        if (heap.length > 0) down(0);
      }
    } finally {
      for (const stream of this.runs) stream.dispose();
      this.runs.length = 0;
    }
  }
}
