import { describe, it, expect } from 'vitest';
import { associationRow, jaccard, ll2x2, logDice, mi, tScore } from '../src/analysis/association.js';

// Expected values worked out by hand (arithmetic in the comments, logs to 7 digits); scipy's
// chi2_contingency(correction=False, lambda_="log-likelihood") agrees with every G² shown.

describe('association on O = 10, f1 = 20, f2 = 30, N = 100 (attraction)', () => {
  // E = 20·30/100 = 6
  it('MI', () => {
    // log2(10·100/(20·30)) = log2(1.666667) = 0.736966
    expect(mi(10, 20, 30, 100)).toBeCloseTo(0.736966, 6);
  });

  it('t-score', () => {
    // (10 − 6)/√10 = 4/3.162278 = 1.264911
    expect(tScore(10, 20, 30, 100)).toBeCloseTo(1.264911, 6);
  });

  it('log-Dice (Rychlý 2008)', () => {
    // 14 + log2(2·10/(20 + 30)) = 14 + log2(0.4) = 14 − 1.321928 = 12.678072
    expect(logDice(10, 20, 30, 100)).toBeCloseTo(12.678072, 6);
  });

  it('Jaccard', () => {
    // 10/(20 + 30 − 10) = 10/40 = 0.25
    expect(jaccard(10, 20, 30, 100)).toBeCloseTo(0.25, 12);
  });

  it('G² of the 2×2 table (Dunning 1993)', () => {
    // table [[10, 10], [20, 60]], E = [[20·30, 20·70], [80·30, 80·70]]/100 = [[6, 14], [24, 56]]
    // G² = 2[10·ln(10/6) + 10·ln(10/14) + 20·ln(20/24) + 60·ln(60/56)]
    //    = 2[5.1082562 − 3.3647224 − 3.6464311 + 4.1395723] = 2·2.2366750 = 4.473350; + since O > E
    expect(ll2x2(10, 20, 30, 100)).toBeCloseTo(4.47335, 5);
  });

  it('associationRow gathers them', () => {
    const row = associationRow(10, 20, 30, 100);
    expect(Object.keys(row)).toEqual(['mi', 'tscore', 'logdice', 'jaccard', 'll']);
    expect(row.mi).toBeCloseTo(0.736966, 6);
    expect(row.tscore).toBeCloseTo(1.264911, 6);
    expect(row.logdice).toBeCloseTo(12.678072, 6);
    expect(row.jaccard).toBeCloseTo(0.25, 12);
    expect(row.ll).toBeCloseTo(4.47335, 5);
  });
});

describe('sign conventions', () => {
  it('O < E (repulsion): MI, t and G² are negative', () => {
    // O = 1, E = 6
    const row = associationRow(1, 20, 30, 100);
    // log2(1·100/600) = log2(1/6) = −2.584963
    expect(row.mi).toBeCloseTo(-2.584963, 6);
    // (1 − 6)/√1 = −5
    expect(row.tscore).toBeCloseTo(-5, 12);
    // 14 + log2(2/50) = 14 + log2(0.04) = 14 − 4.643856 = 9.356144 (log-Dice has no sign: it ignores N and E)
    expect(row.logdice).toBeCloseTo(9.356144, 6);
    // 1/(20 + 30 − 1) = 1/49 = 0.020408
    expect(row.jaccard).toBeCloseTo(0.020408, 6);
    // table [[1, 19], [29, 51]], E = [[6, 14], [24, 56]]
    // G² = 2[ln(1/6) + 19·ln(19/14) + 29·ln(29/24) + 51·ln(51/56)]
    //    = 2[−1.7917595 + 5.8022513 + 5.4880180 − 4.7698290] = 2·4.7286808 = 9.457362, signed −
    expect(row.ll).toBeCloseTo(-9.457362, 5);
  });

  it('O = E (independence): MI, t and G² are 0', () => {
    // O = 6 = 20·30/100
    const row = associationRow(6, 20, 30, 100);
    expect(row.mi).toBeCloseTo(0, 12);
    expect(row.tscore).toBeCloseTo(0, 12);
    expect(row.ll).toBe(0);
  });

  it('x and y always together: log-Dice reaches its maximum 14, Jaccard 1', () => {
    const row = associationRow(5, 5, 5, 100);
    // E = 25/100 = 0.25; MI = log2(5·100/25) = log2(20) = 4.321928
    expect(row.mi).toBeCloseTo(4.321928, 6);
    // (5 − 0.25)/√5 = 4.75/2.236068 = 2.124265
    expect(row.tscore).toBeCloseTo(2.124265, 6);
    // 14 + log2(10/10) = 14
    expect(row.logdice).toBeCloseTo(14, 12);
    expect(row.jaccard).toBeCloseTo(1, 12);
    // table [[5, 0], [0, 95]], E11 = 0.25, E22 = 95·95/100 = 90.25, empty cells contribute 0
    // G² = 2[5·ln 20 + 95·ln(95/90.25)] = 2[14.9786614 + 4.8728630] = 2·19.8515244 = 39.703049
    expect(row.ll).toBeCloseTo(39.703049, 5);
  });

  it('four-cell G² is symmetric where the two-cell keyness G² is not', () => {
    // quanteda's documents as units = tokens: target "b b b b b b b a a a", reference "a a a a b".
    // For b: O = 7 (b in target), f1 = 10 (target), f2 = 8 (b), N = 15: table [[7, 3], [1, 4]],
    // E = [[10·8, 10·7], [5·8, 5·7]]/15 = [[5.333333, 4.666667], [2.666667, 2.333333]]
    // G² = 2[7·ln(1.3125) + 3·ln(0.6428571) + 1·ln(0.375) + 4·ln(1.7142857)]
    //    = 2[1.9035360 − 1.3254983 − 0.9808293 + 2.1559860] = 2·1.7531944 = 3.506389
    expect(ll2x2(7, 10, 8, 15)).toBeCloseTo(3.506389, 5);
    // For a: table [[3, 7], [4, 1]], the same cells, O = 3 < E = 10·7/15 = 4.666667
    expect(ll2x2(3, 10, 7, 15)).toBeCloseTo(-3.506389, 5);
  });
});

describe('O = 0 (x and y never share a unit)', () => {
  const row = associationRow(0, 20, 30, 100);

  it('MI and log-Dice are −Infinity, the limit of log2(0)', () => {
    expect(row.mi).toBe(-Infinity);
    expect(row.logdice).toBe(-Infinity);
  });

  it('t-score divides by √max(O, 1) = 1: t = −E', () => {
    // (0 − 6)/1 = −6
    expect(row.tscore).toBeCloseTo(-6, 12);
  });

  it('Jaccard is 0, also when neither term occurs', () => {
    expect(row.jaccard).toBe(0);
    expect(jaccard(0, 0, 0, 10)).toBe(0);
  });

  it('G² is finite and negative', () => {
    // table [[0, 20], [30, 50]], E = [[6, 14], [24, 56]]
    // G² = 2[0 + 20·ln(20/14) + 30·ln(30/24) + 50·ln(50/56)] = 2[7.1334989 + 6.6943065 − 5.6664343] = 2·8.1613711 = 16.322742
    expect(row.ll).toBeCloseTo(-16.322742, 5);
  });
});

describe('tiny Chinese sentences as units', () => {
  // Five sentences, already segmented; x = 坚持, y = 人民.
  const sentences = [
    ['坚持', '人民', '至上'],
    ['坚持', '系统', '观念'],
    ['人民', '群众', '满意'],
    ['坚持', '人民', '立场'],
    ['平安', '建设'],
  ];
  const has = (word: string) => sentences.map((s) => s.includes(word));
  const withX = has('坚持');
  const withY = has('人民');
  const o = withX.filter((hasX, i) => hasX && withY[i]).length;
  const f1 = withX.filter(Boolean).length;
  const f2 = withY.filter(Boolean).length;

  it('counts units, not tokens', () => {
    // both: sentences 1 and 4; 坚持: 1, 2, 4; 人民: 1, 3, 4
    expect([o, f1, f2, sentences.length]).toEqual([2, 3, 3, 5]);
  });

  it('measures', () => {
    const row = associationRow(o, f1, f2, sentences.length);
    // E = 3·3/5 = 1.8; MI = log2(2·5/9) = log2(1.111111) = 0.152003
    expect(row.mi).toBeCloseTo(0.152003, 6);
    // (2 − 1.8)/√2 = 0.141421
    expect(row.tscore).toBeCloseTo(0.141421, 6);
    // 14 + log2(4/6) = 14 − 0.584963 = 13.415037
    expect(row.logdice).toBeCloseTo(13.415037, 6);
    // 2/(3 + 3 − 2) = 0.5
    expect(row.jaccard).toBeCloseTo(0.5, 12);
    // table [[2, 1], [1, 1]], E = [[1.8, 1.2], [1.2, 0.8]]
    // G² = 2[2·ln(2/1.8) + 2·ln(1/1.2) + ln(1/0.8)] = 2[0.2107210 − 0.3646431 + 0.2231436] = 2·0.0692215 = 0.138443
    expect(row.ll).toBeCloseTo(0.138443, 5);
  });
});

describe('input checks', () => {
  it('rejects counts no set of units can produce', () => {
    // more co-occurrences than units with x
    expect(() => mi(21, 20, 30, 100)).toThrow(RangeError);
    // more units with x or y than units
    expect(() => tScore(0, 60, 50, 100)).toThrow(RangeError);
    expect(() => logDice(1, 1, 1, 0)).toThrow(RangeError);
    expect(() => ll2x2(-1, 20, 30, 100)).toThrow(RangeError);
    expect(() => associationRow(1, 20, NaN, 100)).toThrow(RangeError);
  });
});
