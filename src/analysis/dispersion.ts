/**
 * Dispersion: how evenly a term's occurrences spread over the parts of a corpus.
 * Pure arithmetic, no I/O. Undefined results are NaN (formatters show "NaN"), never a made-up 0 or 1.
 */
import { sum } from './arithmetic.js';

function checkCounts(name: string, xs: readonly number[]): void {
  for (const x of xs) {
    if (!Number.isFinite(x) || x < 0) throw new RangeError(`dispersion ${name} must be finite numbers ≥ 0, got ${x}`);
  }
}

/**
 * Part frequencies and part sizes must describe the same parts, and no part can hold more
 * occurrences than tokens; this catches swapped arguments.
 */
function checkParts(partFreqs: readonly number[], partSizes: readonly number[]): void {
  if (partFreqs.length === 0 || partFreqs.length !== partSizes.length) {
    throw new RangeError(`dispersion needs one size per part (${partFreqs.length} frequencies, ${partSizes.length} sizes)`);
  }
  checkCounts('part frequencies', partFreqs);
  checkCounts('part sizes', partSizes);
  if (partFreqs.some((f, i) => f > partSizes[i])) throw new RangeError('a part cannot hold more occurrences than tokens');
  if (sum(partSizes) === 0) throw new RangeError('dispersion needs a corpus with at least one token');
}

/**
 * Gries' DP, deviation of proportions (Gries 2008, "Dispersions and adjusted frequencies in
 * corpora", IJCL 13(4), p. 415): DP = ½·Σ|v_i − s_i|, where v_i = the term's share of its
 * occurrences in part i and s_i = part i's share of the corpus tokens. 0 = spread exactly as the
 * part sizes predict; close to 1 = concentrated in one small part. A term that does not occur has
 * no distribution to compare: NaN.
 */
export function griesDP(partFreqs: readonly number[], partSizes: readonly number[]): number {
  checkParts(partFreqs, partSizes);
  const totalFreq = sum(partFreqs);
  if (totalFreq === 0) return NaN;
  const totalSize = sum(partSizes);
  return sum(partFreqs.map((f, i) => Math.abs(f / totalFreq - partSizes[i] / totalSize))) / 2;
}

/**
 * Juilland's D (Juilland & Chang-Rodríguez 1964) over n parts of equal size:
 *   D = 1 − V/√(n − 1), V = sd/mean of the part frequencies,
 * with the POPULATION standard deviation (divide by n), as Juilland defined it: its largest value,
 * all occurrences in one part, is mean·√(n − 1), so D runs from 0 (all in one part) to 1 (all parts equal).
 * The parts must be of equal size (see `equalParts`); use griesDP for unequal parts.
 * Undefined, NaN, for n < 2 (no spread to measure) or a term that does not occur (mean 0).
 */
export function juillandD(partFreqs: readonly number[]): number {
  checkCounts('part frequencies', partFreqs);
  const n = partFreqs.length;
  if (n < 2) return NaN;
  const mean = sum(partFreqs) / n;
  if (mean === 0) return NaN;
  const sd = Math.sqrt(sum(partFreqs.map((f) => (f - mean) ** 2)) / n);
  return 1 - sd / mean / Math.sqrt(n - 1);
}

/**
 * Occurrences per part when a text of `totalTokens` tokens is cut into n consecutive parts of
 * equal size. Token i falls into part ⌊i·n/totalTokens⌋, so when n does not divide totalTokens the
 * parts differ by at most one token instead of the last part absorbing the remainder.
 * `tokenPositions` are 0-based token indices of the term's occurrences, in any order.
 */
export function equalParts(tokenPositions: readonly number[], totalTokens: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`number of parts must be an integer ≥ 1, got ${n}`);
  if (!Number.isInteger(totalTokens) || totalTokens < 0) throw new RangeError(`token total must be an integer ≥ 0, got ${totalTokens}`);
  const counts = new Array<number>(n).fill(0);
  for (const position of tokenPositions) {
    if (!Number.isInteger(position) || position < 0 || position >= totalTokens) {
      throw new RangeError(`token position ${position} is outside 0…${totalTokens - 1}`);
    }
    counts[Math.floor((position * n) / totalTokens)] += 1;
  }
  return counts;
}
