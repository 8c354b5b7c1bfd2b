import { chmodSync, existsSync, linkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/** What a failed write's error code means for the user. */
const WRITE_PROBLEMS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
};

/**
 * Runs a synchronous write with Ctrl-C held off. Everywhere else Ctrl-C keeps its default and ends tifa at
 * once, which is safe because results are written only at the end. While a SIGINT listener exists Node
 * catches the signal instead of dying, and as the write is synchronous no listener can run before it is done;
 * removing the listener then drops a Ctrl-C that came meanwhile, so the run finishes with a complete file.
 */
function withCtrlCHeld(write: () => void): void {
  const hold = () => {};
  process.on('SIGINT', hold);
  try {
    write();
  } finally {
    process.off('SIGINT', hold);
  }
}

/**
 * Refuses a target that cannot be written: a folder, or an existing file without --force. Commands check
 * --output before they start (a long run should not end in this error) and again when they write.
 */
export function checkOutputTarget(file: string, force: boolean): void {
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new UsageError(`cannot write ${file}: it is a folder; give a file name`);
  }
  if (!force && existsSync(file)) {
    throw new UsageError(`${file} exists; pass --force to overwrite it`);
  }
}

/**
 * Writes `content` to `file` atomically: a temporary file in the same folder, then a rename, so that a
 * crash or Ctrl-C never leaves a half-written result. An existing file is replaced only with `force`.
 */
export function writeFileAtomic(file: string, content: string | Buffer, force: boolean): void {
  checkOutputTarget(file, force);
  // Replacing a file keeps what was set up around it: a symbolic link stays a link (the file it points to is
  // replaced) and the file keeps its permissions.
  const replacing = force && existsSync(file);
  const target = replacing ? realpathSync(file) : file;
  const mode = replacing ? statSync(target).mode & 0o7777 : undefined;
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    withCtrlCHeld(() => {
      writeFileSync(tmp, content);
      if (mode !== undefined) chmodSync(tmp, mode);
      if (force) renameSync(tmp, target);
      else {
        // link fails if the file appeared since the check above: never replace what we were not asked to.
        linkSync(tmp, file);
        rmSync(tmp);
      }
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      rmSync(tmp, { force: true });
      throw new UsageError(`${file} exists; pass --force to overwrite it`);
    }
    // A temporary file in a folder that does not exist was never made, and rmSync would fail on the path.
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const problem = WRITE_PROBLEMS[code] ? `${WRITE_PROBLEMS[code]} (${code})` : (err as Error).message;
    throw new UsageError(`cannot write ${file}: ${problem}; choose another path`);
  }
}

export interface OutputTarget {
  output?: string;
  force?: boolean;
}

/** Data goes to --output (atomically) or to stdout; never mixed with messages, which go to stderr. */
export function emit(content: string, target: OutputTarget): void {
  if (target.output) writeFileAtomic(target.output, content, Boolean(target.force));
  else process.stdout.write(content);
}
