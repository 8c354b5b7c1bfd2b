import { xlogx } from './arithmetic.js';

/**
 * Association of two terms x and y co-occurring over units (sentences, paragraphs or windows of
 * k tokens), from four unit counts. Pure arithmetic, no I/O. Notation after Evert (2005,
 * "The statistics of word cooccurrences"), reduced to the counts the guide names:
 *   O  = units containing both x and y,
 *   f1 = units containing x,  f2 = units containing y,  N = units,
 *   E  = f1·f2/N, the units expected to contain both if x and y were independent.
 */

/** One collocate row; the column names are those shown to users. */
export interface AssociationRow {
  mi: number;
  tscore: number;
  logdice: number;
  jaccard: number;
  ll: number;
}

/**
 * Counts that no set of units can produce (more co-occurrences than occurrences, more units with x
 * or y than units) are caller bugs such as counting tokens instead of units: throw.
 */
function checkCounts(o: number, f1: number, f2: number, n: number): void {
  for (const [name, v] of [['O', o], ['f1', f1], ['f2', f2], ['N', n]] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`association count ${name} must be a finite number ≥ 0, got ${v}`);
  }
  if (o > Math.min(f1, f2) || f1 + f2 - o > n || n === 0) {
    throw new RangeError(`association counts are not a set of units (O=${o}, f1=${f1}, f2=${f2}, N=${n}): need O ≤ f1, f2 and f1 + f2 − O ≤ N > 0`);
  }
}

function expected(f1: number, f2: number, n: number): number {
  return (f1 * f2) / n;
}

/**
 * Pointwise mutual information (Church & Hanks 1990): MI = log2(O·N / (f1·f2)) = log2(O/E).
 * O = 0 gives −Infinity, the limit of log2(O/E): x and y never share a unit. Formatters show it
 * as "-Inf"; it sorts below every pair that co-occurs at least once.
 */
export function mi(o: number, f1: number, f2: number, n: number): number {
  checkCounts(o, f1, f2, n);
  if (o === 0) return -Infinity;
  return Math.log2((o * n) / (f1 * f2));
}

/**
 * t-score (Church et al. 1991): t = (O − E)/√O, the observed count serving as its own variance.
 * At O = 0 the formula divides by zero; we divide by √max(O, 1) = 1 instead, giving t = −E:
 * finite, negative, and more negative the more co-occurrences independence would have predicted,
 * which is how a pair that never meets should rank. For O ≥ 1 this is the textbook value.
 */
export function tScore(o: number, f1: number, f2: number, n: number): number {
  checkCounts(o, f1, f2, n);
  return (o - expected(f1, f2, n)) / Math.sqrt(Math.max(o, 1));
}

/**
 * log-Dice (Rychlý 2008, "A lexicographer-friendly association score"): 14 + log2(2·O/(f1 + f2)),
 * at most 14 (x and y always together), independent of N. O = 0 gives −Infinity, as for MI.
 */
export function logDice(o: number, f1: number, f2: number, n: number): number {
  checkCounts(o, f1, f2, n);
  if (o === 0) return -Infinity;
  return 14 + Math.log2((2 * o) / (f1 + f2));
}

/**
 * Jaccard index of the two unit sets: |X ∩ Y| / |X ∪ Y| = O/(f1 + f2 − O), in [0, 1].
 * O = 0 gives 0, also when neither term occurs (the formula would be 0/0 there).
 */
export function jaccard(o: number, f1: number, f2: number, n: number): number {
  checkCounts(o, f1, f2, n);
  if (o === 0) return 0;
  return o / (f1 + f2 - o);
}

/**
 * Signed log-likelihood G² of the full 2×2 contingency table (Dunning 1993, "Accurate methods for
 * the statistics of surprise and coincidence"):
 *               y        ¬y
 *   x     [ O,         f1 − O         ]   row total f1
 *   ¬x    [ f2 − O,    N − f1 − f2 + O ]   row total N − f1
 *   G² = 2·Σ O_ij·ln(O_ij/E_ij), E_ij = row_i·col_j/N, empty cells contributing 0.
 * Signed negative when O < E (x and y avoid each other), so one column ranks attraction first.
 */
export function ll2x2(o: number, f1: number, f2: number, n: number): number {
  checkCounts(o, f1, f2, n);
  const cells: [observed: number, rowTotal: number, colTotal: number][] = [
    [o, f1, f2],
    [f1 - o, f1, n - f2],
    [f2 - o, n - f1, f2],
    [n - f1 - f2 + o, n - f1, n - f2],
  ];
  const sum = cells.reduce((acc, [observed, row, col]) => acc + xlogx(observed, (row * col) / n), 0);
  // G² ≥ 0 in exact arithmetic; rounding can leave −1e-16 when O = E.
  const g2 = Math.max(0, 2 * sum);
  // O·N vs f1·f2 compares O with E without dividing, so O = E gives exactly 0.
  return Math.sign(o * n - f1 * f2) * g2;
}

/** All association measures for one pair of terms. */
export function associationRow(o: number, f1: number, f2: number, n: number): AssociationRow {
  return {
    mi: mi(o, f1, f2, n),
    tscore: tScore(o, f1, f2, n),
    logdice: logDice(o, f1, f2, n),
    jaccard: jaccard(o, f1, f2, n),
    ll: ll2x2(o, f1, f2, n),
  };
}
