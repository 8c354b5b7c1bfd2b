import { completeMeta, documentFromBytes, readBytes, type NameMatcher, type ReadOptions } from '../corpus/readCorpus.js';
import type { Meta } from '../corpus/document.js';
import type { Segmenter, Token } from '../segment/token.js';
import { TokenCache, type CachedDocument } from './tokenCache.js';

/** A document as counting needs it: no origin map, just metadata, text and tokens. */
export interface TokenizedFile {
  id: string;
  meta: Meta;
  text: string;
  tokens: Token[];
}

/** A file read once: its bytes' cache key (when caching) travels with it to every later step. */
export interface FileRead {
  file: string;
  bytes: Buffer;
  key?: string;
}

function tokensFromEnds(text: string, ends: Uint32Array, tags?: string[]): Token[] {
  const tokens: Token[] = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i];
    tokens[i] = tags ? { text: text.slice(start, end), start, end, pos: tags[i] } : { text: text.slice(start, end), start, end };
    start = end;
  }
  return tokens;
}

/**
 * Reads and segments files, through the token cache when one is given: a hit skips decoding, normalising and
 * segmenting; the key covers the file's bytes and name and every option that changes the tokens.
 */
export class FileTokenizer {
  readonly cache?: TokenCache;

  constructor(
    private readonly segmenter: Segmenter,
    readonly read: ReadOptions,
    private readonly nameMatcher: NameMatcher | undefined,
    private readonly pos: boolean,
    cacheDir: string | undefined,
  ) {
    if (cacheDir) {
      const settings = JSON.stringify([segmenter.key, read.encoding ?? '', pos]);
      this.cache = new TokenCache(cacheDir, settings);
    }
  }

  readFile(file: string): FileRead {
    const bytes = readBytes(file);
    return { file, bytes, key: this.cache?.key(file, bytes) };
  }

  tokenize(input: string | FileRead): TokenizedFile {
    const { file, bytes, key } = typeof input === 'string' ? this.readFile(input) : input;
    const hit = key ? this.cache!.get<CachedDocument>(key) : undefined;
    if (hit) {
      const meta = completeMeta(hit.meta, file, this.nameMatcher);
      return { id: meta.id, meta, text: hit.text, tokens: tokensFromEnds(hit.text, hit.ends, hit.tags) };
    }
    const doc = documentFromBytes(bytes, file, this.read);
    const tokens = this.segmenter.cut(doc.text, { pos: this.pos });
    if (key) {
      const ends = Uint32Array.from(tokens, (t) => t.end);
      this.cache!.put(key, { meta: doc.meta, text: doc.text, ends, tags: this.pos ? tokens.map((t) => t.pos ?? '') : undefined });
    }
    const meta = completeMeta(doc.meta, file, this.nameMatcher);
    return { id: meta.id, meta, text: doc.text, tokens };
  }
}
