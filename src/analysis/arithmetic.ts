/** Rates are per this many tokens (or characters): per 10,000, the unit of every rate column. */
export const RATE_BASE = 10000;

export function sum(xs: readonly number[]): number {
  return xs.reduce((acc, x) => acc + x, 0);
}

/** x·ln(x/e) with the convention 0·ln 0 = 0, which is the limit as x → 0 (the terms of G²). */
export function xlogx(x: number, e: number): number {
  return x === 0 ? 0 : x * Math.log(x / e);
}
