import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CountAccumulator, DocumentCounter, type GroupedCounts } from '../src/analysis/termCounts.js';
import { CorpusReader } from '../src/pipeline/corpusReader.js';
import { tokenizerFor } from '../src/pipeline/tokenizerFor.js';
import { createSegmenter, segmenterVocabulary } from '../src/segment/createSegmenter.js';
import { jiebaDictionary } from '../src/segment/nodeRsJieba.js';
import { portDictionaryKey } from '../src/segment/portWords.js';
import { sentenceChunks } from '../src/segment/sentenceChunks.js';
import { GOV_REPORTS, ROOT, tifa } from './cli.js';

const BUNDLED = join(ROOT, 'corpus');
/**
 * The government work reports when present, else the bundled documents copied under names that carry a year
 * (as the reports' names do): many files keep both threads busy, and `--by year` has a field to group on.
 */
function manyFiles(): string {
  if (existsSync(GOV_REPORTS)) return GOV_REPORTS;
  const dir = mkdtempSync(join(tmpdir(), 'tifa-many-'));
  readdirSync(BUNDLED).forEach((name, i) => copyFileSync(join(BUNDLED, name), join(dir, `${name.replace(/\.txt$/, '')}_${2021 + (i % 3)}.txt`)));
  return dir;
}
const MANY = manyFiles();

/** GroupedCounts as plain data, terms in the order they entered the counts. */
const plain = (counts: GroupedCounts) => ({ ...counts, terms: [...counts.terms] });

describe('DocumentCounter and CountAccumulator', () => {
  it('count a document in order of first use, only the terms asked for', () => {
    const counter = new DocumentCounter();
    expect(counter.count(['b', 'a', 'b', 'c', 'b'])).toEqual({ ids: [0, 1, 2], counts: [3, 1, 1] });
    expect(counter.count(['c', 'd', 'c'], new Set(['c']))).toEqual({ ids: [2], counts: [2] });
    expect(counter.vocabulary).toEqual(['b', 'a', 'c']);
  });

  it('give the same counts from items, from terms and counts (memos) and from ids (worker threads)', () => {
    const docs: Array<[string, string[]]> = [
      ['x', ['a', 'b', 'a']],
      ['y', ['c', 'a']],
      ['x', ['d', 'c', 'd', 'b']],
    ];
    const options = { field: 'g', keepPerDoc: true };
    const byItems = new CountAccumulator(options);
    const byTerms = new CountAccumulator(options);
    const byIds = new CountAccumulator(options);
    const worker = new DocumentCounter();
    for (const [group, items] of docs) {
      const own = byItems.add(group, { items, words: items.length }, 10);
      byTerms.addCounts(group, own.terms, own.counts, { size: items.length, chars: 10 });
      const { ids, counts } = worker.count(items);
      byIds.addIds(group, ids.map((id) => byIds.termId(worker.vocabulary[id])), counts, { size: items.length, chars: 10 });
    }
    const expected = plain(byItems.counts);
    expect(plain(byTerms.counts)).toEqual(expected);
    expect(plain(byIds.counts)).toEqual(expected);
    // byGroup runs to the last group using the term: a is used in x and y, d in x only.
    expect(expected.terms).toEqual([
      ['a', { byGroup: [2, 1], docs: 2, perDoc: [0, 2, 1, 1] }],
      ['b', { byGroup: [2], docs: 2, perDoc: [0, 1, 2, 1] }],
      ['c', { byGroup: [1, 1], docs: 2, perDoc: [1, 1, 2, 1] }],
      ['d', { byGroup: [2], docs: 1, perDoc: [2, 2] }],
    ]);
  });

  it('count a document that comes in chunks as one', () => {
    const counter = new DocumentCounter();
    counter.addItems(['b', 'a']);
    counter.addItems(['b', 'c', 'b'], new Set(['a', 'b']));
    expect(counter.take()).toEqual({ ids: [0, 1], counts: [3, 1] });
    expect(counter.take()).toEqual({ ids: [], counts: [] });
  });

  it('keep corpus-wide positions of the terms counted', () => {
    const acc = new CountAccumulator({ keepPositions: true });
    acc.add('all', { items: ['a', 'b'], words: 2, wordIndex: [0, 1] }, 2);
    acc.add('all', { items: ['b', 'c', 'a'], words: 3, wordIndex: [0, 1, 2] }, 3, new Set(['a', 'b']));
    expect([...acc.counts.terms].map(([term, tc]) => [term, tc.positions])).toEqual([
      ['a', [0, 4]],
      ['b', [1, 2]],
    ]);
  });
});

describe('segmenting in chunks', () => {
  it('cuts after the first full stop at or past each chunk size, never leaving an empty chunk', () => {
    // 甲。乙。丙！丁。戊: full stops at 1, 3 and 7; ！ is no cut (cppjieba may join it to a neighbour).
    expect(sentenceChunks('甲。乙。丙！丁。戊', 1)).toEqual([0, 2, 4, 8, 9]);
    expect(sentenceChunks('甲。乙。丙！丁。戊', 3)).toEqual([0, 4, 8, 9]);
    expect(sentenceChunks('甲。乙。丙！丁。', 3)).toEqual([0, 4, 8]);
    expect(sentenceChunks('no sentence end here', 3)).toEqual([0, 20]);
    expect(sentenceChunks('', 3)).toEqual([0, 0]);
  });

  it('keeps every word of a long text whole across chunk ends', () => {
    // 2,000 sentences of 20 units: several chunks of 8,192 units. --compound: the joined phrases too.
    const sentence = '坚持两个确立，深化枫桥经验，推进情指行。';
    const text = sentence.repeat(2000);
    const words = createSegmenter({ compound: true }).words(text).words;
    expect(words.join('')).toBe(text);
    for (const term of ['两个确立', '枫桥经验', '情指行']) expect(words.filter((w) => w === term)).toHaveLength(2000);
    expect(words.filter((w) => w === '。')).toHaveLength(2000);
  });
});

describe('corpus reader', () => {
  it('cuts the same tokens (and tags) from the token cache as without it, one entry per file shared with freq', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-reader-'));
    const text = '坚持市县主战、派出所主防，做到严格、规范、公正、文明。\n2025年 工作报告 AI+政务';
    writeFileSync(join(dir, 'a.txt'), text);
    const cacheDir = join(dir, 'cache');
    const plainCut = createSegmenter();
    for (const pos of [false, true]) {
      const setup = { segmenter: {}, read: {}, pos, cacheDir };
      for (let run = 0; run < 2; run++) {
        const reader = new CorpusReader([join(dir, 'a.txt')], setup, { warn: () => {} });
        const [doc] = [...reader.documents()];
        expect(doc.text).toContain('派出所主防');
        expect(reader.segmenter.cut(doc.text, { pos })).toEqual(plainCut.cut(doc.text, { pos }));
      }
    }
    // One entry per tagging, written by the first run and read by the second (beside the dictionary of the
    // port's cut, which the segmenter keeps in the cache too, once per thread).
    const dictionary = `${portDictionaryKey(jiebaDictionary(), segmenterVocabulary().dictText)}.v8`;
    const entries = readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.v8') && !String(f).endsWith(dictionary));
    expect(entries).toHaveLength(2);
  });

  it('read three times with rereads, segments each file once (through the cache, or held without one) and notes a bad file once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-reader-'));
    writeFileSync(join(dir, 'a.txt'), '深化改革开放。');
    writeFileSync(join(dir, 'b.txt'), '');
    writeFileSync(join(dir, 'c.txt'), '推动高质量发展。');
    const files = ['a.txt', 'b.txt', 'c.txt'].map((f) => join(dir, f));
    const plainCut = createSegmenter();
    for (const cacheDir of [join(dir, 'cache'), undefined]) {
      for (const rereads of [true, false]) {
        const setup = { segmenter: {}, read: {}, pos: false, cacheDir: cacheDir && `${cacheDir}-${rereads}` };
        const cuts = vi.spyOn(tokenizerFor(setup).segmenter, 'words');
        const notes: string[] = [];
        const reader = new CorpusReader(files, setup, { skipBad: true, warn: (m) => notes.push(m), rereads });
        const passes = [0, 1, 2].map(() => [...reader.documents()].map((doc) => reader.segmenter.cut(doc.text)));
        expect(passes).toEqual(Array(3).fill(['深化改革开放。', '推动高质量发展。'].map((text) => plainCut.cut(text))));
        // Two files of one chunk each: two cuts in all, unless the reader forgets them between passes (no cache, no rereads).
        expect(cuts).toHaveBeenCalledTimes(cacheDir || rereads ? 2 : 6);
        expect(notes).toHaveLength(1);
        cuts.mockRestore();
      }
    }
  });

  it('cuts a text it did not read with the backend, and skips bad files with a note', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-reader-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'b.txt'), '发展。');
    const notes: string[] = [];
    const reader = new CorpusReader([join(dir, 'empty.txt'), join(dir, 'b.txt')], { segmenter: {}, read: {}, pos: false }, { skipBad: true, warn: (m) => notes.push(m) });
    expect([...reader.documents()].map((d) => d.id)).toEqual(['b']);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^skipped .*empty\.txt: no text to analyse/);
    expect(reader.segmenter.cut('改革。').map((t) => t.text)).toEqual(['改革', '。']);
  });
});

describe('counting files', () => {
  it('themes on worker threads: the table, shard and notes of one thread, a hand-counted slogan included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-themes-'));
    const texts = ['坚持以人民为中心。', '坚持以人民为中心，以人民为中心。', '', '推动高质量发展。', '坚持以人民为中心。'];
    texts.forEach((text, i) => writeFileSync(join(dir, `d${i}.txt`), i === 2 ? '' : `---\ncity: ${i % 2 ? '甲' : '乙'}\n---\n${text}`));
    writeFileSync(join(dir, 'd5.txt'), '推动高质量发展。');
    const run = (jobs: string, ...extra: string[]) => tifa(['themes', dir, '--by', 'city', '--skip-bad', '--no-cache', '--jobs', jobs, ...extra]);
    for (const extra of [['--format', 'tsv'], ['--shard']]) {
      const one = run('1', ...extra);
      const three = run('3', ...extra);
      expect(one.code).toBe(0);
      expect(three.stdout).toBe(one.stdout);
      expect(three.stderr).toBe(one.stderr);
    }
    // 以人民为中心: 4 uses (d0, d1 twice, d4); the empty file noted once, d5 (no city) left out.
    const shard = JSON.parse(run('3', '--shard').stdout);
    expect(shard.counts.slogans.find((s: { canonical: string }) => s.canonical === '以人民为中心')).toMatchObject({ byGroup: [2, 2], docs: 3 });
    expect(run('3', '--format', 'tsv').stderr).toMatch(/skipped .*d2\.txt: no text to analyse[\s\S]*1 document\(s\) without "city" left out: d5/);
  });

  // One test per option set: each is two full runs over the reports, which on a loaded machine take most of a
  // test's time limit (two runs, not six, per limit).
  for (const extra of [['--by', 'year', '--meta-from-name', '{x}_{year}', '--dp'], ['--ngram', '2..3', '--stopwords', 'zh'], ['--pos', 'n,v']]) {
    it(`gives the same table on two worker threads as in one thread (${extra.join(' ')})`, () => {
      const one = tifa(['freq', MANY, '--no-cache', '--jobs', '1', '--top', '3000', '--format', 'json', ...extra]);
      const two = tifa(['freq', MANY, '--no-cache', '--jobs', '2', '--top', '3000', '--format', 'json', ...extra]);
      expect(one.code).toBe(0);
      expect(two.stdout).toBe(one.stdout);
    });
  }

  it("gives Juilland's D from word positions across files and chunks, the same from the cache", () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-parts-'));
    // Words: 发展0 发展1 | 改革2 发展3; two parts [0, 1] and [2, 3]. 发展 [2, 1]: mean 1.5, sd 0.5, V = 1/3,
    // D = 1 − V/√1 = 2/3. 改革 [0, 1]: mean 0.5, sd 0.5, V = 1, D = 0.
    writeFileSync(join(dir, 'a.txt'), '发展。发展。');
    writeFileSync(join(dir, 'b.txt'), '改革。发展。');
    const env = { TIFA_CACHE_DIR: join(dir, 'cache') };
    for (let run = 0; run < 2; run++) {
      const out = tifa(['freq', join(dir, 'a.txt'), join(dir, 'b.txt'), '--parts', '2', '--format', 'json'], { env });
      expect(out.code).toBe(0);
      const rows = JSON.parse(out.stdout) as Array<{ term: string; juilland_d: number }>;
      expect(rows.map((r) => [r.term, Number(r.juilland_d.toFixed(4))])).toEqual([
        ['发展', 0.6667],
        ['改革', 0],
      ]);
    }
  });

  it('gives the same cooc table on two worker threads as in one, without the cache, writing it, and reading it', () => {
    for (const extra of [['--top', '300', '--min', '2', '--by', 'city'], ['--slogans', '--unit', 'paragraph'], ['--pos', 'n,v', '--window', '3', '--top', '100']]) {
      const args = ['cooc', BUNDLED, ...extra, '--format', 'tsv'];
      const one = tifa([...args, '--no-cache', '--jobs', '1']);
      expect(one.code, one.stderr).toBe(0);
      expect(one.stdout.split('\n').length).toBeGreaterThan(20);
      const env = { TIFA_CACHE_DIR: mkdtempSync(join(tmpdir(), 'tifa-cache-')) };
      for (const jobs of ['2', '1']) expect(tifa([...args, '--jobs', jobs], { env }).stdout).toBe(one.stdout);
    }
  }, 120_000);

  it('gives the same collocates on two worker threads as in one, without the cache, writing it, and reading it', () => {
    for (const extra of [['发展', '--by', 'city'], ['改革', '--left', '2', '--right', '4', '--pos', 'n,v', '--top', '50']]) {
      const args = ['collocates', ...extra.slice(0, 1), BUNDLED, ...extra.slice(1), '--format', 'tsv'];
      const one = tifa([...args, '--no-cache', '--jobs', '1']);
      expect(one.code, one.stderr).toBe(0);
      expect(one.stdout.split('\n').length).toBeGreaterThan(10);
      const env = { TIFA_CACHE_DIR: mkdtempSync(join(tmpdir(), 'tifa-cache-')) };
      for (const jobs of ['2', '1']) expect(tifa([...args, '--jobs', jobs], { env }).stdout).toBe(one.stdout);
    }
  }, 120_000);

  it('answers cooc, collocates, slogans and themes from the token cache the same as without it', () => {
    const env = { TIFA_CACHE_DIR: mkdtempSync(join(tmpdir(), 'tifa-cache-')) };
    for (const args of [
      ['cooc', BUNDLED, '--top', '30', '--by', 'city', '--format', 'tsv'],
      ['collocates', '发展', BUNDLED, '--format', 'tsv'],
      ['slogans', BUNDLED, '--by', 'city', '--format', 'tsv'],
      ['themes', BUNDLED, '--format', 'tsv'],
    ]) {
      const first = tifa(args, { env });
      expect(first.code).toBe(0);
      expect(tifa(args, { env }).stdout).toBe(first.stdout);
    }
  });
});

describe('--no-cache', () => {
  it('is taken by every command that reads a corpus, and leaves the cache folder untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-nocache-'));
    mkdirSync(join(dir, 'texts'));
    writeFileSync(join(dir, 'texts', 'a.txt'), '坚持两个确立。深化枫桥经验。');
    writeFileSync(join(dir, 'texts', 'b.txt'), '推进情指行。深化枫桥经验。');
    const env = { TIFA_CACHE_DIR: join(dir, 'cache') };
    for (const args of [
      ['freq'],
      ['compare', '--by', 'id'],
      ['cooc'],
      ['collocates', '情指行'],
      ['slogans'],
      ['themes'],
      ['kwic', '枫桥'],
      ['segment'],
      ['corpus'],
    ]) {
      const [command, ...rest] = args;
      const out = tifa([command, ...rest, join(dir, 'texts'), '--no-cache', '--format', 'tsv'], { env });
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
    }
    expect(existsSync(join(dir, 'cache'))).toBe(false);
  });
});
