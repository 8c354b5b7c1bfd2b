import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { STANDARD_FIELDS } from '../src/corpus/document.js';
import { tifa } from './cli.js';

/**
 * Field names are data. Random front-matter keys, with JavaScript's built-in names and tifa's computed column
 * names mixed in, go through `corpus` and `freq --by` to CSV and JSON; every value must come out under its own
 * field, and the counts must be the hand-countable ones of two one-word documents.
 */
const dir = mkdtempSync(join(tmpdir(), 'tifa-fields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TRAPS = ['constructor', '__proto__', 'tostring', 'valueof', 'hasownproperty', 'prototype', 'chars', 'tokens', 'total', 'term', 'docfreq', 'per10k'];
/** Front matter keys are a-z, 0-9 and _; standard fields and the derived year/decade behave differently on purpose. */
const fieldName = fc
  .oneof(fc.constantFrom(...TRAPS), fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/))
  .filter((f) => !(STANDARD_FIELDS as readonly string[]).includes(f) && f !== 'year' && f !== 'decade' && f !== 'source_lines');
/** Two different group values (Han, so never a column name of tifa's). */
const values = fc.uniqueArray(fc.constantFrom('甲', '乙', '丙', '丁', '黄山', '宜昌'), { minLength: 2, maxLength: 2 });

let run = 0;
function corpusWith(field: string, [first, second]: string[]): string {
  const folder = join(dir, String(run++));
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), `---\n${field}: ${first}\n---\n推进。\n`);
  writeFileSync(join(folder, 'b.txt'), `---\n${field}: ${second}\n---\n提升。\n`);
  return folder;
}

describe('random field names through corpus → freq → csv/json', () => {
  it('every value stays under its field; computed columns step aside', () => {
    fc.assert(
      fc.property(fieldName, values, (field, [first, second]) => {
        const folder = corpusWith(field, [first, second]);
        const corpusJson = tifa(['corpus', '-f', 'json', folder]);
        expect(corpusJson.stderr).toBe('');
        const docs = JSON.parse(corpusJson.stdout) as Array<Record<string, unknown>>;
        expect(docs.map((d) => [d.id, Object.hasOwn(d, field) ? d[field] : undefined])).toEqual([['a', first], ['b', second]]);
        // Each document is one word and 。: 3 characters (punctuation counts, whitespace does not) and 1 word token.
        const sizes = docs.map((d) => Object.entries(d).filter(([k]) => /^(chars|tokens)_*$/.test(k) && typeof d[k] === 'number'));
        expect(sizes.map((s) => s.map(([, v]) => v))).toEqual([[3, 1], [3, 1]]);

        // Rows as arrays: a parser's record objects would themselves drop a __proto__ column.
        const [header, ...csv] = parse(tifa(['corpus', '-f', 'csv', folder]).stdout, { bom: true }) as string[][];
        expect(header.filter((c) => c === field)).toHaveLength(1);
        expect(csv.map((r) => r[header.indexOf(field)])).toEqual([first, second]);

        const freq = tifa(['freq', '--by', field, '-f', 'json', '--terms', '推进,提升', folder]);
        expect(freq.stderr).toBe('');
        const rows = JSON.parse(freq.stdout) as Array<Record<string, unknown>>;
        const byTerm = Object.fromEntries(rows.map((r) => [r.term, [r[first], r[second]]]));
        expect(byTerm).toEqual({ 推进: [1, 0], 提升: [0, 1] });
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
