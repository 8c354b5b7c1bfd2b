import { readSync } from 'node:fs';
import { basename, extname } from 'node:path';

/** The path that names standard input on the command line, as for cat and grep: `… | tifa segment -`. */
export const STDIN = '-';

let bytes: Buffer | undefined;

/**
 * Standard input's bytes, read to its end once: a run that reads its documents again (report, a slogan's origin
 * map) gets the same bytes, not an empty pipe.
 */
export function stdinBytes(): Buffer {
  return (bytes ??= readToEnd(0));
}

/** How long to wait for a pipe whose writer has not written yet (`tifa freq --shard | tifa merge -`). */
const RETRY_MS = 10;

/**
 * All bytes of a descriptor until end of file. A pipe may be in non-blocking mode, where a read before the writer
 * has written fails with EAGAIN (readFileSync then gives up): the read is tried again after a short sleep.
 */
function readToEnd(fd: number): Buffer {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(1 << 16);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, RETRY_MS);
        continue;
      }
      if (code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/** The id a document gets from its file name (without extension); standard input is `stdin`. */
export function fileStem(file: string): string {
  return file === STDIN ? 'stdin' : basename(file, extname(file));
}
