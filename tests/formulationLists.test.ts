import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The hand-made formulation lists that bench/formulationsDev.mjs and bench/formulationsHeldout.mjs score against
// (issue 16). A list that breaks its own definition, or a verdict that contradicts it, would move the measured
// recall and precision without anyone noticing, so each fixture is checked here as data.
const FIXTURES = ['formulations-dev', 'formulations-heldout', 'formulations-heldout2', 'formulations-heldout3', 'formulations-heldout4', 'formulations-heldout5'];
const HELD_OUT = FIXTURES.slice(1);

/** Header and rows of a fixture TSV; lines starting with # are comments. */
function table(fixture: string, file: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(new URL(`fixtures/${fixture}/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
  return { header: lines[0].split('\t'), rows: lines.slice(1).map((l) => l.split('\t')) };
}

/** The scorer's normal form (bench/formulationsScore.mjs): enumeration commas, quotes and spaces do not count. */
const norm = (s: string): string => s.replace(/[、，,“”"'‘’\s·]/g, '').replace(/＋/g, '+');

describe.each(FIXTURES)('%s', (fixture) => {
  it('list.tsv: text, formulation, uses, quoted; each row recurring by the header definition; no duplicates', () => {
    const { header, rows } = table(fixture, 'list.tsv');
    expect(header).toEqual(['text', 'formulation', 'uses', 'quoted']);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row, row.join(' ')).toHaveLength(4);
      const [, form, uses, quoted] = row;
      expect(uses, row.join(' ')).toMatch(/^\d+$/);
      expect(quoted, row.join(' ')).toMatch(/^\d+$/);
      // recurring: quoted whole at least once, or used twice outside a longer listed form (1–2 characters: quoted only)
      expect(Number(quoted) >= 1 || ([...form].length > 2 && Number(uses) >= 2), row.join(' ')).toBe(true);
    }
    const keys = rows.map(([text, form]) => `${text}\t${norm(form)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('verdicts.tsv: term, verdict (yes|no), a reason; one verdict per term; no "no" for a listed formulation', () => {
    const { header, rows } = table(fixture, 'verdicts.tsv');
    expect(header).toEqual(['term', 'verdict', 'reason']);
    for (const row of rows) {
      expect(row, row.join(' ')).toHaveLength(3);
      expect(['yes', 'no'], row.join(' ')).toContain(row[1]);
      expect(row[2].trim(), row.join(' ')).not.toBe('');
    }
    const terms = rows.map(([term]) => norm(term));
    expect(new Set(terms).size).toBe(terms.length);
    const listed = new Set(table(fixture, 'list.tsv').rows.map(([, form]) => norm(form)));
    expect(rows.filter(([term, verdict]) => verdict === 'no' && listed.has(norm(term))).map(([term]) => term)).toEqual([]);
  });
});

describe.each(HELD_OUT)('%s sources', (fixture) => {
  it('sources.tsv names a PDF, web page, Word file or plain-text report under ../shared/corpora/ for every listed text', () => {
    expect(existsSync(new URL(`fixtures/${fixture}/README.md`, import.meta.url))).toBe(true);
    const { header, rows } = table(fixture, 'sources.tsv');
    expect(header).toEqual(['text', 'source']);
    const sources = new Map(rows.map(([text, source]) => [text, source]));
    for (const source of sources.values()) expect(source).toMatch(/^((pdf|web-pages|docx)\/[^/]+\.(pdf|html|docx)|gov-work-reports\/[^/]+\.txt)$/);
    const texts = new Set(table(fixture, 'list.tsv').rows.map(([text]) => text));
    expect([...texts].filter((t) => !sources.has(t))).toEqual([]);
  });
});

// all.tsv: every formulation of texts that state most of them once (laws), the second recall of a held-out list.
describe.each(HELD_OUT.filter((f) => existsSync(new URL(`fixtures/${f}/all.tsv`, import.meta.url))))('%s all.tsv', (fixture) => {
  it('has the columns of list.tsv, every row found at least once, and holds every row of list.tsv', () => {
    const { header, rows } = table(fixture, 'all.tsv');
    expect(header).toEqual(['text', 'formulation', 'uses', 'quoted']);
    for (const row of rows) {
      expect(row, row.join(' ')).toHaveLength(4);
      expect(Number(row[2]) + Number(row[3]), row.join(' ')).toBeGreaterThanOrEqual(1);
    }
    const all = new Set(rows.map(([text, form]) => `${text}\t${norm(form)}`));
    expect(all.size).toBe(rows.length);
    const missing = table(fixture, 'list.tsv').rows.filter(([text, form]) => !all.has(`${text}\t${norm(form)}`));
    expect(missing).toEqual([]);
  });
});
