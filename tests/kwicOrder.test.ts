import { describe, expect, it } from 'vitest';
import { sortKwic } from '../src/analysis/kwicOrder.js';
import { sampleOf, seededRandom } from '../src/analysis/random.js';
import { tifa } from './cli.js';
import { spaceSegmenter } from './helpers.js';

const rows = [
  { doc: '1', left: '甲 乙 ，', match: 'X', right: '丙 丁' },
  { doc: '2', left: '丙 甲', match: 'X', right: '， 乙 甲' },
  { doc: '3', left: '丁 乙', match: 'X', right: '甲 乙' },
];
const docs = (sorted: Array<Record<string, unknown>>) => sorted.map((r) => r.doc);

describe('KWIC order', () => {
  it('sorts by the k-th word outwards from the match, punctuation skipped, Hanzi in pinyin order', () => {
    // L1: 乙 (yǐ), 甲 (jiǎ), 乙 → 甲 first; the two 乙 then go by L2: 丁 (dīng, row 3) < 甲 (row 1).
    expect(docs(sortKwic(rows, 'L1', spaceSegmenter))).toEqual(['2', '3', '1']);
    // L2: 甲, 丙 (bǐng), 丁 → 丙 < 丁 < 甲.
    expect(docs(sortKwic(rows, 'L2', spaceSegmenter))).toEqual(['2', '3', '1']);
    // R1: 丙 (bǐng), 乙, 甲 → 丙 < 甲 < 乙.
    expect(docs(sortKwic(rows, 'R1', spaceSegmenter))).toEqual(['1', '3', '2']);
    expect(docs(sortKwic(rows, 'R2', spaceSegmenter))).toEqual(['1', '2', '3']);
  });

  it('samples reproducibly per seed, keeping the original order', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = sampleOf(items, 5, seededRandom(42));
    expect(a).toEqual(sampleOf(items, 5, seededRandom(42)));
    expect(a).toHaveLength(5);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(new Set(a).size).toBe(5);
    expect(sampleOf(items, 5, seededRandom(43))).not.toEqual(a);
    expect(sampleOf([1, 2], 5, seededRandom(1))).toEqual([1, 2]);
  });
});

describe('tifa kwic --sort, --limit, --sample (CLI)', () => {
  const matches = (args: string[]) => {
    const run = tifa(['kwic', '枫桥经验', '--format', 'tsv', ...args]);
    return { ...run, docs: run.stdout.trim().split('\n').slice(1).map((l) => l.split('\t')[0]) };
  };
  it('--sort R1 orders by the word after the match: 持续 < 推动 < 扎实', () => {
    expect(matches(['--sort', 'R1']).docs).toEqual(['03-宜昌', '05-章丘', '01-齐齐哈尔']);
  });
  it('--limit prints the first n and says how many were left out', () => {
    const run = matches(['--limit', '1']);
    expect(run.docs).toEqual(['01-齐齐哈尔']);
    expect(run.stderr).toBe('tifa: 2 of 3 lines not shown (--limit 1)\n');
  });
  it('--sample n --seed s draws the same lines every run', () => {
    const a = matches(['--sample', '2', '--seed', '5']).docs;
    expect(a).toHaveLength(2);
    expect(matches(['--sample', '2', '--seed', '5']).docs).toEqual(a);
  });
  it('rejects an unknown sort key with exit 2', () => {
    const run = tifa(['kwic', '枫桥经验', '--sort', 'L4']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tifa: .*--sort/);
  });
});
