import { describe, expect, it } from 'vitest';
import { documentTerms, documentUnits } from '../src/analysis/documentTerms.js';
import { idf, TextRankGraph, TextRankGraphs, textrankKeywords, tfidfKeywords } from '../src/analysis/keywords.js';
import { tokenFilter } from '../src/analysis/tokenFilter.js';
import { tifa } from './cli.js';
import { fakeDoc, spaceSegmenter } from './helpers.js';

const docs = [fakeDoc('A', { g: 'x' }, 'a b a c'), fakeDoc('B', { g: 'x' }, 'b d'), fakeDoc('C', { g: 'y' }, 'e')];

describe('TF-IDF keywords', () => {
  it('tf = count ÷ counted words of the unit, idf = ln((1 + N)/(1 + df)) + 1', () => {
    const dt = documentTerms(docs, spaceSegmenter);
    const table = tfidfKeywords(dt, documentUnits(dt, undefined), { top: 3, unitColumn: 'doc' });
    expect(table.columns).toEqual(['doc', 'rank', 'term', 'count', 'docfreq', 'tfidf']);
    const a = table.rows.filter((r) => r.doc === 'A');
    // N = 3; a: 2/4 · (ln(4/2) + 1); c: 1/4 · (ln 2 + 1); b (df 2): 1/4 · (ln(4/3) + 1).
    expect(a.map((r) => [r.term, r.count, r.docfreq])).toEqual([['a', 2, 1], ['c', 1, 1], ['b', 1, 2]]);
    expect(a[0].tfidf).toBeCloseTo(0.5 * (Math.log(2) + 1), 12);
    expect(a[2].tfidf).toBeCloseTo(0.25 * (Math.log(4 / 3) + 1), 12);
    expect(idf(0, 3)).toBeCloseTo(Math.log(4) + 1, 12);
  });

  it('groups pool their documents; a reference corpus gives the document frequencies', () => {
    const dt = documentTerms(docs, spaceSegmenter);
    const grouped = tfidfKeywords(dt, documentUnits(dt, 'g'), { top: 1, unitColumn: 'g' });
    // x = a b a c b d: a and b twice each (tf 2/6); a in 1 of 3 documents, b in 2 → a first.
    expect(grouped.rows.map((r) => [r.g, r.term, r.count])).toEqual([['x', 'a', 2], ['y', 'e', 1]]);
    const reference = { df: new Map([['a', 9]]), docs: 9 };
    const against = tfidfKeywords(dt, documentUnits(dt, undefined), { top: 1, unitColumn: 'doc', reference });
    // a is in every reference document: idf 1, below c and b (never seen there: idf ln 10 + 1).
    expect(against.rows[0]).toMatchObject({ doc: 'A', term: 'b', docfreq: 0 });
  });

  it('pooled by the field as read: one row per value, the same table; df and N still count every document', () => {
    const withLeftOut = [...docs, fakeDoc('N', {}, 'a a')];
    const pooled = documentTerms(withLeftOut, spaceSegmenter, {}, undefined, 'g');
    // x = A + B: a 2, b 2, c 1, d 1 over 6 words; y = C. N (no g) is in no row but in df (a: A and N) and N = 4.
    expect(pooled.docs).toEqual([{ id: 'x', meta: { g: 'x' }, words: 6 }, { id: 'y', meta: { g: 'y' }, words: 1 }]);
    expect(pooled.rows.map((r) => [...r.counts])).toEqual([[2, 2, 1, 1], [1]]);
    expect([pooled.documents, pooled.df]).toEqual([4, [2, 2, 1, 1, 1]]);
    expect(pooled.pooled!.leftOut.map((d) => d.id)).toEqual(['N']);
    const plain = documentTerms(withLeftOut, spaceSegmenter);
    const table = (dt: typeof plain) => tfidfKeywords(dt, documentUnits(dt, 'g'), { top: 5, unitColumn: 'g' });
    expect(table(pooled)).toEqual(table(plain));
  });
});

describe('TextRank keywords', () => {
  it('links kept words within 5 tokens (punctuation counts as a position) and ranks as jieba', () => {
    const graph = new TextRankGraph();
    const keep = tokenFilter({});
    // a , , , , b: b is 5 tokens after a (outside the window); b c are linked.
    graph.add(spaceSegmenter.cut('a ， ， b c'), keep);
    const scores = graph.rank();
    expect([...scores.keys()].sort()).toEqual(['b', 'c']);
  });

  it('gives the scores of jieba 0.42.1 (jieba.analyse.TextRank on the same tokens, all tagged n)', () => {
    const text = '改革 开放 ， 改革 发展 稳定 发展 改革 。 稳定 压倒 一切 ， 发展 是 硬道理 ， 改革 开放 发展';
    const graph = new TextRankGraph();
    graph.add(spaceSegmenter.cut(text), tokenFilter({ minLength: 2 }));
    const jieba: Array<[string, number]> = [
      ['改革', 1.0],
      ['发展', 0.9991194951745668],
      ['稳定', 0.7447710427251265],
      ['开放', 0.41261039435088465],
      ['一切', 0.3718770290450647],
      ['压倒', 0.2732643837109597],
      ['硬道理', 0.2423978199021337],
    ];
    const scores = [...graph.rank()].sort((a, b) => b[1] - a[1]);
    expect(scores.map(([w]) => w)).toEqual(jieba.map(([w]) => w));
    scores.forEach(([, score], i) => expect(score).toBeCloseTo(jieba[i][1], 12));
  });

  it('the table ranks by score with the unit and count', () => {
    const dt = documentTerms(docs.slice(0, 1), spaceSegmenter);
    const graph = new TextRankGraph();
    graph.add(spaceSegmenter.cut('a b a c'), tokenFilter({}));
    const table = textrankKeywords(dt, documentUnits(dt, undefined), [graph], { top: 5, unitColumn: 'doc' });
    expect(table.columns).toEqual(['doc', 'rank', 'term', 'count', 'textrank']);
    expect(table.rows[0]).toMatchObject({ doc: 'A', rank: 1, term: 'a', count: 2, textrank: 1 });
  });

  it('builds one graph per group from its documents only, as documentTerms reads them', () => {
    // x: A (a b a c) and B (b d); y: C (e, a single word: no edge); a document without g adds nothing.
    const graphs = new TextRankGraphs('g');
    const dt = documentTerms([...docs, fakeDoc('N', {}, 'z z')], spaceSegmenter, {}, graphs.onTokens);
    const [x, y] = graphs.of(documentUnits(dt, 'g')).map((g) => [...g.rank().keys()].sort());
    expect(x).toEqual(['a', 'b', 'c', 'd']);
    expect(y).toEqual([]);
  });
});

describe('tifa keywords (CLI)', () => {
  it('ranks each city’s own name among its first two TF-IDF keywords', () => {
    // 黄山 writes 公安 16 times: with jieba's own segmentation (issue 16's dictionary that adds without moving)
    // 公安工作 is 公安|工作, so 公安 comes first there and the city's name second.
    const run = tifa(['keywords', '--by', 'city', '--content-words', '--top', '2', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('tifa: 1 document(s) without "city" left out: 00-editor-note\n');
    const rows = run.stdout.trim().split(/\r?\n/).slice(1).map((l) => l.split(',').slice(0, 3).join(' '));
    expect(rows).toHaveLength(10);
    expect(rows).toContain('黄山 2 黄山');
    expect(rows).toContain('宜昌 1 宜昌');
  });
  it('--reference with textrank is a usage error', () => {
    const run = tifa(['keywords', '--method', 'textrank', '--reference', 'corpus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('tifa: --reference gives document frequencies: it goes with --method tfidf\n');
  });
});
