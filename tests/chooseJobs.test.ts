import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseJobs } from '../src/pipeline/countFiles.js';

describe('chooseJobs', () => {
  // Two files of 3 MB each (sparse: only their size is read), 6 MB in all.
  const dir = mkdtempSync(join(tmpdir(), 'tifa-jobs-'));
  const files = ['a.txt', 'b.txt'].map((name) => {
    const file = join(dir, name);
    writeFileSync(file, '');
    truncateSync(file, 3 * 1024 * 1024);
    return file;
  });
  const MB = 1024 * 1024;

  it('takes a worker per core (no more than the files) from 4 MB on, or from the threshold it is given', () => {
    expect(chooseJobs(files, {}, undefined)).toBe(Math.min(availableParallelism(), 2));
    expect(chooseJobs(files.slice(0, 1), {}, undefined)).toBe(1);
    // themes' tagging pool starts at 8 MB (collectSloganFiles).
    expect(chooseJobs(files, {}, undefined, 8 * MB)).toBe(1);
    expect(chooseJobs(files, {}, undefined, 6 * MB)).toBe(Math.min(availableParallelism(), 2));
  });

  it('gives --jobs as asked, no more than the files, and one thread where positions are kept', () => {
    expect(chooseJobs(files, {}, 5)).toBe(2);
    expect(chooseJobs(files, {}, 1, 8 * MB)).toBe(1);
    expect(chooseJobs(files, { keepPositions: true }, 2)).toBe(1);
  });
});
