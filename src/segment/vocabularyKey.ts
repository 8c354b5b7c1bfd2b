import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledDictPath } from '../bundledDict.js';

/** Where a built segmenter vocabulary is kept between runs (the token cache's store: CacheStore). */
export interface VocabularyStore {
  get<T>(key: string): T | undefined;
  put(key: string, entry: unknown): void;
  /** An entry of bytes as they stand (CacheStore.getBytes), read into what `into` gives for its length. */
  getBytes(key: string, into: (length: number) => Uint8Array): Uint8Array | undefined;
  putBytes(key: string, bytes: Uint8Array): void;
}

const here = fileURLToPath(import.meta.url);

/** Adds every file below `dir` whose name ends in `ext` (all files when ext is ''), names and contents, in a fixed order. */
function addFolder(hash: Hash, dir: string, ext: string, recursive: boolean): void {
  const names = readdirSync(dir, { recursive, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ext))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const name of names) hash.update(`${name.slice(dir.length)}\u0000`).update(readFileSync(name)).update('\u0000');
}

let code: string | undefined;

/**
 * The code and the bundled data a vocabulary is built from: every module of the layers the build can import
 * (segment, lexicon, corpus and the shared leaves, by the layer rules of .dependency-cruiser.cjs) and every
 * file of dict/. Any change to how the vocabulary is made, or to what it is made of, changes the key, so the
 * cache misses instead of serving a vocabulary the code would no longer build.
 */
function codeAndData(): string {
  if (code !== undefined) return code;
  const hash = createHash('sha1');
  const root = dirname(dirname(here));
  const ext = extname(here);
  addFolder(hash, root, ext, false);
  for (const layer of ['corpus', 'lexicon', 'segment']) addFolder(hash, join(root, layer), ext, true);
  addFolder(hash, dirname(bundledDictPath('slogans.tsv')), '', false);
  return (code = hash.digest('hex'));
}

/**
 * The cache key of a vocabulary: its code and bundled data, jieba's dictionary, the options, and the bytes of
 * each file the options name; undefined when one cannot be read (the build then reports it).
 */
export function vocabularyKey(jiebaDictionary: Buffer, options: { userDicts: string[]; lexiconFiles: string[]; bundledLexicon: boolean }): string | undefined {
  const hash = createHash('sha1').update(`segmenter vocabulary\u0000${codeAndData()}\u0000`).update(jiebaDictionary);
  hash.update(JSON.stringify(options));
  try {
    for (const file of [...options.userDicts, ...options.lexiconFiles]) hash.update('\u0000').update(readFileSync(file));
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}
