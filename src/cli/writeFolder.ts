import { existsSync, linkSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { withCtrlCHeld, writeProblem, writeReason } from './writeOutput.js';

export interface FolderFile {
  /** The file's name inside the folder. */
  name: string;
  content: string;
}

/** Creates `folder` and its parents; whether it was created (it did not exist before). */
function createFolder(folder: string): boolean {
  if (existsSync(folder)) return false;
  try {
    mkdirSync(folder, { recursive: true });
    return true;
  } catch (err) {
    // A recursive mkdir says ENOENT for every failure below an existing folder (a read-only disk among them);
    // one plain mkdir there gives the real reason.
    let reason = err;
    try {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && existsSync(dirname(folder))) mkdirSync(folder);
    } catch (plain) {
      reason = plain;
    }
    throw new UsageError(`cannot create the folder ${folder}: ${writeReason(reason)}; choose another folder`);
  }
}

/**
 * Writes several files into `folder` all or nothing: every file is first written into a hidden staging folder
 * beside them, and only when all are complete are they moved in (a rename, which cannot run out of space). A full
 * disk or Ctrl-C leaves the folder as it was; should a move fail, the message says which files are in place.
 * Existing files are replaced only with `force`.
 */
export function writeFilesTogether(folder: string, files: readonly FolderFile[], force: boolean): void {
  const created = createFolder(folder);
  withCtrlCHeld(() => {
    let staging: string;
    try {
      staging = mkdtempSync(join(folder, '.tifa-staging-'));
    } catch (err) {
      throw new UsageError(`${writeProblem(`into ${folder}`, err)}; choose another folder`);
    }
    const moved: string[] = [];
    let failed = folder;
    try {
      for (const file of files) {
        failed = join(folder, file.name);
        writeFileSync(join(staging, file.name), file.content, { flag: 'wx' });
      }
      for (const file of files) {
        const target = (failed = join(folder, file.name));
        // link fails if the file appeared meanwhile: without force nothing is replaced.
        if (force) renameSync(join(staging, file.name), target);
        else linkSync(join(staging, file.name), target);
        moved.push(target);
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const problem = code === 'EEXIST' ? `${failed} exists; pass --force to overwrite it` : writeProblem(failed, err);
      const state =
        moved.length === 0
          ? 'nothing was written'
          : `only the first ${moved.length} of ${files.length} files were written (up to ${basename(moved[moved.length - 1])})`;
      throw new UsageError(`${problem}; ${state}`);
    } finally {
      rmSync(staging, { recursive: true, force: true });
      // A folder made for files that never came is taken away again (it is empty).
      if (created && moved.length === 0) rmdirSync(folder);
    }
  });
}
