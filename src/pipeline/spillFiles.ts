import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Spill, SpillStream } from '../analysis/spill.js';
import { InputError } from '../errors.js';
import { fileRead } from './heapTrim.js';

/** A write that failed (most often a full disk), as one line naming the folder and what to do. */
function writeFailed(dir: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code ?? String(err);
  return new InputError(`cannot write counts too large for memory to ${dir} (${code}); set TMPDIR to a folder with room`);
}

/**
 * Spill streams as files in one temporary folder (under $TMPDIR), made at the first stream and removed with
 * everything in it when the process exits, whether the run ends well or not. Their bytes, written or read,
 * count as files read for heapTrim: merging runs makes garbage as reading a corpus does.
 */
export function fileSpill(): Spill {
  let dir: string | undefined;
  let made = 0;
  const folder = () => {
    if (dir) return dir;
    const made = mkdtempSync(join(tmpdir(), 'tifa-spill-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    return (dir = made);
  };
  return {
    create(): SpillStream {
      const at = folder();
      const path = join(at, `${made++}.bin`);
      let fd: number | undefined = openSync(path, 'w+');
      let written = 0;
      let readAt = 0;
      return {
        append(bytes) {
          try {
            for (let done = 0; done < bytes.length; ) done += writeSync(fd!, bytes, done, bytes.length - done, written + done);
          } catch (err) {
            throw writeFailed(at, err);
          }
          written += bytes.length;
          fileRead(bytes.length);
        },
        read(into) {
          const n = readSync(fd!, into, 0, into.length, readAt);
          readAt += n;
          fileRead(n);
          return n;
        },
        dispose() {
          if (fd === undefined) return;
          closeSync(fd);
          fd = undefined;
          unlinkSync(path);
        },
      };
    },
  };
}
