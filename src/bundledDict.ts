import { fileURLToPath } from 'node:url';

// src/ and dist/ both sit one level below the project root, so one relative URL serves both.
const BUNDLED_DIR = new URL('../dict/', import.meta.url);

/** Path of a file shipped in the project's dict/ folder. */
export function bundledDictPath(name: string): string {
  return fileURLToPath(new URL(name, BUNDLED_DIR));
}
