import { UsageError } from '../errors.js';

/** Term sets up to this many cells (term × term, over all groups) count pairs in dense arrays; a cell is 4 bytes. */
const DENSE_PAIR_CELLS = 1 << 22;
/** Bytes one distinct pair takes in the sparse table: an 8-byte key and a 4-byte count at a load of at most ½. */
export const BYTES_PER_PAIR = 24;
/** Pair tables together may not grow past this (the rest of a run, ranking and output need about as much again). */
const DEFAULT_BUDGET_BYTES = 640 * 1024 * 1024;
const EMPTY = -1;

/** What pair tables of one count may take in all, shared so that groups add up. */
export class PairBudget {
  used = 0;
  constructor(
    readonly bytes = DEFAULT_BUDGET_BYTES,
    /** Units counted so far as a share of all (0–1), to say how far the count would have grown. */
    readonly progress: () => number = () => 1,
  ) {}

  /** Takes `bytes` more, or stops the run with one line saying about how much the whole count would need. */
  take(bytes: number): void {
    this.used += bytes;
    if (this.used <= this.bytes) return;
    const share = Math.max(this.progress(), 1e-3);
    const gb = Math.max(1, Math.ceil((this.used / share) * 2 / 1024 ** 3));
    throw new UsageError(`counting these pairs would need about ${gb} GB; raise --min or use --top`);
  }
}

/**
 * The units each pair of terms shares, keyed a·S + b (term ids a < b, S terms): a Map's interface (get, size,
 * iteration) over typed arrays. A small term set counts in a dense array; a large one (the whole vocabulary)
 * in an open-addressing table of 24 bytes per distinct pair, a fifth of what a Map of numbers takes, and not
 * limited to a Map's 2²⁴ entries. Growth is charged to a budget, so that a count too large for memory stops
 * with a clear line instead of exhausting the heap.
 */
export class PairCounts implements Iterable<[number, number]> {
  private dense?: Int32Array;
  private keys = new Float64Array(0);
  private counts = new Uint32Array(0);
  private filled = 0;

  /** `groups`: how many counts of this size are made side by side (the dense arrays of all fit DENSE_PAIR_CELLS). */
  constructor(
    size: number,
    groups = 1,
    private readonly budget = new PairBudget(),
  ) {
    if (size * size * groups <= DENSE_PAIR_CELLS) this.dense = new Int32Array(size * size);
    else this.grow(1 << 16);
  }

  private grow(capacity: number): void {
    this.budget.take(capacity * 12 - this.keys.length * 12);
    const [keys, counts] = [this.keys, this.counts];
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.counts = new Uint32Array(capacity);
    this.filled = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.put(keys[i], counts[i]);
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // Multiplicative hashing of the key's low and high 26 bits; keys are below 2⁵³.
    let i = (Math.imul(key % 0x4000000, 0x9e3779b1) ^ Math.imul(Math.floor(key / 0x4000000), 0x85ebca6b)) & mask;
    while (this.keys[i] !== EMPTY && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  private put(key: number, count: number): void {
    const i = this.slot(key);
    if (this.keys[i] === EMPTY) {
      this.keys[i] = key;
      this.filled++;
    }
    this.counts[i] += count;
  }

  add(key: number): void {
    if (this.dense) {
      this.dense[key]++;
      return;
    }
    if ((this.filled + 1) * 2 > this.keys.length) this.grow(this.keys.length * 2);
    this.put(key, 1);
  }

  get(key: number): number | undefined {
    if (this.dense) return this.dense[key] > 0 ? this.dense[key] : undefined;
    const i = this.slot(key);
    return this.keys[i] === EMPTY ? undefined : this.counts[i];
  }

  get size(): number {
    if (!this.dense) return this.filled;
    let n = 0;
    for (const both of this.dense) if (both > 0) n++;
    return n;
  }

  /** Pairs seen, [key, units], in no particular order. */
  *[Symbol.iterator](): Iterator<[number, number]> {
    if (this.dense) {
      for (let key = 0; key < this.dense.length; key++) if (this.dense[key] > 0) yield [key, this.dense[key]];
      return;
    }
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) yield [this.keys[i], this.counts[i]];
  }

  /** The same pairs without an array per pair: what the ranking of a whole-vocabulary table goes through. */
  forEach(visit: (key: number, both: number) => void): void {
    if (this.dense) {
      for (let key = 0; key < this.dense.length; key++) if (this.dense[key] > 0) visit(key, this.dense[key]);
      return;
    }
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) visit(this.keys[i], this.counts[i]);
  }

  /** Adds another count's pairs (pooling groups). */
  addAll(other: PairCounts): void {
    if (this.dense) other.forEach((key, both) => (this.dense![key] += both));
    else
      other.forEach((key, both) => {
        if ((this.filled + 1) * 2 > this.keys.length) this.grow(this.keys.length * 2);
        this.put(key, both);
      });
  }
}
