import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countCollocates } from '../src/analysis/collocates.js';
import { concordance } from '../src/analysis/concordance.js';
import { countCooccurrence } from '../src/analysis/cooccurrence.js';
import { countCorpus } from '../src/analysis/countCorpus.js';
import { documentTerms, groupDocuments } from '../src/analysis/documentTerms.js';
import { frequencyTable } from '../src/analysis/frequencyTable.js';
import { checkGrouping, GroupIndex } from '../src/analysis/groups.js';
import { searchPattern } from '../src/analysis/kwic.js';
import { mergeGroupedCounts } from '../src/analysis/mergeFrequency.js';
import { countTrend } from '../src/analysis/trend.js';
import { UsageError } from '../src/errors.js';
import type { LexiconEntry } from '../src/lexicon/lexicon.js';
import { collectSlogans } from '../src/slogans/collectSlogans.js';
import { sloganTable } from '../src/slogans/sloganTable.js';
import { themeTable } from '../src/slogans/themeTable.js';
import { tifa } from './cli.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

const lexicon: LexiconEntry[] = [{ canonical: '枫桥经验', variants: [], theme: '基层治理', expansion: [], note: '' }];

// Three documents of 2002 and 2001 read in that order, one without a year: every grouped count has the groups
// 2002, 2001 (order of first appearance) and leaves out n1.
const docs = [
  fakeDoc('a', { year: '2002' }, '坚持 枫桥经验 。 改革'),
  fakeDoc('n1', { city: '甲' }, '枫桥经验'),
  fakeDoc('b', { year: '2001' }, '枫桥经验 改革'),
  fakeDoc('c', { year: '2002' }, '改革 。 枫桥经验'),
];

describe('one grouping contract: every grouped count returns its groups and its left-out documents', () => {
  const counts = {
    countCorpus: countCorpus(docs, spaceSegmenter, { field: 'year' }),
    collectSlogans: collectSlogans(docs, spaceSegmenter, { field: 'year', lexicon }),
    countCooccurrence: countCooccurrence(docs, spaceSegmenter, { field: 'year', unit: { kind: 'sentence', window: 5 }, terms: { kind: 'words' } }),
    countCollocates: countCollocates(docs, spaceSegmenter, { node: '枫桥经验', left: 1, right: 1, field: 'year' }),
    groupDocuments: groupDocuments(documentTerms(docs, spaceSegmenter, {}), 'year'),
    concordance: concordance(docs, spaceSegmenter, { pattern: searchPattern('枫桥经验'), width: 2, field: 'year' }),
  };
  for (const [name, grouping] of Object.entries(counts)) {
    it(`${name}: groups 2002, 2001 and n1 left out`, () => {
      expect(grouping.groups).toEqual(['2002', '2001']);
      expect(grouping.leftOut.map((d) => d.id)).toEqual(['n1']);
    });
  }
  it('countTrend: the same documents left out, values in time order', () => {
    const trend = countTrend(docs, ['改革'], 'year');
    expect(trend.values).toEqual(['2001', '2002']);
    expect(trend.leftOut!.map((d) => d.id)).toEqual(['n1']);
  });
  it('merged shards keep both shards’ left-out documents and number groups in order of first appearance', () => {
    const first = countCorpus(docs.slice(0, 2), spaceSegmenter, { field: 'year' });
    const second = countCorpus(docs.slice(2), spaceSegmenter, { field: 'year' });
    const merged = mergeGroupedCounts([first, second]);
    expect(merged.groups).toEqual(['2002', '2001']);
    expect(merged.leftOut.map((d) => d.id)).toEqual(['n1']);
    expect(merged.tokens).toEqual(counts.countCorpus.tokens);
  });
  it('the concordance groups its lines by value in reading order: 2002 (a, c), then 2001 (b)', () => {
    expect(counts.concordance.table.rows.map((r) => [r.year, r.doc])).toEqual([['2002', 'a'], ['2002', 'c'], ['2001', 'b']]);
  });
});

describe('a field no document has', () => {
  it('is one error, raised by checkGrouping, naming the fields present', () => {
    const counts = countCorpus(docs, spaceSegmenter, { field: 'yaer' });
    expect(counts.groups).toEqual([]);
    expect(() => checkGrouping(counts)).toThrow(UsageError);
    expect(() => checkGrouping(counts)).toThrow('no document has the field "yaer"; fields present: city, id, year');
  });
  it('is no error when some document has it, or nothing is grouped', () => {
    expect(() => checkGrouping(countCorpus(docs, spaceSegmenter, { field: 'year' }))).not.toThrow();
    expect(() => checkGrouping(countCorpus(docs, spaceSegmenter))).not.toThrow();
  });
  it('GroupIndex notes left-out documents as they come', () => {
    const index = new GroupIndex('year');
    expect(docs.map((d) => index.groupOf(d))).toEqual([0, undefined, 1, 0]);
    expect(index.leftOut.map((d) => d.id)).toEqual(['n1']);
  });
});

describe('group values named like computed columns keep their name; the computed column steps aside', () => {
  const clash = [fakeDoc('t', { city: 'total' }, '枫桥经验 枫桥经验'), fakeDoc('m', { city: 'theme' }, '枫桥经验')];
  it('slogans: the city called total has column total, the uses of all cities total_', () => {
    const table = sloganTable(collectSlogans(clash, spaceSegmenter, { field: 'city', lexicon }));
    expect(table.columns.slice(0, 4)).toEqual(['term', 'total_', 'total', 'theme']);
    expect(table.rows[0]).toMatchObject({ term: '枫桥经验', total_: 3, total: 2, theme: 1, theme_: '基层治理' });
  });
  it('themes: the city called theme keeps its column, the theme name goes to theme_', () => {
    const table = themeTable(collectSlogans(clash, spaceSegmenter, { field: 'city', lexicon }));
    expect(table.columns.slice(0, 3)).toEqual(['theme_', 'total_', 'total']);
    expect(table.rows.find((r) => r.theme_ === '基层治理')).toMatchObject({ total_: 3, total: 2, theme: 1 });
  });
  it('freq --long gives the group value itself (total), not a renamed label', () => {
    const counts = countCorpus(clash, spaceSegmenter, { field: 'city' });
    expect(frequencyTable(counts).long!.groups).toEqual(['total', 'theme']);
  });
  it('kwic --by line: the field keeps its name, the line number goes to line_', () => {
    const table = concordance([fakeDoc('d', { line: '七' }, '甲 枫桥经验')], spaceSegmenter, { pattern: searchPattern('枫桥经验'), width: 1, field: 'line' }).table;
    expect(table.columns).toEqual(['line', 'doc', 'line_', 'column', 'left', 'match', 'right']);
    expect(table.rows[0]).toMatchObject({ line: '七', doc: 'd', line_: 1, column: 3, left: ' ', match: '枫桥经验' });
  });
});

describe('the CLI says the same about left-out documents for every grouped command', () => {
  it('one note on stderr from freq, slogans, cooc, kwic and trend alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-groups-'));
    writeFileSync(join(dir, 'gwr_2001.txt'), '坚持枫桥经验。');
    writeFileSync(join(dir, 'gwr_2002.txt'), '发展枫桥经验。');
    writeFileSync(join(dir, 'other.txt'), '枫桥经验。');
    const by = ['--by', 'year', '--meta-from-name', 'gwr_{year}', '--no-cache'];
    for (const args of [['freq'], ['slogans'], ['cooc'], ['kwic', '枫桥经验'], ['trend', '枫桥经验']]) {
      const run = tifa([...args, dir, ...by]);
      expect(run.code, args[0]).toBe(0);
      expect(run.stderr, args[0]).toContain('1 document(s) without "year" left out: other');
    }
  });
});
