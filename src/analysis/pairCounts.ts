import { SortedRuns } from './sortedRuns.js';
import { memorySpill, type Spill } from './spill.js';

/** Term sets up to this many cells (term × term, over all groups) count pairs in dense arrays; a cell is 4 bytes. */
const DENSE_PAIR_CELLS = 1 << 22;
/** Bytes one distinct pair takes in the sparse table: an 8-byte key and a 4-byte count at a load of at most ½. */
export const BYTES_PER_PAIR = 24;
/**
 * What the sparse pair tables of one count may hold in memory together before they are written out as sorted
 * runs: enough for the whole vocabulary of 4 MB of reports by sentences without spilling, small enough that a
 * run with the ranking beside it stays well under 1 GB.
 */
const DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024;
/** Slots a sparse table starts with, and starts over with after it spilled (at most). */
const FIRST_SLOTS = 1 << 16;
const EMPTY = -1;

/** Pair runs go by key: a key is a pair, unique within one table. */
const byKey = (x: Float64Array, i: number, y: Float64Array, j: number) => x[i] - y[j];

/**
 * What the pair tables of one count may take in memory, shared so that groups add up, and where they spill
 * past it. Past the budget every table writes its pairs out as one sorted run and starts over small, so that
 * memory stays bounded however many distinct pairs the corpus has; the counts stay exact (runs are merged,
 * counts of one pair summed, when the table is read).
 */
export class PairBudget {
  used = 0;
  private readonly tables: PairCounts[] = [];

  constructor(
    readonly bytes = DEFAULT_BUDGET_BYTES,
    readonly spill: Spill = memorySpill,
  ) {}

  register(table: PairCounts): void {
    this.tables.push(table);
  }

  /** Whether `bytes` more would stay within the budget. */
  fits(bytes: number): boolean {
    return this.used + bytes <= this.bytes;
  }

  /** Slots a table starts with: fewer under a budget of a few kilobytes (tests spill after a few pairs). */
  get firstSlots(): number {
    let slots = 16;
    while (slots < FIRST_SLOTS && slots * 2 * 12 * 4 <= this.bytes) slots *= 2;
    return slots;
  }

  /** Bytes buffered per run: 64 KB, or less under a tiny budget (tests), since a merge holds one per run. */
  get runBlockBytes(): number {
    return Math.min(1 << 16, Math.max(256, Math.floor(this.bytes / 64)));
  }

  /** Every table writes out its pairs. */
  spillAll(): void {
    for (const table of this.tables) table.spill();
  }
}

/**
 * The units each pair of terms shares, keyed a·S + b (term ids a < b, S terms): add while counting, then read
 * once (forEach). A small term set counts in a dense array; a large one (the whole vocabulary) in an
 * open-addressing table of 24 bytes per distinct pair, a fifth of what a Map of numbers takes. Tables past the
 * budget spill to sorted runs (see PairBudget); such a table is read once, merged in key order.
 */
export class PairCounts {
  private dense?: Int32Array;
  private keys = new Float64Array(0);
  private counts = new Uint32Array(0);
  private filled = 0;
  private runs?: SortedRuns;
  private read = false;

  /** `groups`: how many counts of this size are made side by side (the dense arrays of all fit DENSE_PAIR_CELLS). */
  constructor(
    size: number,
    groups = 1,
    readonly budget = new PairBudget(),
  ) {
    if (size * size * groups <= DENSE_PAIR_CELLS) this.dense = new Int32Array(size * size);
    else {
      budget.register(this);
      this.resize(budget.firstSlots);
    }
  }

  /** Whether some pairs went to runs (the table can then only be read once, in key order). */
  get spilled(): boolean {
    return this.runs !== undefined;
  }

  private resize(capacity: number): void {
    const [keys, counts] = [this.keys, this.counts];
    this.budget.used += (capacity - keys.length) * 12;
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
    if ((this.filled + 1) * 2 > this.keys.length) {
      if (this.budget.fits(this.keys.length * 12)) this.resize(this.keys.length * 2);
      else this.budget.spillAll();
    }
    const i = this.slot(key);
    if (this.keys[i] === EMPTY) {
      this.keys[i] = key;
      this.filled++;
    }
    this.counts[i] += count;
  }

  /** Writes the pairs held in memory out as one run in key order, and starts over small. */
  spill(): void {
    if (this.dense || this.filled === 0) return;
    const keys = new Float64Array(this.filled);
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) keys[n++] = this.keys[i];
    keys.sort();
    this.runs ??= new SortedRuns(2, this.budget.spill, byKey, this.budget.runBlockBytes);
    const record = [0, 0];
    this.runs.writeFrom((put) => {
      for (const key of keys) {
        record[0] = key;
        record[1] = this.counts[this.slot(key)];
        put(record);
      }
    });
    this.free();
    this.resize(this.budget.firstSlots);
  }

  /** `units` more units of the pair `key` (one, while counting). */
  add(key: number, units = 1): void {
    if (this.dense) this.dense[key] += units;
    else this.put(key, units);
  }

  /** The units of one pair; only for tables that did not spill (a small term set, e.g. a matrix). */
  get(key: number): number | undefined {
    if (this.dense) return this.dense[key] > 0 ? this.dense[key] : undefined;
    if (this.runs) throw new Error('a spilled pair table is read in key order only');
    const i = this.slot(key);
    return this.keys[i] === EMPTY ? undefined : this.counts[i];
  }

  /** Every pair seen with its units, [key, units]: in no particular order, or in key order once spilled. */
  forEach(visit: (key: number, both: number) => void): void {
    if (this.dense) {
      for (let key = 0; key < this.dense.length; key++) if (this.dense[key] > 0) visit(key, this.dense[key]);
      return;
    }
    if (!this.runs) {
      for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) visit(this.keys[i], this.counts[i]);
      return;
    }
    // Runs are read once; a second reading would silently see nothing.
    if (this.read) throw new Error('a spilled pair table is read once');
    this.read = true;
    this.spill();
    let [key, both] = [EMPTY, 0];
    for (const record of this.runs.merged()) {
      if (record[0] !== key && key !== EMPTY) visit(key, both);
      if (record[0] !== key) [key, both] = [record[0], 0];
      both += record[1];
    }
    if (key !== EMPTY) visit(key, both);
    this.free();
  }

  private free(): void {
    this.budget.used -= this.keys.length * 12;
    [this.keys, this.counts, this.filled] = [new Float64Array(0), new Uint32Array(0), 0];
  }

  /** Adds another count's pairs (pooling groups). */
  addAll(other: PairCounts): void {
    if (this.dense) other.forEach((key, both) => (this.dense![key] += both));
    else other.forEach((key, both) => this.put(key, both));
  }
}
