import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore, frame, unframe } from '../src/pipeline/cacheStore.js';
import { tifa } from './cli.js';

const KEY = (c: string) => c.repeat(40);

/** Every file below a cache folder whose name ends so, as paths. */
function filesIn(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));
}

/** A small corpus of three documents and a cache folder of its own. */
function corpus(): { dir: string; texts: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-cache-hostile-'));
  const texts = join(dir, 'texts');
  mkdirSync(texts);
  writeFileSync(join(texts, 'a.txt'), '坚持两个确立。深化枫桥经验，推进情指行。'.repeat(30));
  writeFileSync(join(texts, 'b.txt'), '尊重人才，尊重创造。深化枫桥经验。'.repeat(30));
  writeFileSync(join(texts, 'c.txt'), '推进情指行一体化。'.repeat(30));
  return { dir, texts, env: { TIFA_CACHE_DIR: join(dir, 'cache') } };
}

describe('cache entries', () => {
  it('read back what was written, and nothing from a file that does not check out', () => {
    const entry = { terms: ['尊重人才'], counts: [11] };
    const data = frame(entry);
    expect(unframe(data)).toEqual(entry);
    for (const at of [0, 5, 9, 15, data.length - 1]) {
      const flipped = Buffer.from(data);
      flipped[at] ^= 0x04;
      expect(unframe(flipped), `byte ${at} flipped`).toBeUndefined();
    }
    expect(unframe(data.subarray(0, data.length - 3))).toBeUndefined();
    expect(unframe(Buffer.alloc(0))).toBeUndefined();
    // A payload whose checksum is right but that is no V8 serialisation (an unparsable memo).
    const bogus = frame(entry);
    const payload = Buffer.from('not v8 at all');
    const unparsable = Buffer.concat([bogus.subarray(0, 8), Buffer.alloc(24), payload]);
    unparsable.writeUInt32LE(payload.length, 8);
    // The SHA-1 of the new payload in its place.
    createHash('sha1').update(payload).digest().copy(unparsable, 12);
    expect(unframe(unparsable)).toBeUndefined();
  });

  it('are deleted when they do not check out, so the next write replaces them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-store-'));
    const store = new CacheStore(dir);
    store.put(KEY('a'), { n: 1 });
    const [file] = filesIn(dir, '.v8');
    truncateSync(file, 10);
    expect(store.get(KEY('a'))).toBeUndefined();
    expect(filesIn(dir, '.v8')).toEqual([]);
  });

  it('of bytes read back into the buffer asked for, and are misses (and deleted) when they do not check out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-store-'));
    const store = new CacheStore(dir);
    const bytes = Uint8Array.from({ length: 1000 }, (_, k) => (k * 7) % 256);
    store.putBytes(KEY('b'), bytes);
    const asked: number[] = [];
    const into = (length: number) => (asked.push(length), new Uint8Array(length));
    expect(store.getBytes(KEY('b'), into)).toEqual(bytes);
    expect(asked).toEqual([1000]);
    // Neither reader takes the other's entries.
    expect(store.get(KEY('b'))).toBeUndefined();
    store.put(KEY('c'), { n: 1 });
    expect(store.getBytes(KEY('c'), into)).toBeUndefined();
    expect(store.getBytes(KEY('d'), into)).toBeUndefined();
    // A byte of the payload flipped, or the file cut short: a miss, and the file goes.
    store.putBytes(KEY('b'), bytes);
    const [file] = filesIn(dir, `${KEY('b')}.v8`);
    const data = readFileSync(file);
    data[data.length - 10] ^= 0x04;
    writeFileSync(file, data);
    expect(store.getBytes(KEY('b'), into)).toBeUndefined();
    expect(filesIn(dir, `${KEY('b')}.v8`)).toEqual([]);
    store.putBytes(KEY('b'), bytes);
    truncateSync(file, 500);
    expect(store.getBytes(KEY('b'), into)).toBeUndefined();
    expect(filesIn(dir, `${KEY('b')}.v8`)).toEqual([]);
  });

  it('are evicted least recently used first when the folder passes its bound', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-store-'));
    const store = new CacheStore(dir);
    const blob = 'x'.repeat(40_000);
    const previous = process.env.TIFA_CACHE_MAX_MB;
    process.env.TIFA_CACHE_MAX_MB = '0.1'; // 104,857 bytes: two entries of 40 kB fit, three do not
    try {
      store.put(KEY('a'), blob);
      store.put(KEY('b'), blob);
      // a older than b, then a read: b is now the least recently used.
      const path = (c: string) => filesIn(dir, `${KEY(c)}.v8`)[0];
      utimesSync(path('a'), 1000, 1000);
      utimesSync(path('b'), 2000, 2000);
      expect(store.get(KEY('a'))).toBe(blob);
      store.put(KEY('c'), blob);
      expect(store.get(KEY('b'))).toBeUndefined();
      expect(store.get(KEY('a'))).toBe(blob);
      expect(store.get(KEY('c'))).toBe(blob);
    } finally {
      if (previous === undefined) delete process.env.TIFA_CACHE_MAX_MB;
      else process.env.TIFA_CACHE_MAX_MB = previous;
    }
  });
});

describe('a damaged cache (hostile)', () => {
  const args = (texts: string) => ['freq', texts, '--by', 'id', '--format', 'tsv'];

  for (const [name, damage] of [
    ['a flipped byte in every entry', (file: string) => {
      const data = readFileSync(file);
      data[Math.floor(data.length / 2)] ^= 0x01;
      writeFileSync(file, data);
    }],
    ['every entry truncated to half', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2))],
  ] as const) {
    it(`${name}: the same table as without a cache, exit 0, no note, entries rewritten`, () => {
      const { texts, env } = corpus();
      const clean = tifa([...args(texts), '--no-cache']);
      expect(clean.code).toBe(0);
      expect(tifa(args(texts), { env }).stdout).toBe(clean.stdout);
      const entries = filesIn(env.TIFA_CACHE_DIR, '.v8');
      // Token entries, per-file memos and the whole-corpus memo.
      expect(entries.length).toBeGreaterThanOrEqual(7);
      for (const file of entries) damage(file);
      for (const command of [args(texts), ['cooc', texts, '--format', 'tsv'], ['slogans', texts, '--format', 'tsv']]) {
        const damaged = tifa(command, { env });
        expect(damaged.stderr).toBe('');
        expect(damaged.code).toBe(0);
        expect(damaged.stdout).toBe(tifa([...command, '--no-cache']).stdout);
      }
      // Every entry checks out again: a V8 entry, or (without dist/prebuilt, as in a fresh clone) the image of the
      // port's dictionary, an entry of bytes. Read-only, so that asking with the other reader removes nothing.
      const reader = new CacheStore(env.TIFA_CACHE_DIR, true);
      for (const file of filesIn(env.TIFA_CACHE_DIR, '.v8')) {
        const key = basename(file, '.v8');
        expect(reader.get(key) ?? reader.getBytes(key, (length) => new Uint8Array(length)), file).toBeDefined();
      }
    });
  }

  it("leftover temp files: a crashed run's are removed by the next write, a live writer's are left alone", () => {
    const { texts, env } = corpus();
    const sub = join(env.TIFA_CACHE_DIR, 'ab');
    mkdirSync(sub, { recursive: true });
    const stale = join(sub, `${KEY('a')}.v8.1234.tmp`);
    const live = join(sub, `${KEY('b')}.v8.5678.tmp`);
    writeFileSync(stale, 'half an entry');
    writeFileSync(live, 'being written');
    const hourAgo = Date.now() / 1000 - 3600;
    utimesSync(stale, hourAgo, hourAgo);
    expect(tifa(args(texts), { env }).code).toBe(0);
    expect(filesIn(env.TIFA_CACHE_DIR, '.tmp')).toEqual([live]);
  });

  it('TIFA_CACHE_MAX_MB bounds the folder, and the tables stay right', () => {
    const { texts, env } = corpus();
    const bounded = { ...env, TIFA_CACHE_MAX_MB: '0.004' }; // 4,194 bytes: fewer than the run's entries
    const clean = tifa([...args(texts), '--no-cache']);
    for (let run = 0; run < 2; run++) {
      const out = tifa(args(texts), { env: bounded });
      expect(out.code).toBe(0);
      expect(out.stdout).toBe(clean.stdout);
      const bytes = filesIn(env.TIFA_CACHE_DIR, '.v8').reduce((sum, f) => sum + statSync(f).size, 0);
      expect(bytes).toBeLessThanOrEqual(0.004 * 1024 * 1024);
    }
  });

  it('tifa cache info counts entries and temp files; tifa cache clear empties the folder', () => {
    const { texts, env } = corpus();
    expect(tifa(args(texts), { env }).code).toBe(0);
    const entries = filesIn(env.TIFA_CACHE_DIR, '.v8').length;
    const info = JSON.parse(tifa(['cache', 'info', '--format', 'json'], { env }).stdout) as Array<Record<string, unknown>>;
    expect(info).toEqual([{ folder: env.TIFA_CACHE_DIR, entries, mb: expect.any(Number), max_mb: 1024, temp_files: 0 }]);
    const cleared = tifa(['cache', 'clear'], { env });
    expect(cleared.code).toBe(0);
    expect(cleared.stderr).toBe(`tifa: removed ${entries} file(s), ${info[0].mb} MB, from ${env.TIFA_CACHE_DIR}\n`);
    expect(filesIn(env.TIFA_CACHE_DIR, '.v8')).toEqual([]);
  });
});
