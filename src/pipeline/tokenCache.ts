import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** What a cache entry holds: the document as read (metadata and analysis text) and its token boundaries. */
export interface CachedDocument {
  meta: Record<string, string>;
  text: string;
  /** End offset of each token in `text`; tokens are contiguous, so starts follow. */
  ends: Uint32Array;
  /** POS tags, present when the entry was made with tagging. */
  tags?: string[];
}

// Bump when reading, normalising, segmenting or counting changes what a file yields: old entries then miss.
const FORMAT_VERSION = 3;

/** The cache folder: $TIFA_CACHE_DIR, else $XDG_CACHE_HOME/tifa, else ~/.cache/tifa. */
export function defaultCacheDir(): string {
  if (process.env.TIFA_CACHE_DIR) return process.env.TIFA_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tifa');
}

/**
 * Tokens keyed by the file's bytes and by everything that shapes the result (decoding option, dictionary,
 * backend, phrase join, tagging), so an unchanged corpus is never segmented twice and any change misses.
 * The same store memoises per-file counts under a key that adds the counting request.
 * The cache is an accelerator only: unreadable or unwritable entries are ignored, never an error.
 */
export class TokenCache {
  constructor(
    private readonly dir: string,
    private readonly settingsKey: string,
  ) {}

  /** The entry key of a file: its name (name-derived metadata) and bytes under these settings (or of a text). */
  key(name: string, bytes: Buffer | string): string {
    return createHash('sha1').update(`${FORMAT_VERSION}\u0000${this.settingsKey}\u0000${name}\u0000`).update(bytes).digest('hex');
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.v8`);
  }

  /** A key derived from another one, e.g. a file's token key plus a counting request. */
  static derive(key: string, extra: string): string {
    return createHash('sha1').update(`${key}\u0000${extra}`).digest('hex');
  }

  get<T = CachedDocument>(key: string): T | undefined {
    try {
      return deserialize(readFileSync(this.path(key))) as T;
    } catch {
      return undefined;
    }
  }

  put(key: string, entry: unknown): void {
    const file = this.path(key);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      writeFileSync(tmp, serialize(entry));
      renameSync(tmp, file);
    } catch {
      // A read-only or full disk only costs speed.
    }
  }
}
