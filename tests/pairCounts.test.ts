import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { countCooccurrence, type CoocRequest } from '../src/analysis/cooccurrence.js';
import { cooccurrenceMatrix, cooccurrenceTable, coocNetwork } from '../src/analysis/coocTables.js';
import { PairBudget, PairCounts } from '../src/analysis/pairCounts.js';
import { boxTable, cellWidth } from '../src/format/boxTable.js';
import { UsageError } from '../src/errors.js';
import { tifa } from './cli.js';
import { cliMessageOf, fakeDoc, spaceSegmenter } from './helpers.js';

/** A table's pairs as [key, units], by key. */
function entries(pairs: PairCounts): Array<[number, number]> {
  const all: Array<[number, number]> = [];
  pairs.forEach((key, both) => all.push([key, both]));
  return all.sort((x, y) => x[0] - y[0]);
}

describe('pair counts', () => {
  it('count the same in the dense array and in the sparse table', () => {
    // 3000 terms: 9·10⁶ cells, past the dense bound, so the table is sparse.
    for (const size of [10, 3000]) {
      const pairs = new PairCounts(size);
      const keys = [1 * size + 2, 1 * size + 2, 0 * size + 9, 7 * size + 8, 1 * size + 2];
      for (const key of keys) pairs.add(key);
      expect(pairs.get(1 * size + 2)).toBe(3);
      expect(pairs.get(0 * size + 9)).toBe(1);
      expect(pairs.get(3 * size + 4)).toBeUndefined();
      expect(entries(pairs)).toEqual([
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
    expect(entries(pairs).length).toBe(200_000);
    expect(pairs.get(10 * 7919)).toBe(2);
    expect(pairs.get(11 * 7919)).toBe(1);
  });

  it('past the budget, spill to sorted runs and read back every pair once, summed over the runs', () => {
    // A budget of 1 KB: tables of 16 slots, written out every 8 distinct pairs.
    const budget = new PairBudget(1024);
    const pairs = new PairCounts(100_000, 1, budget);
    for (let k = 0; k < 1000; k++) pairs.add((k % 300) * 7919);
    expect(pairs.spilled).toBe(true);
    expect(budget.used).toBeLessThanOrEqual(1024);
    const read = entries(pairs);
    expect(read.length).toBe(300);
    // 1000 adds over 300 keys: keys 0–99 four times, the rest three.
    expect(read.slice(0, 2)).toEqual([
      [0, 4],
      [7919, 4],
    ]);
    expect(read[299]).toEqual([299 * 7919, 3]);
    expect(read.reduce((sum, [, both]) => sum + both, 0)).toBe(1000);
    // Read once: a second reading would see nothing, so it is refused rather than answered empty.
    expect(() => pairs.forEach(() => {})).toThrow();
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

describe('a count past its memory budget', () => {
  // 2,100 word types, in sentences of four of 40 common words and eight rare ones: sparse tables, and some
  // 20,000 distinct pairs in 400 sentences.
  const vocabulary = Array.from({ length: 2100 }, (_, i) => `w${i}`);
  const sentence = (s: number) => Array.from({ length: 12 }, (_, k) => vocabulary[k < 4 ? (s * 7 + k * 11) % 40 : 40 + ((s * 8 + k) % 2060)]).join(' ');
  const docs = [
    fakeDoc('x', { city: 'X' }, Array.from({ length: 200 }, (_, s) => sentence(s)).join(' 。 ')),
    fakeDoc('y', { city: 'Y' }, Array.from({ length: 200 }, (_, s) => sentence(s + 200)).join(' 。 ')),
  ];
  const request = (extra: Partial<CoocRequest>): CoocRequest => ({ unit: { kind: 'sentence', window: 5 }, terms: { kind: 'words' }, top: 5000, ...extra });

  it('gives the same rows, in the same order, with every pair table and ranking spilled to runs', () => {
    for (const extra of [{}, { field: 'city' }, { min: 2 }, { measure: 'mi' }] as const) {
      const { measure, ...rest } = { measure: undefined, ...extra };
      const inMemory = countCooccurrence(docs, spaceSegmenter, request(rest));
      const spilled = countCooccurrence(docs, spaceSegmenter, request({ ...rest, pairBudget: 2048 }));
      expect(spilled.pairs.every((p) => p.spilled)).toBe(true);
      expect(inMemory.pairs.some((p) => p.spilled)).toBe(false);
      const rows = cooccurrenceTable(inMemory, { measure }).rows;
      expect(rows.length).toBeGreaterThan(1000);
      expect(cooccurrenceTable(spilled, { measure }).rows).toEqual(rows);
    }
  });

  it('pools spilled groups into the same network', () => {
    const inMemory = coocNetwork(countCooccurrence(docs, spaceSegmenter, request({ field: 'city' })));
    const spilled = coocNetwork(countCooccurrence(docs, spaceSegmenter, request({ field: 'city', pairBudget: 2048 })));
    expect(spilled).toEqual(inMemory);
  });

  it('refuses a matrix it cannot hold, with one line', () => {
    const spilled = countCooccurrence(docs, spaceSegmenter, request({ pairBudget: 2048 }));
    expect(() => cooccurrenceMatrix(spilled)).toThrow(UsageError);
    expect(cliMessageOf(() => cooccurrenceMatrix(spilled))).toBe('a matrix of 2100 terms is too large to hold (2100² cells); use --top');
  });
});

describe('box tables', () => {
  it('pad by terminal width (wide characters two columns), align right where asked, and draw multi-line cells', () => {
    expect(boxTable([['a', 'bb'], ['x\ny', '1'], ['中文', '22']], [false, true])).toBe(
      ['┌──────┬────┐', '│ a    │ bb │', '├──────┼────┤', '│ x    │  1 │', '│ y    │    │', '├──────┼────┤', '│ 中文 │ 22 │', '└──────┴────┘'].join('\n'),
    );
    expect(boxTable([['a']], [false])).toBe('┌───┐\n│ a │\n└───┘');
  });

  it('measure cells as string-width does, ASCII and CJK ideographs without it', () => {
    const stringWidth = createRequire(import.meta.url)('string-width') as (text: string) => number;
    const answered: string[] = [];
    for (let c = 0x20; c <= 0x7e; c++) answered.push(String.fromCharCode(c));
    for (let c = 0x4e00; c <= 0x9fff; c++) answered.push(String.fromCharCode(c));
    expect(answered.filter((text) => cellWidth(text) !== stringWidth(text))).toEqual([]);
    // Mixed, and text the fast path hands on: quotes, emoji, a colour code, a combining mark.
    for (const text of ['改革 2024', '“两个确立”', '中国🇨🇳', '\u001b[31m红\u001b[39m', 'é', '']) expect(cellWidth(text)).toBe(stringWidth(text));
    expect(cellWidth('改革 2024')).toBe(9);
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
