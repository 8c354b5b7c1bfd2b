import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCooccurrence } from '../src/analysis/cooccurrence.js';
import { cooccurrenceTable } from '../src/analysis/coocTables.js';
import { SortedRuns } from '../src/analysis/sortedRuns.js';
import { memorySpill, NumberReader, NumberWriter } from '../src/analysis/spill.js';
import { fileSpill } from '../src/pipeline/spillFiles.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

const spillFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('tifa-spill-'));

describe('spill streams', () => {
  // A temporary folder of this test's own: other tifa runs on the machine make tifa-spill- folders too.
  const saved = process.env.TMPDIR;
  let own = '';
  beforeAll(() => {
    own = mkdtempSync(join(tmpdir(), 'tifa-spill-test-'));
    process.env.TMPDIR = own;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(own, { recursive: true, force: true });
  });
  for (const [name, make] of [['in memory', () => memorySpill], ['in files', fileSpill]] as const) {
    it(`${name}: give back the numbers written, in order, whatever the block sizes`, () => {
      const stream = make().create();
      // Blocks of 24 bytes: numbers cross block boundaries on both sides.
      const writer = new NumberWriter(stream, 24);
      for (let i = 0; i < 100; i++) {
        writer.int(i - 50);
        writer.float(i / 7);
      }
      writer.flush();
      const reader = new NumberReader(stream, 20);
      const back: number[] = [];
      while (reader.more()) back.push(reader.int(), reader.float());
      expect(back).toEqual(Array.from({ length: 100 }, (_, i) => [i - 50, i / 7]).flat());
      stream.dispose();
    });
  }

  it('merge sorted runs into one order, as one sort would', () => {
    const byValue = (x: Float64Array, i: number, y: Float64Array, j: number) => x[i] - y[j] || x[i + 1] - y[j + 1];
    const runs = new SortedRuns(2, fileSpill(), byValue, 32);
    const all: number[][] = [];
    for (let r = 0; r < 5; r++) {
      const records = Array.from({ length: 40 + r }, (_, k) => [((k * 37 + r * 11) % 23) / 2, r]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      all.push(...records);
      runs.write(Float64Array.from(records.flat()), records.length);
    }
    // The record handed out is reused for the next one: copied here.
    const merged: number[][] = [];
    for (const record of runs.merged()) merged.push([...record]);
    expect(merged).toEqual(all.sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it('in files: a count spilled to files gives the rows of one held in memory, and deletes each file once read', () => {
    const before = new Set(spillFolders());
    const words = Array.from({ length: 2100 }, (_, i) => `w${i}`);
    const text = Array.from({ length: 300 }, (_, s) => Array.from({ length: 10 }, (_, k) => words[k < 3 ? (s * 7 + k) % 30 : 30 + ((s * 7 + k) % 2070)]).join(' ')).join(' 。 ');
    const request = { unit: { kind: 'sentence', window: 5 }, terms: { kind: 'words' }, top: 5000 } as const;
    const inMemory = cooccurrenceTable(countCooccurrence([fakeDoc('d', {}, text)], spaceSegmenter, request));
    const counts = countCooccurrence([fakeDoc('d', {}, text)], spaceSegmenter, { ...request, pairBudget: 2048, spill: fileSpill() });
    expect(counts.pairs[0].spilled).toBe(true);
    const [folder] = spillFolders().filter((name) => !before.has(name));
    expect(readdirSync(`${tmpdir()}/${folder}`).length).toBeGreaterThan(1);
    expect(cooccurrenceTable(counts).rows).toEqual(inMemory.rows);
    expect(inMemory.rows.length).toBeGreaterThan(1000);
    expect(readdirSync(`${tmpdir()}/${folder}`)).toEqual([]);
  });
});
