import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore, frame } from '../src/pipeline/cacheStore.js';
import { vocabularyStore } from '../src/pipeline/prebuiltStore.js';

const KEY = 'ab'.repeat(20);

describe('the prebuilt store', () => {
  it('a read-only folder serves its entries and is never written, renewed or cleaned', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-prebuilt-'));
    mkdirSync(join(dir, 'ab'));
    const file = join(dir, 'ab', `${KEY}.v8`);
    writeFileSync(file, frame({ words: ['两个确立'] }));
    const store = new CacheStore(dir, true);
    expect(store.get(KEY)).toEqual({ words: ['两个确立'] });
    store.put('cd'.repeat(20), { other: 1 });
    expect(existsSync(join(dir, 'cd'))).toBe(false);
    writeFileSync(file, 'not an entry');
    expect(store.get(KEY)).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('not an entry');
  });

  it('reads the cache first and writes only the cache; without a cache it writes nothing', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'tifa-prebuilt-cache-'));
    const store = vocabularyStore(cacheDir);
    expect(store.get(KEY)).toBeUndefined();
    store.put(KEY, { kept: true });
    expect(store.get(KEY)).toEqual({ kept: true });
    expect(new CacheStore(cacheDir).get(KEY)).toEqual({ kept: true });
    const none = vocabularyStore(undefined);
    none.put(KEY, { kept: true });
    expect(none.get(KEY)).toBeUndefined();
  });
});
