import { xlogx } from './arithmetic.js';

/**
 * Keyness of one term: target corpus against reference corpus, from four counts.
 * Pure arithmetic, no I/O. Notation as in the UCREL log-likelihood calculator (Rayson & Garside 2000)
 * and the guide.
 */

/** a, b = the term's frequency in target and reference; c, d = their token totals. */
export interface KeynessInput {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** One keyword-list row: significance (G², its p, χ²) next to two effect sizes. */
export interface KeynessRow {
  ll: number;
  p: number;
  chi2: number;
  log_ratio: number;
  pct_diff: number;
}

/**
 * Counts that cannot come from a real corpus are caller bugs (e.g. c and a swapped), not data,
 * so they throw instead of producing a plausible-looking number.
 */
function checkInput({ a, b, c, d }: KeynessInput): void {
  for (const [name, v] of [['a', a], ['b', b], ['c', c], ['d', d]] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`keyness count ${name} must be a finite number ≥ 0, got ${v}`);
  }
  if (c === 0 || d === 0) throw new RangeError('keyness needs non-empty corpora (c > 0 and d > 0)');
  if (a > c || b > d) throw new RangeError(`a term cannot occur more often than its corpus has tokens (a=${a}, c=${c}, b=${b}, d=${d})`);
}

/** +1 when the term is relatively more frequent in the target (a/c > b/d), −1 when less, 0 when equal. */
function direction({ a, b, c, d }: KeynessInput): number {
  // a·d vs b·c compares a/c with b/d without dividing, so equal rates compare exactly equal.
  return Math.sign(a * d - b * c);
}

/**
 * Signed log-likelihood G² (Rayson & Garside 2000, "Comparing corpora using frequency profiling"):
 *   N = c + d, E1 = c(a+b)/N, E2 = d(a+b)/N, G² = 2·[a·ln(a/E1) + b·ln(b/E2)],
 * a zero count contributing 0. This is the two-cell form of the UCREL calculator, not Dunning's
 * four-cell G² of the whole 2×2 table (see association.ts `ll2x2`); the two agree closely when
 * a ≪ c and b ≪ d, the usual case for words (a=10, b=5, c=1e5, d=2e5: 6.9315 against 6.9318). Signed negative when a/c < b/d, so one
 * column ranks overused terms at the top and underused ones at the bottom.
 */
export function logLikelihood(x: KeynessInput): number {
  checkInput(x);
  const { a, b, c, d } = x;
  const n = c + d;
  const e1 = (c * (a + b)) / n;
  const e2 = (d * (a + b)) / n;
  // G² ≥ 0 in exact arithmetic; rounding can leave −1e-16 when a/c = b/d.
  const g2 = Math.max(0, 2 * (xlogx(a, e1) + xlogx(b, e2)));
  return direction(x) * g2;
}

/**
 * Signed Pearson χ² of the 2×2 table [[a, c−a], [b, d−b]] without Yates' correction, in the usual
 * closed form for a 2×2 table: χ² = N·(a(d−b) − b(c−a))² / (c·d·(a+b)·(N−a−b)) = N·(ad − bc)² / (…),
 * whose numerator stays exact on integer counts. A table with an empty column (term absent from both
 * corpora, or making up both corpora) carries no evidence of a difference: 0. Signed like `logLikelihood`.
 */
export function chiSquare(x: KeynessInput): number {
  checkInput(x);
  const { a, b, c, d } = x;
  const n = c + d;
  const denominator = c * d * (a + b) * (n - a - b);
  if (denominator === 0) return 0;
  return direction(x) * ((n * (a * d - b * c) ** 2) / denominator);
}

const ERFCC_COEFFICIENTS = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277,
] as const;

/**
 * Complementary error function for z ≥ 0 (the only half pValueChi1 needs), Chebyshev fit `erfcc` of
 * Numerical Recipes in C (Press et al. 1992, 2nd ed., §6.2): fractional error below 1.2e-7
 * everywhere, including the far tail where 1 − erf(z) would cancel to 0.
 */
function erfc(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  // Horner's rule for c0 + t·(c1 + t·(c2 + … + t·c9)).
  const poly = ERFCC_COEFFICIENTS.reduceRight((acc, coefficient) => coefficient + t * acc, 0);
  return t * Math.exp(-z * z + poly);
}

/**
 * Upper-tail p of χ² with 1 degree of freedom: P(X > s) = erfc(√(s/2)), because X = Z² for a standard
 * normal Z. Uses |stat| so that the signed G² and χ² above can be passed as they are.
 * Critical values: 3.84 → 0.05, 6.63 → 0.01, 10.83 → 0.001, 15.13 → 0.0001.
 */
export function pValueChi1(stat: number): number {
  return erfc(Math.sqrt(Math.abs(stat) / 2));
}

/**
 * Log Ratio (Hardie 2014, "Log Ratio — an informal introduction", CASS blog): log2((a/c)/(b/d)),
 * the binary log of the ratio of relative frequencies; each unit doubles the ratio. A zero count
 * is replaced by 0.5 so that terms found in only one corpus get a finite value. A term absent from
 * both corpora has no ratio at all: NaN.
 */
export function logRatio(x: KeynessInput): number {
  checkInput(x);
  const { a, b, c, d } = x;
  if (a === 0 && b === 0) return NaN;
  return Math.log2((a === 0 ? 0.5 : a) / c / ((b === 0 ? 0.5 : b) / d));
}

/** Normalised frequency per million tokens, the unit in which %DIFF is defined. */
function perMillion(freq: number, total: number): number {
  return (freq / total) * 1_000_000;
}

/**
 * Normalised frequency that stands in for 0 in the reference, following Gabrielatos (2018,
 * "Keyness analysis: nature, metrics and techniques", after Gabrielatos & Marchi 2012): 1E-18.
 */
export const PCT_DIFF_ZERO_NF = 1e-18;

/**
 * %DIFF (Gabrielatos & Marchi 2012, "Keyness: appropriate metrics and practical issues"):
 *   (NF_t − NF_r)·100 / NF_r, NF = frequency per million tokens.
 * The normalisation cancels, but the per-million form is kept so that the zero substitute below
 * means what the paper means. When b = 0 the ratio is undefined; we follow the paper and use
 * NF_r = PCT_DIFF_ZERO_NF (1E-18) rather than returning Infinity: the value stays a finite number
 * for every output format, lands far above any term found in the reference, and, unlike Infinity,
 * still ranks the reference-absent terms among themselves by target frequency (%DIFF ≈ NF_t·1e20).
 * Its size means nothing, so a caller that wants to say "absent from reference" tests b === 0.
 * A term absent from both corpora has no difference to measure: NaN.
 */
export function percentDiff(x: KeynessInput): number {
  checkInput(x);
  const { a, b, c, d } = x;
  if (a === 0 && b === 0) return NaN;
  const nfTarget = perMillion(a, c);
  const nfReference = b === 0 ? PCT_DIFF_ZERO_NF : perMillion(b, d);
  return ((nfTarget - nfReference) * 100) / nfReference;
}

/** All keyness measures for one term; p is that of G² (`ll`), the significance shown beside it. */
export function keynessRow(x: KeynessInput): KeynessRow {
  const ll = logLikelihood(x);
  return { ll, p: pValueChi1(ll), chi2: chiSquare(x), log_ratio: logRatio(x), pct_diff: percentDiff(x) };
}
