import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withOffsets } from './offsets.js';
import type { Segmenter, Token } from './token.js';

/** A backend before the dictionary key is known: createSegmenter adds it. */
export type BackendSegmenter = Omit<Segmenter, 'key'>;

interface NodeJieba {
  load(options: { userDict?: string }): void;
  cut(text: string, hmm: boolean): string[];
  tag(text: string): Array<{ word: string; tag: string }>;
}

let loadedWith: string | undefined;

/**
 * nodejieba (cppjieba): the design card's backend. It loads dictionaries from file paths only and only once
 * per process, so the combined user dictionary goes through a temporary file and a second, different
 * dictionary in the same process is refused rather than silently ignored.
 */
export function createNodejiebaSegmenter(userDictText: string): BackendSegmenter {
  // Loaded lazily: its start-up (~1.7 s) should not be paid by users of the default backend.
  const nodejieba = createRequire(import.meta.url)('nodejieba') as NodeJieba;
  if (loadedWith === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-dict-'));
    const file = join(dir, 'user.dict.utf8');
    try {
      writeFileSync(file, userDictText || '');
      nodejieba.load({ userDict: file });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    loadedWith = userDictText;
  } else if (loadedWith !== userDictText) {
    throw new Error('nodejieba can load its dictionary only once per process');
  }
  return {
    name: 'nodejieba',
    cut(text: string, options?: { pos?: boolean }): Token[] {
      if (options?.pos) return withOffsets(text, nodejieba.tag(text));
      return withOffsets(text, nodejieba.cut(text, true).map((word) => ({ word })));
    },
  };
}
