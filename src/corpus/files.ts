import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { CORPUS_EXTENSIONS } from './formats.js';
import { STDIN } from './stdin.js';

/** Files that describe a corpus folder rather than belong to it. */
const DOCUMENTATION_FILES = /^(README|LICENSE|SOURCES|CHANGELOG|NOTICE)(\.(txt|md|text))?$/i;

/** The bundled corpus, found relative to this module so that tifa works from any folder. */
export function bundledCorpusPath(): string {
  return fileURLToPath(new URL('../../corpus/', import.meta.url));
}

/** What a directory entry is, following a symbolic link: a dangling link (its target gone) is nothing to read. */
function kindOf(entry: Dirent, full: string): 'folder' | 'file' | 'dangling' {
  if (entry.isDirectory()) return 'folder';
  if (!entry.isSymbolicLink()) return 'file';
  const target = statSync(full, { throwIfNoEntry: false });
  if (!target) return 'dangling';
  return target.isDirectory() ? 'folder' : 'file';
}

/**
 * Collects the text files under `dir`. Folders reached through symbolic links are followed; `seen` holds the
 * real path of every folder walked, so a link back up the tree (a loop) or a second link to the same folder
 * does not count its files again.
 */
function walk(dir: string, out: string[], seen: Set<string>): void {
  const real = realpathSync(dir);
  if (seen.has(real)) return;
  seen.add(real);
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    const kind = kindOf(entry, full);
    if (kind === 'folder') walk(full, out, seen);
    // A link left behind by a moved file holds no text: a folder walk passes it, as ls -L would show it gone.
    else if (kind === 'file' && CORPUS_EXTENSIONS.test(entry.name) && !DOCUMENTATION_FILES.test(entry.name)) out.push(full);
  }
}

/** Expands files and folders (recursively, sorted, text, web pages, PDF and Word files; README, LICENSE, SOURCES and the like skipped) into a list of files; `-` stands for standard input. */
export function listCorpusFiles(paths: string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (path === STDIN) {
      if (files.includes(STDIN)) throw new InputError('- (standard input) is given twice; it can be read once');
      files.push(path);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new InputError(`${path}: no such file or folder`);
    }
    if (!isDir) {
      files.push(path);
      continue;
    }
    const before = files.length;
    walk(path, files, seen);
    if (files.length === before) throw new InputError(`${path}: folder holds no .txt, .md, .html, .pdf or .docx files`);
  }
  return files;
}
