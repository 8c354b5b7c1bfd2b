import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { splitTagged, type JiebaBinding } from './binding.js';
import type { Words } from './token.js';

interface NodeJieba {
  load(options: { userDict?: string }): void;
  cut(text: string, hmm: boolean): string[];
  tag(text: string): Array<{ word: string; tag: string }>;
}

let loadedWith: string | undefined;

const require = createRequire(import.meta.url);

/**
 * nodejieba is an optional dependency (it builds with a C++ tool chain where no prebuilt binary fits), so a
 * machine can have tifa without it: asking for it then is a one-line error that says how to get it.
 */
export function assertNodejiebaInstalled(): void {
  try {
    // Loaded, not just found: a package left without its built binary fails here too.
    require('nodejieba');
  } catch {
    const install = 'the optional package nodejieba, which is not installed: run `npm install nodejieba` (it needs a C++ tool chain where no prebuilt binary fits)';
    throw new UsageError(`the segmenter nodejieba needs ${install}`, { cli: `--segmenter nodejieba needs ${install}` });
  }
}

/**
 * nodejieba (cppjieba): the design card's backend. It loads dictionaries from file paths only and only once
 * per process, so the combined user dictionary goes through a temporary file and a second, different
 * dictionary in the same process is refused rather than silently ignored.
 */
export function createNodejiebaBackend(userDictText: string): JiebaBinding {
  // Loaded lazily: its start-up (~1.7 s) should not be paid by users of the default backend.
  const nodejieba = require('nodejieba') as NodeJieba;
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
  const cut = (text: string, pos: boolean): Words => (pos ? splitTagged(nodejieba.tag(text)) : { words: nodejieba.cut(text, true) });
  return { name: 'nodejieba', cut, cutAsync: async (text, pos) => cut(text, pos) };
}
