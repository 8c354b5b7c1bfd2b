import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { fileRead } from '../src/pipeline/heapTrim.js';
import { fileSpill } from '../src/pipeline/spillFiles.js';

describe('heapTrim: a full collection after every few MB of files read, or sooner when much is kept', () => {
  it('gives back the garbage left by the files read before', () => {
    fileRead(64 * 1024 * 1024); // starts the count afresh, whatever ran before in this thread
    // About 60 MB of objects that outlive young collections, then dropped: garbage in the old space.
    let held: Array<{ n: number; s: string }> | undefined = Array.from({ length: 600_000 }, (_, n) => ({ n, s: `文件${n}` }));
    expect(held.length).toBe(600_000);
    held = undefined;
    const before = getHeapStatistics().used_heap_size;
    fileRead(4 * 1024 * 1024);
    const after = getHeapStatistics().used_heap_size;
    expect(before - after).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('collects after one megabyte when that much text left more than 8 MB past the young generation', () => {
    fileRead(64 * 1024 * 1024);
    let held: Array<{ n: number; s: string }> | undefined = Array.from({ length: 600_000 }, (_, n) => ({ n, s: `词${n}` }));
    expect(held.length).toBe(600_000);
    held = undefined;
    const before = getHeapStatistics().used_heap_size;
    // Below the 4 MB of the first rule: only what is kept past the young generation can call for it.
    fileRead(1024 * 1024);
    const after = getHeapStatistics().used_heap_size;
    expect(before - after).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('counts the bytes of spill files, written and read back, as files read', () => {
    fileRead(64 * 1024 * 1024);
    let held: Array<{ n: number; s: string }> | undefined = Array.from({ length: 600_000 }, (_, n) => ({ n, s: `对${n}` }));
    expect(held.length).toBe(600_000);
    held = undefined;
    const stream = fileSpill().create();
    const before = getHeapStatistics().used_heap_size;
    stream.append(new Uint8Array(2 * 1024 * 1024));
    const into = new Uint8Array(2 * 1024 * 1024);
    expect(stream.read(into)).toBe(into.length);
    const after = getHeapStatistics().used_heap_size;
    stream.dispose();
    expect(before - after).toBeGreaterThan(20 * 1024 * 1024);
  });
});
