import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collocatesTable, countCollocates, positionColumns } from '../src/analysis/collocates.js';
import { tifa } from './cli.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

const count = (text: string, left: number, right: number, extra: object = {}) =>
  countCollocates([fakeDoc('d', {}, text)], spaceSegmenter, { node: 'a', left, right, ...extra });

describe('collocates per occurrence of the node', () => {
  it('names span positions farthest left first', () => {
    expect(positionColumns(3, 2)).toEqual(['L3', 'L2', 'L1', 'R1', 'R2']);
    expect(positionColumns(0, 1)).toEqual(['R1']);
  });

  it('counts each collocate once per span position of each occurrence', () => {
    // a b c a d, span 1 + 1: a@0 sees b (R1); a@3 sees c (L1) and d (R1). span = 1 + 2 = 3 positions.
    const table = collocatesTable(count('a b c a d', 1, 1));
    expect(table.columns).toEqual(['collocate', 'both', 'L1', 'R1', 'n1', 'n2', 'span', 'units', 'mi', 'tscore', 'logdice', 'jaccard', 'll']);
    expect(table.rows.map((r) => [r.collocate, r.both, r.L1, r.R1, r.n1, r.n2, r.span, r.units])).toEqual([
      ['b', 1, 0, 1, 2, 1, 3, 5],
      ['c', 1, 1, 0, 2, 1, 3, 5],
      ['d', 1, 0, 1, 2, 1, 3, 5],
    ]);
    // E = R1·C1/N = 3·1/5; MI = log2(O/E).
    expect(table.rows[0].mi).toBeCloseTo(Math.log2(1 / (3 / 5)), 12);
  });

  it('counts a word in the spans of two occurrences twice, once per occurrence', () => {
    // a b a, span 2 + 2: a@0 sees b at R1, a@2 sees b at L1 (the node is never its own collocate).
    const table = collocatesTable(count('a b a', 2, 2));
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toMatchObject({ collocate: 'b', both: 2, L2: 0, L1: 1, R1: 1, R2: 0, n1: 2, n2: 1, span: 4, units: 3 });
    // O = 2 > C1 = 1: no 2×2 table has these margins, so no measure is made up.
    expect(table.rows[0].mi).toBeNull();
  });

  it('spans are asymmetric; a filtered word keeps its position', () => {
    const stopwords = new Set(['的']);
    expect(collocatesTable(count('x a 的 b', 0, 1, { filter: { stopwords } })).rows).toEqual([]);
    const right2 = collocatesTable(count('x a 的 b', 0, 2, { filter: { stopwords } }));
    expect(right2.rows.map((r) => [r.collocate, r.R1, r.R2])).toEqual([['b', 0, 1]]);
  });

  it('puts groups side by side and is empty for a node that never occurs', () => {
    const docs = [fakeDoc('x', { city: 'X' }, 'a b a b'), fakeDoc('y', { city: 'Y' }, 'a c')];
    const table = collocatesTable(countCollocates(docs, spaceSegmenter, { node: 'a', left: 1, right: 1, field: 'city' }), { measure: 't' });
    expect(table.columns).toEqual(['rank', 'X', 'X_tscore', 'Y', 'Y_tscore']);
    // X: a b a b — b is counted at a@0 R1, a@2 L1 and R1: both 3 > its 2 tokens, so X has no t; Y: a c, t = (1 − 1·1/2)/1.
    expect(table.rows).toEqual([{ rank: 1, X: 'b', X_tscore: null, Y: 'c', Y_tscore: 0.5 }]);
    expect(collocatesTable(count('b c d', 2, 2)).rows).toEqual([]);
  });

  it('never counts more than n1 × (L + R), and the positions add up to both', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', '的'), { maxLength: 40 }), fc.nat(4), fc.nat(4), (words, left, right) => {
        const counts = count(words.join(' '), left, right, { filter: { stopwords: new Set(['的']) } });
        const table = collocatesTable(counts);
        const n1 = words.filter((w) => w === 'a').length;
        expect(counts.span[0] ?? 0).toBeLessThanOrEqual(n1 * (left + right));
        for (const row of table.rows) {
          expect(row.both as number).toBeLessThanOrEqual(n1 * (left + right));
          const atPositions = positionColumns(left, right).reduce((s, p) => s + (row[p] as number), 0);
          expect(atPositions).toBe(row.both);
        }
      }),
    );
  });
});

describe('tifa collocates (CLI)', () => {
  it('--left 0 --right 1: the words right after 枫桥经验 in the bundled corpus, each once per use', () => {
    const run = tifa(['collocates', '枫桥经验', '--left', '0', '--right', '1', '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split(/\r?\n/).map((l) => l.split(','));
    expect(rows[0].slice(0, 7)).toEqual(['collocate', 'both', 'R1', 'n1', 'n2', 'span', 'units']);
    expect(rows.slice(1).map((r) => r.slice(0, 3).join(' ')).sort()).toEqual(['扎实 1 1', '持续 1 1', '推动 1 1'].sort());
  });

  it('refuses a negative span with one line and exit 2', () => {
    const run = tifa(['collocates', '枫桥经验', '--left', '-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tifa: .*--left.*expected a whole number ≥ 0/);
  });
});
