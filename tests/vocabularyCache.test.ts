import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSegmenter, segmenterVocabulary } from '../src/segment/createSegmenter.js';
import { jiebaDictionary } from '../src/segment/nodeRsJieba.js';
import { vocabularyKey, type VocabularyStore } from '../src/segment/vocabularyKey.js';
import { tifa } from './cli.js';

/** A store in memory that records what was asked of it. */
function memoryStore(): VocabularyStore & { entries: Map<string, unknown>; asked: string[] } {
  const entries = new Map<string, unknown>();
  const store = {
    entries,
    asked: [] as string[],
    get: <T>(key: string) => (store.asked.push(key), entries.get(key) as T | undefined),
    put: (key: string, entry: unknown) => void entries.set(key, entry),
    getBytes: (key: string, into: (length: number) => Uint8Array) => {
      store.asked.push(key);
      const bytes = entries.get(key);
      if (!(bytes instanceof Uint8Array)) return undefined;
      const target = into(bytes.length);
      target.set(bytes);
      return target;
    },
    putBytes: (key: string, bytes: Uint8Array) => void entries.set(key, bytes.slice()),
  };
  return store;
}

describe('the segmenter vocabulary kept between runs', () => {
  it('is read from the store under the key of its inputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-vocab-'));
    const dict = join(dir, 'user.dict');
    writeFileSync(dict, '钬钐铽镝钬 1000 n\n');
    const inputs = { userDicts: [dict], lexiconFiles: [], bundledLexicon: true };
    const key = vocabularyKey(jiebaDictionary(), inputs)!;
    // A vocabulary planted under the key: a segmenter that reads the store cuts by it (no 钬钐铽镝钬 entry).
    const planted = memoryStore();
    planted.put(key, { ...segmenterVocabulary(), phrases: [] });
    expect(createSegmenter({ userDicts: [dict] }, planted).words('今天钬钐铽镝钬出现').words).not.toContain('钬钐铽镝钬');
    // Asked once for the vocabulary (and, the words cut, for the port's dictionary built from it).
    expect(planted.asked.filter((asked) => asked === key)).toHaveLength(1);
  });

  it('misses when a file it was built from changes, though its name does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-vocab-'));
    const dict = join(dir, 'user.dict');
    writeFileSync(dict, '钬钐铽镝钬 1000 n\n');
    const inputs = { userDicts: [dict], lexiconFiles: [], bundledLexicon: true };
    const before = vocabularyKey(jiebaDictionary(), inputs);
    writeFileSync(dict, '钬钐 1000 n\n');
    expect(vocabularyKey(jiebaDictionary(), inputs)).not.toBe(before);
    expect(vocabularyKey(jiebaDictionary(), { ...inputs, bundledLexicon: false })).not.toBe(vocabularyKey(jiebaDictionary(), inputs));
    expect(vocabularyKey(jiebaDictionary(), { ...inputs, userDicts: [join(dir, 'missing.dict')] })).toBeUndefined();
  });

  it('gives the tokens of the dictionary as it is now: tifa freq after a --dict file is edited', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-vocab-'));
    const cache = { TIFA_CACHE_DIR: join(dir, 'cache') };
    writeFileSync(join(dir, 'a.txt'), '今天钬钐铽镝钬出现了。\n');
    const dict = join(dir, 'user.dict');
    const terms = () => tifa(['freq', join(dir, 'a.txt'), '--dict', dict, '--format', 'tsv'], { env: cache }).stdout.split('\n').map((line) => line.split('\t')[0]);
    writeFileSync(dict, '钬钐铽镝钬 1000 n\n');
    expect(terms()).toContain('钬钐铽镝钬');
    writeFileSync(dict, '# no entries now\n');
    expect(terms()).not.toContain('钬钐铽镝钬');
  });

  it("keeps the port's dictionary for a --dict as an image of bytes: read back, or rebuilt when damaged, the same table", () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-vocab-'));
    const cacheDir = join(dir, 'cache');
    writeFileSync(join(dir, 'a.txt'), '今天钬钐铽镝钬出现了。我们推进改革。\n');
    const dict = join(dir, 'user.dict');
    writeFileSync(dict, '钬钐铽镝钬 1000 n\n');
    const run = (env: Record<string, string>, ...more: string[]) => tifa(['freq', join(dir, 'a.txt'), '--dict', dict, '--format', 'tsv', ...more], { env }).stdout;
    const expected = run({}, '--no-cache');
    expect(expected).toContain('钬钐铽镝钬');
    expect(run({ TIFA_CACHE_DIR: cacheDir })).toBe(expected);
    const images = readdirSync(cacheDir, { recursive: true }).map(String).filter((f) => f.endsWith('.v8')).map((f) => join(cacheDir, f)).filter((f) => readFileSync(f).subarray(0, 4).toString() === 'TIFB');
    expect(images).toHaveLength(1);
    const [image] = images;
    const written = readFileSync(image);
    // A hit renews the entry's recency, in place (a rebuilt entry would be a new file renamed over it). The
    // text changes at each run, so that it is cut again rather than answered whole from the cache.
    utimesSync(image, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const { ino } = statSync(image);
    writeFileSync(join(dir, 'a.txt'), '今天钬钐铽镝钬出现了。我们推进改革。\n\n');
    expect(run({ TIFA_CACHE_DIR: cacheDir })).toBe(expected);
    expect(statSync(image).mtime.getFullYear()).toBeGreaterThan(2000);
    expect(statSync(image).ino).toBe(ino);
    // A damaged image is a miss: built again and written again, the table unchanged.
    const damaged = Buffer.from(written);
    damaged[damaged.length - 100] ^= 0x10;
    writeFileSync(image, damaged);
    writeFileSync(join(dir, 'a.txt'), '今天钬钐铽镝钬出现了。我们推进改革。\n\n\n');
    expect(run({ TIFA_CACHE_DIR: cacheDir })).toBe(expected);
    expect(readFileSync(image).equals(written)).toBe(true);
  });
});
