import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readTextFile } from '../corpus/readTextFile.js';
import { InputError } from '../errors.js';
import { bundledDictPath } from '../bundledDict.js';

/** One word a line; blank lines and `#` comments are skipped. */
function readWordList(file: string): string[] {
  return readTextFile(file, 'stopword file')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

// stopwords-iso's main file is JSON, which Node's ESM loader takes only with an import attribute; require
// works the same from src/ under vitest and from dist/, and it is paid only when `zh` is asked for.
/** stopwords-iso's Chinese list. */
function isoChinese(): string[] {
  const lists = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
  return lists.zh;
}

const NAMED = new Map<string, () => string[]>([
  ['zh', isoChinese],
  ['domain', () => readWordList(bundledDictPath('stopwords-domain.txt'))],
]);

/**
 * The union of a comma list of stopword lists: `zh` (stopwords-iso), `domain` (dict/stopwords-domain.txt)
 * or the path of a word-list file. A name that is neither a list nor a file is an error, so a typo never
 * silently filters nothing.
 */
export function loadStopwords(spec: string): Set<string> {
  const words = new Set<string>();
  for (const item of spec.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const named = NAMED.get(item);
    if (named) {
      for (const word of named()) words.add(word);
    } else if (existsSync(item) || /[/\\.]/.test(item)) {
      for (const word of readWordList(item)) words.add(word);
    } else {
      throw new InputError(`unknown stopword list "${item}"; use zh, domain or the path of a file`);
    }
  }
  return words;
}
