import { describe, expect, it } from 'vitest';
import { countCooccurrence } from '../src/analysis/cooccurrence.js';
import { cooccurrenceTable } from '../src/analysis/coocTables.js';
import { PairBudget, PairCounts } from '../src/analysis/pairCounts.js';
import { boxTable } from '../src/format/boxTable.js';
import { UsageError } from '../src/errors.js';
import { tifa } from './cli.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

describe('pair counts', () => {
  it('count the same in the dense array and in the sparse table, read like a Map', () => {
    // 3000 terms: 9·10⁶ cells, past the dense bound, so the table is sparse.
    for (const size of [10, 3000]) {
      const pairs = new PairCounts(size);
      const keys = [1 * size + 2, 1 * size + 2, 0 * size + 9, 7 * size + 8, 1 * size + 2];
      for (const key of keys) pairs.add(key);
      expect(pairs.get(1 * size + 2)).toBe(3);
      expect(pairs.get(0 * size + 9)).toBe(1);
      expect(pairs.get(3 * size + 4)).toBeUndefined();
      expect(pairs.size).toBe(3);
      expect([...pairs].sort((x, y) => x[0] - y[0])).toEqual([
        [9, 1],
        [size + 2, 3],
        [7 * size + 8, 1],
      ]);
    }
  });

  it('keep their counts as the sparse table grows past its first size', () => {
    const pairs = new PairCounts(100_000);
    // 200,000 distinct keys (the table starts at 65,536 slots) and every tenth twice.
    for (let k = 0; k < 200_000; k++) pairs.add(k * 7919);
    for (let k = 0; k < 200_000; k += 10) pairs.add(k * 7919);
    expect(pairs.size).toBe(200_000);
    expect(pairs.get(10 * 7919)).toBe(2);
    expect(pairs.get(11 * 7919)).toBe(1);
  });

  it('stop with one line when the pairs would pass the budget', () => {
    // One sentence of 2,100 distinct words: 2,203,950 pairs, sparse, far past a budget of 1 MB.
    const words = Array.from({ length: 2100 }, (_, i) => `w${i}`).join(' ');
    const request = { unit: { kind: 'sentence', window: 5 }, terms: { kind: 'words' }, top: 100_000, pairBudget: 1024 * 1024 } as const;
    const run = () => countCooccurrence([fakeDoc('d', {}, words)], spaceSegmenter, request);
    expect(run).toThrow(UsageError);
    expect(run).toThrow(/^counting these pairs would need about \d+ GB; raise --min or use --top$/);
    // The budget counts what the tables take: one of 65,536 slots is 786,432 bytes.
    const budget = new PairBudget(1_000_000);
    new PairCounts(3000, 1, budget);
    expect(budget.used).toBe(65_536 * 12);
  });

  it('give the table of hand-countable units whatever the store', () => {
    // Sentences {a b} {a b c}: a–b 2, a–c 1, b–c 1.
    const counts = countCooccurrence([fakeDoc('d', {}, 'a b 。 a b c')], spaceSegmenter, { unit: { kind: 'sentence', window: 5 }, terms: { kind: 'words' } });
    expect(cooccurrenceTable(counts).rows.map((r) => [r.term1, r.term2, r.both])).toEqual([
      ['a', 'b', 2],
      ['a', 'c', 1],
      ['b', 'c', 1],
    ]);
  });
});

describe('box tables', () => {
  it('pad by terminal width (wide characters two columns), align right where asked, and draw multi-line cells', () => {
    expect(boxTable([['a', 'bb'], ['x\ny', '1'], ['中文', '22']], [false, true])).toBe(
      ['┌──────┬────┐', '│ a    │ bb │', '├──────┼────┤', '│ x    │  1 │', '│ y    │    │', '├──────┼────┤', '│ 中文 │ 22 │', '└──────┴────┘'].join('\n'),
    );
    expect(boxTable([['a']], [false])).toBe('┌───┐\n│ a │\n└───┘');
  });
});

describe('tifa cooc over the whole vocabulary', () => {
  it('writes its rows page by page: json, tsv and md hold the same rows, more than one page of them', () => {
    const args = ['cooc', '--top', '100000'];
    const json = JSON.parse(tifa([...args, '--format', 'json']).stdout) as Array<Record<string, unknown>>;
    const tsv = tifa([...args, '--format', 'tsv']).stdout.trimEnd().split('\n');
    const md = tifa([...args, '--format', 'md']).stdout.trimEnd().split('\n');
    expect(json.length).toBeGreaterThan(8192);
    expect(tsv.length - 1).toBe(json.length);
    expect(md.length - 2).toBe(json.length);
    const last = json[json.length - 1];
    expect(tsv[tsv.length - 1].split('\t').slice(0, 3)).toEqual([last.term1, last.term2, String(last.both)]);
  });
});
