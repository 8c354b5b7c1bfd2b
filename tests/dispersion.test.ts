import { describe, it, expect } from 'vitest';
import { equalParts, griesDP, juillandD } from '../src/analysis/dispersion.js';

// Expected values worked out by hand; the arithmetic is in the comments.

describe("Gries' DP", () => {
  // Gries (2008: 415)'s example corpus: five parts of 9, 10, 10, 10, 11 tokens (50 in all),
  // in which the element a occurs 1, 2, 3, 4, 5 times (15 in all); the paper reports DP = 0.18.
  const sizes = [9, 10, 10, 10, 11];

  it("reproduces Gries 2008's example", () => {
    // v = 1/15, 2/15, 3/15, 4/15, 5/15 = .0667, .1333, .2, .2667, .3333; s = .18, .2, .2, .2, .22
    // ½·(.1133 + .0667 + 0 + .0667 + .1133) = ½·0.36 = 0.18
    expect(griesDP([1, 2, 3, 4, 5], sizes)).toBeCloseTo(0.18, 12);
  });


  it('DP is 0 only when occurrences follow the part sizes, not when they are equal', () => {
    // 2 in each part: v = .2 each; ½·(|.2 − .18| + 0 + 0 + 0 + |.2 − .22|) = ½·0.04 = 0.02
    expect(griesDP([2, 2, 2, 2, 2], sizes)).toBeCloseTo(0.02, 12);
    // proportional to the sizes: v = s, DP = 0
    expect(griesDP([9, 10, 10, 10, 11], sizes)).toBeCloseTo(0, 12);
  });

  it('all occurrences in one of n equal parts: DP = 1 − 1/n', () => {
    // v = 0, 0, 0, 0, 1; s = .2 each: ½·(4·.2 + .8) = 0.8
    expect(griesDP([0, 0, 0, 0, 3], [10, 10, 10, 10, 10])).toBeCloseTo(0.8, 12);
  });


  it('is NaN for a term that does not occur, 0 for a single part', () => {
    expect(griesDP([0, 0, 0], [5, 5, 5])).toBeNaN();
    // one part: v = s = 1, DP = 0
    expect(griesDP([4], [10])).toBe(0);
  });

  it('rejects mismatched or impossible parts', () => {
    expect(() => griesDP([1, 2], [10, 10, 10])).toThrow(RangeError);
    expect(() => griesDP([], [])).toThrow(RangeError);
    // sizes and frequencies swapped: a part cannot hold 10 occurrences in 1 token
    expect(() => griesDP([10, 10], [1, 2])).toThrow(RangeError);
    expect(() => griesDP([0, 0], [0, 0])).toThrow(RangeError);
    expect(() => griesDP([1, -1], [5, 5])).toThrow(RangeError);
  });
});

describe("Juilland's D", () => {
  it('uses the population standard deviation', () => {
    // 1, 2, 3, 4, 5: mean 3, variance (4 + 1 + 0 + 1 + 4)/5 = 2, sd = 1.414214, V = 0.471405
    // D = 1 − 0.471405/√4 = 1 − 0.235702 = 0.764298 (the sample sd, dividing by 4, would give 0.736477)
    expect(juillandD([1, 2, 3, 4, 5])).toBeCloseTo(0.764298, 6);
  });

  it('runs from 0 (one part) to 1 (all parts equal)', () => {
    expect(juillandD([2, 2, 2, 2])).toBeCloseTo(1, 12);
    // 0, 0, 0, 5: mean 1.25, variance (3·1.5625 + 14.0625)/4 = 4.6875, sd = 2.165064,
    // V = 2.165064/1.25 = 1.732051 = √3; D = 1 − √3/√3 = 0
    expect(juillandD([0, 0, 0, 5])).toBeCloseTo(0, 12);
  });

  it('is NaN for fewer than two parts or a term that does not occur', () => {
    expect(juillandD([7])).toBeNaN();
    expect(juillandD([])).toBeNaN();
    expect(juillandD([0, 0, 0])).toBeNaN();
  });

  it('rejects negative frequencies', () => {
    expect(() => juillandD([1, -1])).toThrow(RangeError);
  });
});

describe('equalParts', () => {
  it('counts occurrences per part of equal size', () => {
    // 10 tokens in 5 parts of 2: tokens 0–1 | 2–3 | 4–5 | 6–7 | 8–9
    expect(equalParts([0, 1, 2, 5, 9], 10, 5)).toEqual([2, 1, 1, 0, 1]);
  });

  it('spreads a remainder so that parts differ by at most one token', () => {
    // 10 tokens in 3 parts: part ⌊i·3/10⌋ gives tokens 0–3 | 4–6 | 7–9 (4, 3, 3 tokens)
    expect(equalParts([3, 4, 6, 7], 10, 3)).toEqual([1, 2, 1]);
    const sizes = equalParts([...Array(10).keys()], 10, 3);
    expect(sizes).toEqual([4, 3, 3]);
  });

  it('handles no occurrences and ignores order', () => {
    expect(equalParts([], 10, 4)).toEqual([0, 0, 0, 0]);
    expect(equalParts([9, 0], 10, 2)).toEqual([1, 1]);
  });

  it('rejects positions outside the text and bad part counts', () => {
    expect(() => equalParts([10], 10, 2)).toThrow(RangeError);
    expect(() => equalParts([-1], 10, 2)).toThrow(RangeError);
    expect(() => equalParts([1.5], 10, 2)).toThrow(RangeError);
    expect(() => equalParts([1], 10, 0)).toThrow(RangeError);
    expect(() => equalParts([1], 10, 2.5)).toThrow(RangeError);
  });
});

describe('a tiny Chinese text end to end', () => {
  // "坚持 人民 至上 坚持 系统 观念 坚持 人民 立场 平安", segmented: 10 tokens
  const tokens = ['坚持', '人民', '至上', '坚持', '系统', '观念', '坚持', '人民', '立场', '平安'];
  const positions = tokens.flatMap((t, i) => (t === '坚持' ? [i] : []));

  it('finds 坚持 at tokens 0, 3, 6 and counts it per fifth of the text', () => {
    expect(positions).toEqual([0, 3, 6]);
    // parts of 2 tokens: 0 → part 0, 3 → part 1, 6 → part 3
    expect(equalParts(positions, tokens.length, 5)).toEqual([1, 1, 0, 1, 0]);
  });

  it("Juilland's D and DP agree that the spread is middling", () => {
    const parts = equalParts(positions, tokens.length, 5);
    // mean 0.6, variance (3·0.16 + 2·0.36)/5 = 0.24, sd = 0.489898, V = 0.816497
    // D = 1 − 0.816497/√4 = 0.591752
    expect(juillandD(parts)).toBeCloseTo(0.591752, 6);
    // v = 1/3, 1/3, 0, 1/3, 0; s = 0.2 each: ½·(3·0.133333 + 2·0.2) = ½·0.8 = 0.4
    expect(griesDP(parts, [2, 2, 2, 2, 2])).toBeCloseTo(0.4, 12);
  });
});
