import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSegmenter } from '../segment/createSegmenter.js';
import type { VocabularyStore } from '../segment/vocabularyKey.js';
import { CacheStore } from './cacheStore.js';

/**
 * dist/prebuilt: the segmenter vocabulary and the port's dictionary for the bundled entries (no --dict, no
 * --lexicon), built with the package (`npm run build` runs this module), so that a first run, or one with
 * --no-cache, loads them in milliseconds instead of building them (~0.6 s, in every thread that cuts). Its
 * entries are keyed like the cache's, by everything they are built from (vocabularyKey, portDictionaryKey): a
 * build from other code or data misses and is built at run time, so it is right or it is not used.
 */
const PREBUILT_DIR = fileURLToPath(new URL('../prebuilt/', import.meta.url));

/** The store a segmenter keeps its vocabulary in: the cache when there is one, read through to what ships prebuilt. */
export function vocabularyStore(cacheDir: string | undefined): VocabularyStore {
  const cache = cacheDir ? new CacheStore(cacheDir) : undefined;
  const prebuilt = new CacheStore(PREBUILT_DIR, true);
  return {
    get: <T>(key: string) => cache?.get<T>(key) ?? prebuilt.get<T>(key),
    put: (key, entry) => cache?.put(key, entry),
    getBytes: (key, into) => cache?.getBytes(key, into) ?? prebuilt.getBytes(key, into),
    putBytes: (key, bytes) => cache?.putBytes(key, bytes),
  };
}

/** Builds dist/prebuilt afresh (the last step of `npm run build`). */
function prebuild(): void {
  rmSync(PREBUILT_DIR, { recursive: true, force: true });
  createSegmenter({}, new CacheStore(PREBUILT_DIR)).loadDictionaries();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) prebuild();
