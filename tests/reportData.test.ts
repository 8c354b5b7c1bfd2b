import { describe, expect, it } from 'vitest';
import { forceLayout } from '../src/report/charts/forceLayout.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { dispersionTable, sloganPositions } from '../src/report/sloganPositions.js';
import {
  corpusGrouping,
  countReport,
  countSlogans,
  keyTermsTable,
  overviewTable,
  readGroupings,
  sloganDispersion,
  sloganNetwork,
  sloganRateTable,
  topSlogans,
  trendOfCorpus,
  type ReportCorpus,
} from '../src/report/analyses.js';
import { loadBundledLexicon } from '../src/lexicon/lexicon.js';
import type { Segmenter } from '../src/segment/token.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

describe('the report counts slogans as tifa slogans does', () => {
  // “山区共富” is quoted once in A and used twice unquoted in B: the corpus-wide quote pass counts all 3.
  const docs = [fakeDoc('A', { city: '甲' }, '推进 “ 山区 共富 ” 行动 。'), fakeDoc('B', { city: '乙' }, '山区 共富 成效 明显 ， 山区 共富 更进一步 。 无锡 模式 。')];
  const own = [{ canonical: '无锡模式', variants: [], theme: '改革创新', expansion: [], note: '', extra: {} }];

  it('counts a formulation quoted once at every use, in the table and in the dispersion plot', () => {
    const counts = countSlogans({ docs, segmenter: spaceSegmenter, field: 'city' });
    expect(counts.slogans.get('山区共富')).toMatchObject({ byGroup: [1, 2], quoted: 1, docs: 2 });
    const { positions } = sloganDispersion({ docs, segmenter: spaceSegmenter, field: 'city' }, ['山区共富']).positions.slogans[0];
    // word tokens: A = 推进 山区 共富 行动 (0–3); B starts at 4: 山区 共富 (4, 5) 成效 明显 山区 (8) …
    expect(positions).toEqual([1, 4, 8]);
  });

  it("uses the report's lexicon (--lexicon)", () => {
    expect(countSlogans({ docs, segmenter: spaceSegmenter, field: 'city' }).slogans.has('无锡模式')).toBe(false);
    const counts = countSlogans({ docs, segmenter: spaceSegmenter, field: 'city', lexicon: own });
    expect(counts.slogans.get('无锡模式')).toMatchObject({ byGroup: [0, 1], kind: 'lexicon' });
  });
});

describe('countReport: every section from one reading of the corpus', () => {
  // Three years and a document without one (left out of the grouped sections, not of the overview and dispersion).
  const texts = [
    ['2019', '坚持 枫桥经验 ， 推进 “ 山区 共富 ” 。 发展 经济 。'],
    ['2020', '发展 枫桥经验 两个确立 ， 山区 共富 。 发展 经济 。'],
    ['', '两个确立 两个确立 枫桥经验 。'],
    ['2021', '山区 共富 枫桥经验 两个确立 。 经济 发展 。 坚持 枫桥经验 。'],
  ];
  const docs = texts.map(([year, text], i) => fakeDoc(`d${i}`, year ? { year } : {}, text));
  /** The corpus, counting its readings and its cuts. */
  const counted = () => {
    const seen = { readings: 0, cuts: 0 };
    const segmenter: Segmenter = { ...spaceSegmenter, cut: (text, options) => (seen.cuts++, spaceSegmenter.cut(text, options)) };
    const corpus: ReportCorpus = { docs: { [Symbol.iterator]: () => (seen.readings++, docs[Symbol.iterator]()) }, segmenter, field: 'year' };
    const first = readGroupings(corpus.docs, ['year'], loadBundledLexicon(), segmenter);
    return { seen, corpus: { ...corpus, grouping: first.groupings.get('year'), quotes: first.quotes, named: first.named } };
  };
  const stopwords = new Set(['坚持']);

  it('gives what each analysis gives alone', () => {
    const { corpus } = counted();
    const report = countReport(corpus, { stopwords });
    const slogans = countSlogans(corpus);
    const chosen = topSlogans(slogans, 8);
    expect(report.slogans).toEqual(slogans);
    expect(report.grouping).toEqual(corpusGrouping({ ...corpus, grouping: undefined }));
    expect(report.overview).toEqual(overviewTable(corpus));
    expect(report.keyTerms).toEqual(keyTermsTable(corpus, stopwords));
    expect(report.network).toEqual(sloganNetwork(corpus));
    expect(report.dispersion).toEqual(sloganDispersion(corpus, chosen));
    expect(report.dispersion.positions.slogans.map((s) => s.term)).toContain('山区共富');
    expect(report.trend).toEqual(trendOfCorpus(corpus, chosen, {}, (year) => slogans.tokens[slogans.groups.indexOf(year)]));
    expect(report.trend!.rows.length).toBeGreaterThan(0);
  });

  it('reads the corpus once after the texts (twice for a trend of the most used slogans), and cuts each document twice at most', () => {
    for (const [slogans, readings] of [[['枫桥经验'], 2], [undefined, 3]] as const) {
      const { seen, corpus } = counted();
      // readGroupings is the first reading.
      expect(seen.readings).toBe(1);
      countReport(corpus, { stopwords, slogans: slogans && [...slogans] });
      expect(seen.readings, `--slogans ${slogans}`).toBe(readings);
      // Tagged (slogans, dispersion) and untagged (overview, key terms, network).
      expect(seen.cuts).toBe(2 * docs.length);
    }
  });
});

describe('sloganPositions', () => {
  // spaceSegmenter: word tokens A = 坚持 枫桥经验 推进 枫桥经验 (0–3), B = 发展 枫桥经验 两个确立 (4–6); 。 is no word.
  const docs = [fakeDoc('A', {}, '坚持 枫桥经验 。 推进 枫桥经验 。'), fakeDoc('B', {}, '发展 枫桥经验 两个确立 毒赌黄')];

  it('gives each use as the count of word tokens before it in the whole corpus', () => {
    const data = sloganPositions(docs, spaceSegmenter, ['枫桥经验', '两个确立', '毒赌黄']);
    expect(data.documents).toEqual([
      { id: 'A', start: 0, tokens: 4 },
      { id: 'B', start: 4, tokens: 4 },
    ]);
    expect(data.totalTokens).toBe(8);
    // A variant is asked for and counted under its canonical form.
    expect(data.slogans).toEqual([
      { term: '枫桥经验', positions: [1, 3, 5] },
      { term: '两个确立', positions: [6] },
      { term: '黄赌毒', positions: [7] },
    ]);
  });

  it("tabulates uses per document with Gries' DP over the documents", () => {
    const table = dispersionTable(sloganPositions(docs, spaceSegmenter, ['枫桥经验', '两个确立', '四个意识']));
    expect(table.columns).toEqual(['term', 'total', 'A', 'B', 'dp']);
    // 枫桥经验: v = (2/3, 1/3), s = (1/2, 1/2): DP = ½(1/6 + 1/6) = 1/6. 两个确立: v = (0, 1): DP = ½(1/2 + 1/2) = 1/2.
    expect(table.rows[0]).toMatchObject({ term: '枫桥经验', total: 3, A: 2, B: 1 });
    expect(table.rows[0].dp).toBeCloseTo(1 / 6, 12);
    expect(table.rows[1]).toMatchObject({ term: '两个确立', total: 1, A: 0, B: 1, dp: 0.5 });
    expect(table.rows[2]).toMatchObject({ term: '四个意识', total: 0, dp: NaN });
  });
});

describe('forceLayout', () => {
  const edges = [
    { source: 0, target: 1, weight: 2 },
    { source: 1, target: 2, weight: 1 },
    { source: 3, target: 4, weight: 1 },
  ];
  const frame = { width: 800, height: 600 };

  it('fills the frame end to end, the same way on every run', () => {
    const positions = forceLayout(5, edges, frame);
    const xs = positions.map((p) => p[0]);
    const ys = positions.map((p) => p[1]);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([0, 800, 0, 600]);
    expect(forceLayout(5, edges, frame)).toEqual(positions);
  });

  it('puts linked nodes nearer each other than unlinked ones', () => {
    const p = forceLayout(5, edges, frame);
    const distance = (a: number, b: number) => Math.hypot(p[a][0] - p[b][0], p[a][1] - p[b][1]);
    expect(distance(0, 1)).toBeLessThan(distance(0, 3));
    expect(distance(3, 4)).toBeLessThan(distance(3, 1));
  });

  it('centres a lone node', () => {
    expect(forceLayout(1, [], frame)).toEqual([[400, 300]]);
  });
});

describe('the heatmap table: rates per group from the counts tifa slogans makes', () => {
  // “山区共富” is quoted in A only; B writes it without quotes. tifa slogans counts a formulation the corpus quotes
  // somewhere at every use: 2 uses, one per city, and the report's heatmap rows say the same.
  const segmenter = createSegmenter();
  const docs = [fakeDoc('A', { city: '甲' }, '各地推进“山区共富”行动。'), fakeDoc('B', { city: '乙' }, '山区共富成效明显。')];
  it('a formulation quoted in one document is counted where another writes it without quotes', () => {
    const rates = sloganRateTable(countSlogans({ docs, segmenter, field: 'city' }), 5);
    expect(rates.rows.find((r) => r.term === '山区共富')).toMatchObject({ total: 2, 甲: 1, 乙: 1 });
  });
  it('a city called total keeps its column; the computed total steps aside', () => {
    const clash = [fakeDoc('A', { city: 'total' }, '各地推进“山区共富”行动。'), fakeDoc('B', { city: '乙' }, '山区共富成效明显。')];
    const rates = sloganRateTable(countSlogans({ docs: clash, segmenter, field: 'city' }), 5);
    expect(rates.columns.slice(0, 3)).toEqual(['term', 'total_', 'total']);
    expect(rates.rows.find((r) => r.term === '山区共富')).toMatchObject({ total_: 2, total: 1, 乙: 1 });
  });
});
