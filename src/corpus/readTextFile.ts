import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { decodeBuffer } from './decode.js';
import { STDIN, stdinBytes } from './stdin.js';

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** A file's bytes (`-`: standard input's), or one line naming it (`what` says what it is for: `file`, `dictionary file`). */
export function readBytes(file: string, what = 'file'): Buffer {
  try {
    return file === STDIN ? stdinBytes() : readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new InputError(`${file}: cannot read ${what} (${READ_PROBLEMS[code] ?? code})`);
  }
}

/**
 * Reads a file tifa takes words or settings from (`--dict`, `--meta`, `--lexicon`, `--stopwords`), decoded as a
 * corpus file is: a GBK or Big5 dictionary is read as what it says, and one that reads as mojibake stops with a
 * line naming it, instead of silently matching nothing.
 */
export function readTextFile(file: string, what: string, encoding?: string): string {
  return decodeBuffer(readBytes(file, what), file, encoding).text;
}
