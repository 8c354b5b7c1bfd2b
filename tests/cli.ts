import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/tifa.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEED = fileURLToPath(new URL('../../shared/seed/000_5ccb20f332228bcb.txt', import.meta.url));
export const GOV_REPORTS = fileURLToPath(new URL('../../shared/corpora/gov-work-reports', import.meta.url));

/** CLI runs of the tests cache tokens in a folder of their own, never in the user's cache. */
const CACHE_DIR = mkdtempSync(join(tmpdir(), 'tifa-test-cache-'));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real binary (built by `npm test` before vitest starts), without colour. */
export function tifa(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TIFA_CACHE_DIR: CACHE_DIR, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
