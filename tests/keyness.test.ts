import { describe, it, expect } from 'vitest';
import { chiSquare, keynessRow, logLikelihood, logRatio, percentDiff, pValueChi1, PCT_DIFF_ZERO_NF } from '../src/analysis/keyness.js';

// All expected values below were worked out by hand (arithmetic in the comments, logs to 7 digits);
// scipy's chi2_contingency(correction=False) and chi2.sf agree with every χ² and p shown.

describe('keyness on a = 10, b = 5, c = 100, d = 200', () => {
  const x = { a: 10, b: 5, c: 100, d: 200 };

  it('log-likelihood (Rayson & Garside 2000)', () => {
    // N = 300, E1 = 100·15/300 = 5, E2 = 200·15/300 = 10
    // G² = 2[10·ln(10/5) + 5·ln(5/10)] = 2[6.931472 − 3.465736] = 6.931472; + because 10/100 > 5/200
    expect(logLikelihood(x)).toBeCloseTo(6.931472, 6);
  });

  it('chi-square without Yates', () => {
    // table [[10, 90], [5, 195]], E = [[5, 95], [10, 190]]
    // χ² = 25/5 + 25/95 + 25/10 + 25/190 = 5 + 0.263158 + 2.5 + 0.131579 = 7.894737
    // closed form: 300·(10·200 − 5·100)² / (100·200·15·285) = 675 000 000 / 85 500 000 = 7.894737
    expect(chiSquare(x)).toBeCloseTo(7.894737, 6);
  });

  it('log ratio (Hardie 2014)', () => {
    // log2((10/100)/(5/200)) = log2(0.1/0.025) = log2(4) = 2
    expect(logRatio(x)).toBeCloseTo(2, 12);
  });

  it('%DIFF (Gabrielatos & Marchi 2012)', () => {
    // NF_t = 10/100·1e6 = 100 000, NF_r = 5/200·1e6 = 25 000; (100 000 − 25 000)·100/25 000 = 300
    expect(percentDiff(x)).toBeCloseTo(300, 9);
  });

  it('keynessRow gathers them, p from G²', () => {
    // p = erfc(√(6.931472/2)) = erfc(1.861649) = 0.0084692 (scipy chi2.sf(6.931472, 1) = 0.00846920)
    const row = keynessRow(x);
    expect(Object.keys(row)).toEqual(['ll', 'p', 'chi2', 'log_ratio', 'pct_diff']);
    expect(row.ll).toBeCloseTo(6.931472, 6);
    expect(row.p).toBeCloseTo(0.0084692, 6);
    expect(row.chi2).toBeCloseTo(7.894737, 6);
    expect(row.log_ratio).toBeCloseTo(2, 12);
    expect(row.pct_diff).toBeCloseTo(300, 9);
  });
});

describe('sign conventions', () => {
  it('swapping target and reference flips every sign, not the size', () => {
    // a = 5, b = 10, c = 200, d = 100: 5/200 < 10/100, so the term is underused in the target
    const row = keynessRow({ a: 5, b: 10, c: 200, d: 100 });
    expect(row.ll).toBeCloseTo(-6.931472, 6);
    expect(row.chi2).toBeCloseTo(-7.894737, 6);
    expect(row.log_ratio).toBeCloseTo(-2, 12);
    // NF_t = 25 000, NF_r = 100 000: (25 000 − 100 000)·100/100 000 = −75
    expect(row.pct_diff).toBeCloseTo(-75, 9);
    // p depends on |G²| only
    expect(row.p).toBeCloseTo(0.0084692, 6);
  });

  it('equal relative frequencies give 0 everywhere and p = 1', () => {
    // 10/100 = 20/200: E1 = 100·30/300 = 10 = a, E2 = 20 = b, every log is ln 1 = 0
    const row = keynessRow({ a: 10, b: 20, c: 100, d: 200 });
    expect(row.ll).toBe(0);
    expect(row.chi2).toBe(0);
    expect(row.log_ratio).toBeCloseTo(0, 12);
    expect(row.pct_diff).toBeCloseTo(0, 9);
    expect(row.p).toBeCloseTo(1, 6);
  });
});

describe('quanteda-style tiny documents', () => {
  // target "b b b b b b b a a a" (c = 10), reference "a a a a b" (d = 5), N = 15
  it('term b: a = 7, b = 1', () => {
    const row = keynessRow({ a: 7, b: 1, c: 10, d: 5 });
    // E1 = 10·8/15 = 5.333333, E2 = 5·8/15 = 2.666667
    // G² = 2[7·ln(1.3125) + 1·ln(0.375)] = 2[1.9035360 − 0.9808293] = 2·0.9227067 = 1.845413; + as 0.7 > 0.2
    expect(row.ll).toBeCloseTo(1.845413, 5);
    // χ² = 15·(7·5 − 1·10)²/(10·5·8·7) = 15·625/2800 = 3.348214
    expect(row.chi2).toBeCloseTo(3.348214, 6);
    // log2((7/10)/(1/5)) = log2(3.5) = 1.807355
    expect(row.log_ratio).toBeCloseTo(1.807355, 6);
    // NF_t = 700 000, NF_r = 200 000: 500 000·100/200 000 = 250
    expect(row.pct_diff).toBeCloseTo(250, 9);
  });

  it('term a: a = 3, b = 4 (underused in the target)', () => {
    const row = keynessRow({ a: 3, b: 4, c: 10, d: 5 });
    // E1 = 10·7/15 = 4.666667, E2 = 5·7/15 = 2.333333
    // G² = 2[3·ln(0.6428571) + 4·ln(1.7142857)] = 2[−1.3254983 + 2.1559860] = 2·0.8304877 = 1.660975; − as 0.3 < 0.8
    expect(row.ll).toBeCloseTo(-1.660975, 5);
    // χ² = 15·(3·5 − 4·10)²/(10·5·7·8) = 3.348214: the same table as for b with its columns swapped
    expect(row.chi2).toBeCloseTo(-3.348214, 6);
    // log2((3/10)/(4/5)) = log2(0.375) = −1.415037
    expect(row.log_ratio).toBeCloseTo(-1.415037, 6);
    // NF_t = 300 000, NF_r = 800 000: −500 000·100/800 000 = −62.5
    expect(row.pct_diff).toBeCloseTo(-62.5, 9);
  });

  it('the two-cell G² is not symmetric in term and rest, unlike χ²', () => {
    // |1.845413| ≠ |−1.660975| while |χ²| is 3.348214 for both; Dunning's four-cell G² of the same
    // tables is 3.506389 for both (checked in association.test.ts with ll2x2).
    expect(Math.abs(logLikelihood({ a: 7, b: 1, c: 10, d: 5 }))).not.toBeCloseTo(Math.abs(logLikelihood({ a: 3, b: 4, c: 10, d: 5 })), 2);
  });
});

describe('zero counts', () => {
  it('a = 0: only the reference term contributes to G², log ratio uses 0.5', () => {
    const row = keynessRow({ a: 0, b: 5, c: 100, d: 200 });
    // E2 = 200·5/300 = 3.333333; G² = 2[0 + 5·ln(1.5)] = 10·0.4054651 = 4.054651, negative
    expect(row.ll).toBeCloseTo(-4.054651, 6);
    // χ² = 300·(0·200 − 5·100)²/(100·200·5·295) = 75 000 000/29 500 000 = 2.542373
    expect(row.chi2).toBeCloseTo(-2.542373, 6);
    // log2((0.5/100)/(5/200)) = log2(0.2) = −2.321928
    expect(row.log_ratio).toBeCloseTo(-2.321928, 6);
    // (0 − 25 000)·100/25 000 = −100, the floor of %DIFF
    expect(row.pct_diff).toBeCloseTo(-100, 9);
  });

  it('b = 0: log ratio uses 0.5, %DIFF substitutes NF_r = 1E-18 (Gabrielatos 2018)', () => {
    const row = keynessRow({ a: 10, b: 0, c: 100, d: 200 });
    // E1 = 100·10/300 = 3.333333; G² = 2·10·ln 3 = 20·1.0986123 = 21.972246
    expect(row.ll).toBeCloseTo(21.972246, 6);
    // χ² = 300·(10·200)²/(100·200·10·290) = 1 200 000 000/58 000 000 = 20.689655
    expect(row.chi2).toBeCloseTo(20.689655, 6);
    // log2((10/100)/(0.5/200)) = log2(40) = 5.321928
    expect(row.log_ratio).toBeCloseTo(5.321928, 6);
    // (100 000 − 1e-18)·100/1e-18 = 1e25: finite, far above any term found in the reference
    expect(PCT_DIFF_ZERO_NF).toBe(1e-18);
    expect(Number.isFinite(row.pct_diff)).toBe(true);
    expect(row.pct_diff / 1e25).toBeCloseTo(1, 12);
  });

  it('b = 0 terms still rank by their target frequency', () => {
    // 20/100 in the target gives 2e25, twice 10/100's 1e25
    expect(percentDiff({ a: 20, b: 0, c: 100, d: 200 })).toBeGreaterThan(percentDiff({ a: 10, b: 0, c: 100, d: 200 }));
  });

  it('a term absent from both corpora: no evidence (0, p = 1) and no effect size (NaN)', () => {
    const row = keynessRow({ a: 0, b: 0, c: 100, d: 200 });
    expect(row.ll).toBe(0);
    expect(row.chi2).toBe(0);
    expect(row.p).toBeCloseTo(1, 6);
    expect(row.log_ratio).toBeNaN();
    expect(row.pct_diff).toBeNaN();
  });

  it('a term that is the whole of both corpora: χ² is 0, not 0/0', () => {
    // table [[3, 0], [2, 0]] has an empty column
    expect(chiSquare({ a: 3, b: 2, c: 3, d: 2 })).toBe(0);
    expect(logLikelihood({ a: 3, b: 2, c: 3, d: 2 })).toBe(0);
  });
});

describe('pValueChi1', () => {
  it('gives the textbook critical values', () => {
    // exact values: P(χ²₁ > 3.84) = 0.050044, > 6.63 = 0.010028, > 10.83 = 0.00099869, > 15.13 = 0.00010036
    expect(pValueChi1(3.84)).toBeCloseTo(0.05, 3);
    expect(pValueChi1(6.63)).toBeCloseTo(0.01, 4);
    expect(pValueChi1(10.83)).toBeCloseTo(0.001, 5);
    expect(pValueChi1(15.13)).toBeCloseTo(0.0001, 6);
  });

  it('is accurate to 1.2e-7 relative (the Numerical Recipes bound), also in the far tail', () => {
    // Reference p from an independent implementation, Python's math.erfc(√(s/2)) (= scipy chi2.sf(s, 1)):
    // the critical values to 6 decimals, P(χ²₁ > 2) = erfc(1), and P(χ²₁ > 100) = erfc(7.0710678)
    const cases: [number, number][] = [
      [3.841459, 0.04999999465319576],
      [6.634897, 0.009999997760282474],
      [10.827566, 0.0010000000921737467],
      [15.136705, 0.00010000001200343058],
      [2, 0.15729920705028513],
      [100, 1.5239706048320995e-23],
    ];
    for (const [stat, p] of cases) expect(Math.abs(pValueChi1(stat) / p - 1)).toBeLessThan(1.2e-7);
  });

  it('uses |stat|, is 1 at 0 and 0 at infinity, NaN for NaN', () => {
    expect(pValueChi1(-3.841459)).toBeCloseTo(pValueChi1(3.841459), 12);
    expect(pValueChi1(0)).toBeCloseTo(1, 6);
    expect(pValueChi1(Infinity)).toBe(0);
    expect(pValueChi1(NaN)).toBeNaN();
  });
});

describe('input checks', () => {
  it('rejects counts no corpus can produce', () => {
    expect(() => logLikelihood({ a: 11, b: 0, c: 10, d: 5 })).toThrow(RangeError);
    expect(() => chiSquare({ a: 1, b: 1, c: 0, d: 5 })).toThrow(RangeError);
    expect(() => logRatio({ a: -1, b: 1, c: 10, d: 5 })).toThrow(RangeError);
    expect(() => percentDiff({ a: NaN, b: 1, c: 10, d: 5 })).toThrow(RangeError);
  });
});
