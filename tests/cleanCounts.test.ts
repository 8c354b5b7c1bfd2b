import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenClassOf } from '../src/analysis/tokenClasses.js';
import { wordFilter } from '../src/analysis/tokenFilter.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { simplifiedSameLength } from '../src/corpus/simplified.js';
import { readDocument } from '../src/corpus/readCorpus.js';
import { tifa } from './cli.js';

describe('token classes', () => {
  it('numbers: Arabic and full-width digits, amounts, Chinese numerals and written-out years', () => {
    for (const w of ['0', '1956', '10.9', '80%', '３', '一九五八年', '一九八', '一', '两']) expect(tokenClassOf(w), w).toBe('numbers');
  });
  it('latin: letters without a Chinese character', () => {
    for (const w of ['GDP', 'WTO', 'Ｇ２０', '5G', 'e-government']) expect(tokenClassOf(w), w).toBe('latin');
  });
  it('leaves words alone, numbers inside words too', () => {
    for (const w of ['发展', '第六个', '六五', '亿元', '十四五', '一是', 'GDP增长']) expect(tokenClassOf(w), w).toBeUndefined();
  });
  it('--drop numbers,latin in the word filter', () => {
    const keep = wordFilter({ drop: ['numbers', 'latin'] });
    expect(['发展', '1956', 'GDP', '。', '改革'].filter((w) => keep(w, undefined))).toEqual(['发展', '改革']);
    const numbersOnly = wordFilter({ drop: ['numbers'] });
    expect(['1956', 'GDP'].filter((w) => numbersOnly(w, undefined))).toEqual(['GDP']);
  });
});

describe('--to-simplified', () => {
  it('converts without changing the length, so offsets still point at the original', () => {
    const text = '我們的國家爲人民服務';
    expect(simplifiedSameLength(text)).toBe('我们的国家为人民服务');
    expect(simplifiedSameLength(text)).toHaveLength(text.length);
  });
  it('documents are read in simplified characters, their origin maps unchanged: 國家 and 国家 are one term', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-t2s-'));
    const file = join(dir, 'old.txt');
    writeFileSync(file, '標題\n建設國家');
    const doc = readDocument(file, { toSimplified: true });
    expect(doc.text).toBe('标题\n建设国家');
    expect(doc.origin.locate(doc.text.indexOf('国家'))).toEqual({ line: 2, column: 3 });
    expect(createSegmenter().cut(doc.text).map((t) => t.text)).toEqual(['标题', '\n', '建设', '国家']);
  });
});

describe('cleaner counts (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-clean-'));
  writeFileSync(join(dir, 'a.txt'), '一是發展經濟。二是1956年GDP增长。經濟发展。');

  it('--content-words drops enumerators, numbers and Latin; --to-simplified merges 經濟 and 经济, cached or not', () => {
    for (const cache of [['--no-cache'], [], []]) {
      const run = tifa(['freq', dir, '--content-words', '--to-simplified', '--format', 'csv', ...cache]);
      expect(run.code).toBe(0);
      const terms = run.stdout.trim().split(/\r?\n/).slice(1).map((l) => l.split(',').slice(0, 2).join(' '));
      expect(terms).toEqual(['发展 2', '经济 2', '增长 1']);
    }
    // Without it, the traditional forms are terms of their own, also after a cached simplified run.
    expect(tifa(['freq', dir, '--terms', '經濟', '--format', 'csv']).stdout).toContain('經濟,2,');
    const cooc = tifa(['keywords', dir, '--to-simplified', '--format', 'csv']);
    expect(cooc.stdout).not.toMatch(/經濟|發展/);
  });

  it('a table read by a person says what the options left out; data formats stay data', () => {
    const md = tifa(['freq', dir, '--drop', 'numbers', '--to-simplified', '--format', 'md']);
    expect(md.stdout.trimEnd().split('\n').pop()).toBe('note: traditional characters counted as simplified (--to-simplified); numbers not counted.');
    const csv = tifa(['freq', dir, '--drop', 'numbers', '--to-simplified', '--format', 'csv']);
    expect(csv.stdout).not.toContain('note');
    expect(tifa(['freq', dir, '--format', 'md']).stdout).not.toContain('note');
  });

  it('rejects an unknown class with exit 2', () => {
    const run = tifa(['freq', dir, '--drop', 'numbers,emoji']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tifa: .*unknown class "emoji"; classes: numbers, latin/);
  });
});
