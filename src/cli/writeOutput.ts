import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

const pendingTemps = new Set<string>();

/** Removes half-written temporary files when the user interrupts a run, so nothing partial is left behind. */
export function cleanUpTemps(): void {
  for (const tmp of pendingTemps) rmSync(tmp, { force: true });
  pendingTemps.clear();
}

/**
 * Writes `content` to `file` atomically: a temporary file in the same folder, then a rename, so that a
 * crash or Ctrl-C never leaves a half-written result. An existing file is replaced only with `force`.
 */
export function writeFileAtomic(file: string, content: string | Buffer, force: boolean): void {
  if (!force && existsSync(file)) {
    throw new UsageError(`${file} exists; pass --force to overwrite it`);
  }
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  pendingTemps.add(tmp);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot write ${file} (${code || (err as Error).message}); choose a writable --output path`);
  } finally {
    pendingTemps.delete(tmp);
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
