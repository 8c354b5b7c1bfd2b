import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmdirSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * The cache on disk: one file per entry, `<dir>/<2 hex>/<key>.v8`. A file is a header — magic, the entry
 * format version, the payload's length and its SHA-1 — then the payload: a V8 serialisation (magic TIFA), or
 * bytes as they stand (TIFB: getBytes, for the port's dictionary, read straight into its memory). Anything that does
 * not check out (another version, a truncated or altered file, a payload that does not deserialise) is a miss:
 * the file is deleted and the caller recomputes and rewrites the entry, so a damaged cache can cost time but
 * never change a number or stop a run. Recency is the file's mtime, renewed on every hit; the folder is kept
 * under a size bound by deleting the least recently used entries.
 */

// Bump when reading, normalising, segmenting or counting changes what a file yields: old entries then miss.
export const FORMAT_VERSION = 4;
const MAGIC = Buffer.from('TIFA');
/** The magic of an entry of bytes (putBytes): neither reader takes the other's entries. */
const BYTES_MAGIC = Buffer.from('TIFB');
const HEADER = MAGIC.length + 4 + 4 + 20;
/** The size bound without $TIFA_CACHE_MAX_MB: an entry takes about 1.4× its file, so room for some 700 MB of text. */
export const DEFAULT_MAX_MB = 1024;
/** Temp files older than this belong to no live writer (a write takes well under a second): a crashed run's. */
const STALE_TEMP_MS = 10 * 60 * 1000;
/** Eviction goes down to this share of the bound, so that it runs rarely rather than on every write. */
const EVICT_TO = 0.9;

export function maxCacheBytes(): number {
  const mb = Number(process.env.TIFA_CACHE_MAX_MB);
  return (Number.isFinite(mb) && mb >= 0 && process.env.TIFA_CACHE_MAX_MB !== '' ? mb : DEFAULT_MAX_MB) * 1024 * 1024;
}

const digest = (payload: Uint8Array) => createHash('sha1').update(payload).digest();

/** The header of a payload stored with `magic`. */
function header(magic: Buffer, payload: Uint8Array): Buffer {
  const head = Buffer.alloc(HEADER);
  magic.copy(head, 0);
  head.writeUInt32LE(FORMAT_VERSION, 4);
  head.writeUInt32LE(payload.length, 8);
  digest(payload).copy(head, 12);
  return head;
}

/** Whether `head` is a header with `magic`, this format version and a payload of `length` bytes (its digest is checked apart). */
function headerFits(head: Buffer, magic: Buffer, length: number): boolean {
  return head.length >= HEADER && head.subarray(0, 4).equals(magic) && head.readUInt32LE(4) === FORMAT_VERSION && head.readUInt32LE(8) === length;
}

/** An entry as stored: header and payload. */
export function frame(entry: unknown): Buffer {
  const payload = serialize(entry);
  return Buffer.concat([header(MAGIC, payload), payload]);
}

/** The entry a stored file holds, or undefined when it does not check out. */
export function unframe(data: Buffer): unknown {
  if (!headerFits(data, MAGIC, data.length - HEADER)) return undefined;
  const payload = data.subarray(HEADER);
  if (!digest(payload).equals(data.subarray(12, HEADER))) return undefined;
  try {
    return deserialize(payload);
  } catch {
    return undefined;
  }
}

/** Reads `into.length` bytes of `fd` from `position` into `into`; returns how many there were. */
function readAt(fd: number, into: Uint8Array, position: number): number {
  let done = 0;
  for (let n = 1; done < into.length && n > 0; done += n) n = readSync(fd, into, done, into.length - done, position + done);
  return done;
}

interface StoredFile {
  path: string;
  bytes: number;
  mtimeMs: number;
}

/** The entry files and temp files of a cache folder (only names tifa writes, so clearing never touches others). */
function scan(dir: string): { entries: StoredFile[]; temps: StoredFile[] } {
  const entries: StoredFile[] = [];
  const temps: StoredFile[] = [];
  let subs: string[];
  try {
    subs = readdirSync(dir).filter((name) => /^[0-9a-f]{2}$/.test(name));
  } catch {
    return { entries, temps };
  }
  for (const sub of subs) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      const isEntry = /^[0-9a-f]{40}\.v8$/.test(name);
      if (!isEntry && !/\.tmp$/.test(name)) continue;
      const path = join(dir, sub, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      (isEntry ? entries : temps).push({ path, bytes: stat.size, mtimeMs: stat.mtimeMs });
    }
  }
  return { entries, temps };
}

const removeQuietly = (path: string) => {
  try {
    unlinkSync(path);
  } catch {
    // Gone already (another run), or not ours to remove: either way not an error.
  }
};

/** What a folder's size is known to be in this thread, counted once at its first write and kept up to date. */
const knownSizes = new Map<string, number>();

/** Deletes stale temp files and, over the bound, the least recently used entries; returns the size left. */
function tidy(dir: string, maxBytes: number, now = Date.now()): number {
  const { entries, temps } = scan(dir);
  for (const temp of temps) if (now - temp.mtimeMs > STALE_TEMP_MS) removeQuietly(temp.path);
  let total = entries.reduce((sum, e) => sum + e.bytes, 0);
  if (total > maxBytes) {
    entries.sort((a, b) => a.mtimeMs - b.mtimeMs);
    for (const entry of entries) {
      if (total <= maxBytes * EVICT_TO) break;
      removeQuietly(entry.path);
      total -= entry.bytes;
    }
  }
  return total;
}

export class CacheStore {
  /** `readOnly`: a folder tifa ships (prebuiltStore.ts), whose files are read and never renewed, removed or added to. */
  constructor(
    readonly dir: string,
    private readonly readOnly = false,
  ) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.v8`);
  }

  get<T>(key: string): T | undefined {
    const file = this.path(key);
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      return undefined;
    }
    const entry = unframe(data);
    if (entry === undefined) return this.miss(file);
    this.renew(file);
    return entry as T;
  }

  /**
   * An entry of bytes (putBytes), read straight into what `into` gives for its length (a shared WebAssembly
   * memory: no copy, no deserialising), or undefined when it does not check out.
   */
  getBytes(key: string, into: (length: number) => Uint8Array): Uint8Array | undefined {
    const file = this.path(key);
    let bytes: Uint8Array | undefined;
    try {
      const fd = openSync(file, 'r');
      try {
        const head = Buffer.alloc(HEADER);
        const length = fstatSync(fd).size - HEADER;
        if (readAt(fd, head, 0) === HEADER && headerFits(head, BYTES_MAGIC, length)) {
          const target = into(length);
          if (readAt(fd, target, HEADER) === length && digest(target).equals(head.subarray(12))) bytes = target;
        }
      } finally {
        closeSync(fd);
      }
    } catch {
      return undefined;
    }
    if (!bytes) return this.miss(file);
    this.renew(file);
    return bytes;
  }

  /** A stored file that does not check out: removed (unless the store is read-only), so that it is written again. */
  private miss(file: string): undefined {
    if (!this.readOnly) removeQuietly(file);
    return undefined;
  }

  /** Renews a hit's recency; a read-only cache still serves hits, only its recency goes stale. */
  private renew(file: string): void {
    if (this.readOnly) return;
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // Not ours to touch: the hit stands.
    }
  }

  /** Writes an entry atomically (an exclusive temp file renamed over it); a read-only or full disk only costs speed. */
  put(key: string, entry: unknown): void {
    this.write(key, [frame(entry)]);
  }

  /** Writes an entry of bytes as they stand (getBytes reads it), as put does. */
  putBytes(key: string, bytes: Uint8Array): void {
    this.write(key, [header(BYTES_MAGIC, bytes), bytes]);
  }

  private write(key: string, parts: Uint8Array[]): void {
    if (this.readOnly) return;
    const file = this.path(key);
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      const fd = openSync(tmp, 'wx');
      try {
        for (const part of parts) for (let done = 0; done < part.length; ) done += writeSync(fd, part, done);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, file);
    } catch {
      removeQuietly(tmp);
      return;
    }
    const max = maxCacheBytes();
    let size = knownSizes.get(this.dir);
    size = size === undefined ? tidy(this.dir, max) : size + parts.reduce((sum, part) => sum + part.length, 0);
    if (size > max) size = tidy(this.dir, max);
    knownSizes.set(this.dir, size);
  }

  /** Entries and temp files, with their sizes (`tifa cache info`). */
  info(): { entries: number; bytes: number; temps: number; tempBytes: number } {
    const { entries, temps } = scan(this.dir);
    const bytes = (files: StoredFile[]) => files.reduce((sum, f) => sum + f.bytes, 0);
    return { entries: entries.length, bytes: bytes(entries), temps: temps.length, tempBytes: bytes(temps) };
  }

  /** Deletes every entry and temp file (`tifa cache clear`); returns how many files and bytes went. */
  clear(): { files: number; bytes: number } {
    const { entries, temps } = scan(this.dir);
    let bytes = 0;
    for (const file of [...entries, ...temps]) {
      removeQuietly(file.path);
      bytes += file.bytes;
    }
    for (const sub of new Set([...entries, ...temps].map((f) => dirname(f.path)))) {
      try {
        rmdirSync(sub);
      } catch {
        // Not empty: it holds files tifa did not write.
      }
    }
    knownSizes.delete(this.dir);
    return { files: entries.length + temps.length, bytes };
  }
}
