/**
 * A count-min sketch (Cormode & Muthukrishnan 2005) of strings in fixed memory: `depth` rows of `width`
 * saturating 8-bit counters; a string adds one to one counter per row, and its estimate is the least of its
 * counters. Collisions only ever add, so the estimate is never below the true count (up to 255): a string
 * whose estimate is below n was seen fewer than n times, for certain. It may be above (a false positive).
 */
export class CountMinSketch {
  private readonly cells: Uint8Array;
  private readonly mask: number;

  /** @param logWidth counters per row are 2^logWidth. */
  constructor(
    logWidth: number,
    private readonly depth: number,
  ) {
    this.mask = (1 << logWidth) - 1;
    this.cells = new Uint8Array(depth << logWidth);
  }

  add(key: string): void {
    const [h1, h2] = hashes(key);
    for (let row = 0, offset = 0; row < this.depth; row++, offset += this.mask + 1) {
      const at = offset + ((h1 + row * h2) & this.mask);
      if (this.cells[at] < 255) this.cells[at]++;
    }
  }

  /** Never below the times `key` was added (counts past 255 read 255). */
  estimate(key: string): number {
    const [h1, h2] = hashes(key);
    let least = 255;
    for (let row = 0, offset = 0; row < this.depth; row++, offset += this.mask + 1) least = Math.min(least, this.cells[offset + ((h1 + row * h2) & this.mask)]);
    return least;
  }
}

/** Two 32-bit FNV-1a hashes of the UTF-16 units with different offsets; the second made odd (double hashing). */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}
