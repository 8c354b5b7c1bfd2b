import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';

/** The path that names standard input on the command line, as for cat and grep: `… | tifa segment -`. */
export const STDIN = '-';

let bytes: Buffer | undefined;

/**
 * Standard input's bytes, read to its end once: a run that reads its documents again (report, a slogan's origin
 * map) gets the same bytes, not an empty pipe.
 */
export function stdinBytes(): Buffer {
  return (bytes ??= readFileSync(0));
}

/** The id a document gets from its file name (without extension); standard input is `stdin`. */
export function fileStem(file: string): string {
  return file === STDIN ? 'stdin' : basename(file, extname(file));
}
