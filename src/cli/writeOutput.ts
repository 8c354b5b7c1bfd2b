import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  linkSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TifaError, UsageError } from '../errors.js';

/** What a failed write's error code means for the user. */
const WRITE_PROBLEMS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  ENXIO: 'nothing is reading from it',
};

/** Why a write failed, in words: `no space left on the disk (ENOSPC)`. */
export function writeReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return WRITE_PROBLEMS[code] ? `${WRITE_PROBLEMS[code]} (${code})` : (err as Error).message;
}

/** `cannot write out.tsv: no space left on the disk (ENOSPC)`. */
export function writeProblem(what: string, err: unknown): string {
  return `cannot write ${what}: ${writeReason(err)}`;
}

/**
 * Runs a synchronous write with Ctrl-C held off. Everywhere else Ctrl-C keeps its default and ends tifa at
 * once, which is safe because results are written only at the end. While a SIGINT listener exists Node
 * catches the signal instead of dying, and as the write is synchronous no listener can run before it is done;
 * removing the listener then drops a Ctrl-C that came meanwhile, so the run finishes with a complete file.
 */
export function withCtrlCHeld<T>(write: () => T): T {
  const hold = () => {};
  process.on('SIGINT', hold);
  try {
    return write();
  } finally {
    process.off('SIGINT', hold);
  }
}

/** What is written: the whole text, or its chunks as they are made (a paged table). */
export type Content = string | Buffer | Iterable<string>;

/** Writes content at a descriptor's position, chunk by chunk. */
function writeAll(fd: number, content: Content): void {
  if (typeof content === 'string' || Buffer.isBuffer(content)) writeFileSync(fd, content);
  else for (const chunk of content) writeFileSync(fd, chunk);
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes `content` into a new temporary file beside `target` and returns its path. The name is random and the
 * file is created exclusively (O_EXCL), so a file or symbolic link planted in the folder is never written
 * through. A replaced file's permissions, owner and group (`like`) carry over.
 */
function writeTemp(target: string, content: Content, like?: Stats): string {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o666);
  try {
    writeAll(fd, content);
    if (like) {
      fchmodSync(fd, like.mode & 0o7777);
      // Giving a file to another owner needs root; anyone else's save makes the file theirs, as an editor's does.
      if (like.uid !== process.getuid?.() || like.gid !== process.getgid?.()) {
        try {
          fchownSync(fd, like.uid, like.gid);
        } catch {
          /* not permitted: kept as the writer's */
        }
      }
    }
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/** A FIFO or a character device (`/dev/stdout` into a pipe, `/dev/null`) is written into, never replaced. */
function writeInto(file: string, content: Content, stat: Stats): void {
  if (!stat.isFIFO() && !stat.isCharacterDevice()) {
    const kind = stat.isBlockDevice() ? 'a block device' : stat.isSocket() ? 'a socket' : 'not a regular file';
    throw new UsageError(`cannot write ${file}: it is ${kind}; give a file name`);
  }
  try {
    withCtrlCHeld(() => {
      const fd = openSync(file, 'w');
      try {
        writeAll(fd, content);
      } finally {
        closeSync(fd);
      }
    });
  } catch (err) {
    throw new UsageError(writeProblem(file, err));
  }
}

/**
 * Refuses a target that cannot be written: a folder, or an existing file without --force (a FIFO or device
 * is written into, so it needs none). Commands check --output before they start (a long run should not end
 * in this error); writeFileAtomic checks again when it writes.
 */
export function checkOutputTarget(file: string, force: boolean): void {
  const existing = statOf(file);
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${file}: it is a folder; give a file name`);
  if (existing?.isFile() && !force) throw new UsageError(`${file} exists; pass --force to overwrite it`);
}

/**
 * Writes `content` to `file` atomically: a temporary file in the same folder, then a rename, so that a
 * crash or Ctrl-C never leaves a half-written result. An existing file is replaced only with `force`;
 * a FIFO or device is written into directly.
 */
export function writeFileAtomic(file: string, content: Content, force: boolean): void {
  const existing = statOf(file);
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${file}: it is a folder; give a file name`);
  if (existing && !existing.isFile()) return writeInto(file, content, existing);
  if (existing && !force) throw new UsageError(`${file} exists; pass --force to overwrite it`);
  // Replacing a file keeps what was set up around it: a symbolic link stays a link (the file it points to is
  // replaced) and the file keeps its permissions, owner and group.
  const target = existing ? realpathSync(file) : file;
  let tmp: string | undefined;
  try {
    withCtrlCHeld(() => {
      tmp = writeTemp(target, content, existing);
      if (existing) renameSync(tmp, target);
      else {
        // link fails if the file appeared since the check above: never replace what we were not asked to.
        linkSync(tmp, file);
        rmSync(tmp);
      }
    });
  } catch (err) {
    if (tmp !== undefined) rmSync(tmp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${file} exists; pass --force to overwrite it`);
    throw new UsageError(`${writeProblem(file, err)}; choose another path`);
  }
}

/**
 * Replaces a file we read earlier (`lint --fix`) with new bytes, unless it changed since: another program's
 * edits are never lost. The comparison is made last, just before the rename, leaving a window of one system
 * call. Read-only files are left alone unless `force`.
 */
export function replaceReadFile(file: string, original: Buffer, content: Buffer, force: boolean): void {
  const target = realpathSync(file);
  const stat = statSync(target);
  if (!force && (stat.mode & 0o222) === 0) throw new UsageError(`${file} is read-only; not fixed (pass --force to fix it anyway)`);
  let tmp: string | undefined;
  try {
    withCtrlCHeld(() => {
      tmp = writeTemp(target, content, stat);
      if (!readFileSync(target).equals(original)) {
        throw new UsageError(`${file} changed while tifa was working on it; not fixed, run lint --fix again`);
      }
      renameSync(tmp, target);
    });
  } catch (err) {
    if (tmp !== undefined) rmSync(tmp, { force: true });
    // A streamed table meets a bad input file while it is written: that is the error to report, not the write.
    if (err instanceof TifaError) throw err;
    throw new UsageError(writeProblem(file, err));
  }
}

/**
 * Data for stdout. Redirected to a file or device it is written with a loop of synchronous writes that sees
 * every error: Node's own stream drops the remainder of a short write, so a full disk ended in exit 0 with a
 * truncated file. Terminals and pipes keep Node's stream, whose errors main() reports.
 */
function writeStdout(content: string | Iterable<string>): void {
  const stat = fstatSync(1);
  if (!stat.isFile() && !(stat.isCharacterDevice() && !process.stdout.isTTY)) {
    // Node's stream writes a pipe asynchronously: when the reader is slower, every chunk not yet taken waits in
    // memory (a 2.2M-row cooc table through `| cat` held 1.2 GB against 0.55 GB into a file). Made blocking, as
    // Node makes a terminal's, each write returns once the pipe has taken it, so memory stays one chunk.
    (process.stdout as unknown as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle?.setBlocking?.(true);
    if (typeof content === 'string') process.stdout.write(content);
    else for (const chunk of content) process.stdout.write(chunk);
    return;
  }
  try {
    writeAll(1, content);
  } catch (err) {
    if (err instanceof TifaError) throw err;
    throw new UsageError(writeProblem('to standard output', err));
  }
}

export interface OutputTarget {
  output?: string;
  force?: boolean;
}

/** Data goes to --output (atomically) or to stdout; never mixed with messages, which go to stderr. */
export function emit(content: string | Iterable<string>, target: OutputTarget = {}): void {
  if (target.output) writeFileAtomic(target.output, content, Boolean(target.force));
  else writeStdout(content);
}
