import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CacheStore, FORMAT_VERSION } from './cacheStore.js';

/** What a cache entry holds: the document as read (metadata and analysis text) and its token boundaries. */
export interface CachedDocument {
  meta: Record<string, string>;
  text: string;
  /** End offset of each token in `text`; tokens are contiguous, so starts follow. */
  ends: Uint32Array;
  /** POS tags, present when the entry was made with tagging. */
  tags?: string[];
}

/** The cache folder: $TIFA_CACHE_DIR, else $XDG_CACHE_HOME/tifa, else ~/.cache/tifa. */
export function defaultCacheDir(): string {
  if (process.env.TIFA_CACHE_DIR) return process.env.TIFA_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tifa');
}

/**
 * Tokens keyed by the file's bytes and by everything that shapes the result (decoding option, dictionary,
 * backend, phrase join, tagging), so an unchanged corpus is never segmented twice and any change misses.
 * The same store memoises per-file counts under a key that adds the counting request.
 * The cache is an accelerator only: entries that do not check out, and unwritable folders, are misses (see
 * CacheStore), never an error or a wrong number.
 */
export class TokenCache {
  private readonly store: CacheStore;

  constructor(
    dir: string,
    private readonly settingsKey: string,
  ) {
    this.store = new CacheStore(dir);
  }

  /** The entry key of a file: its name (name-derived metadata) and bytes under these settings. */
  key(name: string, bytes: Buffer | string): string {
    return createHash('sha1').update(`${FORMAT_VERSION}\u0000${this.settingsKey}\u0000${name}\u0000`).update(bytes).digest('hex');
  }

  /** A key derived from another one, e.g. a file's token key plus a counting request. */
  static derive(key: string, extra: string): string {
    return createHash('sha1').update(`${key}\u0000${extra}`).digest('hex');
  }

  get<T = CachedDocument>(key: string): T | undefined {
    return this.store.get<T>(key);
  }

  put(key: string, entry: unknown): void {
    this.store.put(key, entry);
  }
}
