import { siftDown } from '../analysis/siftDown.js';
import { NumberReader, NumberWriter, type Spill, type SpillStream } from '../analysis/spill.js';

/**
 * The n-gram counts of `slogans --discover` when they outgrow memory: NgramCounter writes its table out as a run
 * sorted by key every so many n-grams and starts afresh, and the runs are merged back key by key (a k-way merge),
 * so that memory holds one table of a fixed size and a buffer per run, not every n-gram of the corpus.
 */

/** One n-gram's counts in a run, or merged from every run. */
export interface NgramRecord {
  key: string;
  count: number;
  docs: number;
  /** The groups using it, in order of first use. */
  groups: number[];
  /** Its written form, when that is not its words run together. */
  surface?: string;
  /** When it was first seen: the first run that holds it, and its row in that run's table. */
  run: number;
  row: number;
}

function writeString(w: NumberWriter, s: string): void {
  w.int(s.length);
  for (let i = 0; i < s.length; i++) w.int(s.charCodeAt(i));
}

function readString(r: NumberReader): string {
  return fromCodes(r.ints(r.int()));
}

function fromCodes(codes: Int32Array): string {
  let s = '';
  // In slices: String.fromCharCode takes its codes as arguments.
  for (let i = 0; i < codes.length; i += 4096) s += String.fromCharCode(...codes.subarray(i, i + 4096));
  return s;
}

/** Writes records (in key order) as one run. */
export function writeNgramRun(spill: Spill, records: Iterable<NgramRecord>): SpillStream {
  const w = new NumberWriter(spill.create(), 1 << 16);
  for (const r of records) {
    writeString(w, r.key);
    w.ints([r.count, r.docs, r.run, r.row, r.groups.length]);
    w.ints(r.groups);
    if (r.surface === undefined) w.int(-1);
    else writeString(w, r.surface);
  }
  w.flush();
  return w.stream;
}

function* readNgramRun(stream: SpillStream): Generator<NgramRecord> {
  const r = new NumberReader(stream, 1 << 16);
  while (r.more()) {
    const key = readString(r);
    const [count, docs, run, row, groupCount] = r.ints(5);
    const groups = [...r.ints(groupCount)];
    const surfaceLength = r.int();
    const surface = surfaceLength < 0 ? undefined : fromCodes(r.ints(surfaceLength));
    yield { key, count, docs, groups, surface, run, row };
  }
}

/** Code-unit order of strings, the order of a run's keys. */
export const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Items of several sequences, each in `order`, merged into that order (a binary heap of the sequences' current
 * items); of equal items, the earlier sequence's comes first.
 */
export function* mergeOrdered<T>(sequences: Iterable<Iterable<T>>, order: (a: T, b: T) => number): Generator<T> {
  const heap: Array<{ item: T; rest: Iterator<T>; index: number }> = [];
  const before = (a: (typeof heap)[number], b: (typeof heap)[number]) => {
    const c = order(a.item, b.item);
    return c < 0 || (c === 0 && a.index < b.index);
  };
  const down = (i: number) => siftDown(heap, i, before);
  let index = 0;
  for (const sequence of sequences) {
    const rest = sequence[Symbol.iterator]();
    const first = rest.next();
    if (!first.done) heap.push({ item: first.value, rest, index });
    index++;
  }
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  try {
    while (heap.length > 0) {
      const top = heap[0];
      yield top.item;
      const next = top.rest.next();
      if (next.done) {
        heap[0] = heap[heap.length - 1];
        heap.pop();
      } else top.item = next.value;
      if (heap.length > 0) down(0);
    }
  } finally {
    // Stopped early (a --top reached): the sequences not read to their end free what they hold.
    for (const { rest } of heap) rest.return?.();
  }
}

/**
 * The runs (in the order they were written) merged: one record per n-gram, its counts added up (each document is
 * counted in one run), its groups in order of first use and its written form and first sight from the earliest run
 * that holds it. The runs are freed once read.
 */
export function* mergeNgramRuns(runs: readonly SpillStream[]): Generator<NgramRecord> {
  let current: NgramRecord | undefined;
  try {
    for (const r of mergeOrdered(
      runs.map((stream) => readNgramRun(stream)),
      (a, b) => byKey(a.key, b.key),
    )) {
      if (current?.key === r.key) {
        current.count += r.count;
        current.docs += r.docs;
        for (const g of r.groups) if (!current.groups.includes(g)) current.groups.push(g);
        continue;
      }
      if (current) yield current;
      current = r;
    }
    if (current) yield current;
  } finally {
    for (const stream of runs) stream.dispose();
  }
}

/** How the items of an ItemRuns are written to a run and read back. */
export interface ItemCodec<T> {
  write(w: NumberWriter, item: T): void;
  read(r: NumberReader): T;
}

/**
 * Items too many for memory, kept in sorted runs: `add` them in any order, then `sorted()` gives them all once,
 * in `order`, equal items in the order they were added (a stable sort in each run; the earlier run first in the
 * merge). Without a spill, or while fewer than `budget` were added, they are only sorted in memory.
 */
export class ItemRuns<T> {
  private items: T[] = [];
  private readonly runs: SpillStream[] = [];

  constructor(
    private readonly codec: ItemCodec<T>,
    private readonly order: (a: T, b: T) => number,
    private readonly spill: Spill | undefined,
    private readonly budget: number,
  ) {}

  add(item: T): void {
    this.items.push(item);
    if (this.spill && this.items.length >= this.budget) this.writeRun();
  }

  private writeRun(): void {
    const w = new NumberWriter(this.spill!.create(), 1 << 16);
    for (const item of this.items.sort(this.order)) this.codec.write(w, item);
    w.flush();
    this.runs.push(w.stream);
    this.items = [];
  }

  *sorted(): Generator<T> {
    if (this.runs.length === 0) {
      const items = this.items.sort(this.order);
      this.items = [];
      yield* items;
      return;
    }
    if (this.items.length > 0) this.writeRun();
    const runs = this.runs.splice(0);
    const codec = this.codec;
    const read = function* (stream: SpillStream) {
      const r = new NumberReader(stream, 1 << 16);
      while (r.more()) yield codec.read(r);
    };
    try {
      yield* mergeOrdered(
        runs.map((s) => read(s)),
        this.order,
      );
    } finally {
      for (const stream of runs) stream.dispose();
    }
  }
}

/** (key, count) pairs too many for memory (ItemRuns), given back in key order, then count. */
export function keyCountRuns(spill: Spill, budget: number): ItemRuns<{ key: string; count: number }> {
  return new ItemRuns(
    {
      write: (w, { key, count }) => {
        writeString(w, key);
        w.int(count);
      },
      read: (r) => ({ key: readString(r), count: r.int() }),
    },
    (a, b) => byKey(a.key, b.key) || a.count - b.count,
    spill,
    budget,
  );
}

/** A candidate of NgramCounter (an NgramCandidate) as it is ranked: with when it was first seen (NgramRecord's run and row). */
export interface RankedCandidate {
  term: string;
  total: number;
  docs: number;
  groups: number;
  score: number;
  run: number;
  row: number;
}

/**
 * The order of the discovery table (sloganTable.ts): most uses, then most documents, then term (code units), then
 * first sight (two n-grams can be written alike).
 */
export function byRank(a: RankedCandidate, b: RankedCandidate): number {
  return b.total - a.total || b.docs - a.docs || byKey(a.term, b.term) || a.run - b.run || a.row - b.row;
}

/** Candidates too many for memory, given back ranked (byRank). */
export function rankedRuns(spill: Spill | undefined, budget: number): ItemRuns<RankedCandidate> {
  return new ItemRuns<RankedCandidate>(
    {
      write: (w, c) => {
        writeString(w, c.term);
        w.ints([c.total, c.docs, c.groups, c.run, c.row]);
        w.float(c.score);
      },
      read: (r) => {
        const term = readString(r);
        const [total, docs, groups, run, row] = r.ints(5);
        return { term, total, docs, groups, run, row, score: r.float() };
      },
    },
    byRank,
    spill,
    budget,
  );
}
