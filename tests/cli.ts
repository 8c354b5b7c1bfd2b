import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/tifa.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The page text the bundled corpus was imported from (outside corpus/, so that no command reads it as a document). */
export const SEED = fileURLToPath(new URL('../seed/000_5ccb20f332228bcb.txt', import.meta.url));
export const GOV_REPORTS = fileURLToPath(new URL('../../shared/corpora/gov-work-reports', import.meta.url));
/** The government work reports beside the project (as on CI); tests on them are skipped, visibly, without. */
export const HAS_REPORTS = existsSync(GOV_REPORTS);

/** nodejieba is an optional dependency: tests of that backend are skipped, visibly, where it is not installed. */
export const HAS_NODEJIEBA = (() => {
  try {
    createRequire(import.meta.url).resolve('nodejieba');
    return true;
  } catch {
    return false;
  }
})();
/** NODE_OPTIONS for a run of tifa that cannot find nodejieba, as after `npm install --omit=optional`. */
export const WITHOUT_NODEJIEBA = `--require ${fileURLToPath(new URL('./fixtures/without-nodejieba.cjs', import.meta.url))}`;

/** CLI runs of the tests cache tokens in a folder of their own, never in the user's cache. */
const CACHE_DIR = mkdtempSync(join(tmpdir(), 'tifa-test-cache-'));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real binary (built by `npm test` before vitest starts), without colour. */
export function tifa(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TIFA_CACHE_DIR: CACHE_DIR, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
