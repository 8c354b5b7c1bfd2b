import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { termCoverage } from '../src/analysis/termCoverage.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import type { Segmenter, Token } from '../src/segment/token.js';
import { fakeDoc } from './helpers.js';
import { HAS_NODEJIEBA, tifa } from './cli.js';

// Issue 16: a dictionary that adds without moving. A term enters jieba's dictionary only where jieba would cut
// through it; a dictionary term jieba cuts into words is joined after segmentation; a lexicon phrase with 、 only
// with --compound; --no-compound joins nothing.
for (const backend of ['node-rs', 'nodejieba']) {
  describe.skipIf(backend === 'nodejieba' && !HAS_NODEJIEBA)(`tokens are words, with ${backend} (nodejieba: skipped where the optional package is not installed)`, () => {
    const cut = (text: string, compound?: boolean) => createSegmenter({ backend, compound }).cut(text).map((t) => t.text);

    it('keeps a term whole where jieba would cut through it, and takes nothing from the word before', () => {
      // jieba alone: 对涉|黑涉|恶 and 零|容忍; with the terms: 对 stays a word of its own
      expect(cut('严厉打击对涉黑涉恶犯罪零容忍')).toEqual(['严厉打击', '对', '涉黑涉恶', '犯罪', '零容忍']);
      expect(cut('提高市域社会治理能力')).toEqual(['提高', '市域社会治理', '能力']);
    });

    it('joins a dictionary term that jieba cuts into words; a phrase with 、 only with --compound', () => {
      expect(cut('发展全过程人民民主')).toEqual(['发展', '全过程人民民主']);
      expect(cut('发展全过程人民民主', false)).toEqual(['发展', '全过程', '人民', '民主']);
      expect(cut('坚持两个确立')).toEqual(['坚持', '两个确立']);
      expect(cut('坚持市县主战、派出所主防')).toEqual(['坚持', '市县主战', '、', '派出所主防']);
      expect(cut('坚持市县主战、派出所主防', true)).toEqual(['坚持', '市县主战、派出所主防']);
    });

    it('joins the names of the dictionary by default, and leaves its clause-like formulations as words', () => {
      // 以…为…, 与: a clause, which slogans counts in its words; --compound (the default of slogans, themes,
      // report) joins it
      expect(cut('坚持以经济建设为中心')).toEqual(['坚持', '以', '经济', '建设', '为', '中心']);
      expect(cut('坚持以经济建设为中心', true)).toEqual(['坚持', '以经济建设为中心']);
      expect(cut('促进和平与发展')).toEqual(['促进', '和平', '与', '发展']);
      expect(cut('促进和平与发展', true)).toEqual(['促进', '和平与发展']);
      // names: jieba's words 中国|特色|社会主义 and 枫桥|经验 joined by default
      expect(cut('坚持中国特色社会主义')).toEqual(['坚持', '中国特色社会主义']);
      expect(cut('发展枫桥经验')).toEqual(['发展', '枫桥经验']);
    });

    it('breaks no common word for a term: 群众安全感 is not loaded into jieba, so 人民群众 stays whole', () => {
      expect(cut('人民群众安全感明显增强')).toEqual(['人民群众', '安全感', '明显增强']);
      expect(cut('人民群众安全感明显增强', false)).toEqual(['人民', '群众', '安全感', '明显增强']);
    });
  });
}

/** A document and a segmenter that cuts it where `cut` has a |: hand-countable. */
function cutAt(cut: string): { doc: ReturnType<typeof fakeDoc>; segmenter: Segmenter } {
  const tokens: Token[] = [];
  let at = 0;
  for (const piece of cut.split('|')) {
    tokens.push({ text: piece, start: at, end: at + piece.length });
    at += piece.length;
  }
  const text = cut.replaceAll('|', '');
  return { doc: fakeDoc('a', {}, text), segmenter: { name: 'cut', key: 'cut', cut: (t) => (t === text ? tokens : []) } };
}

describe('termCoverage', () => {
  const kinds = new Map([
    ['两个确立', 'phrase'],
    ['情指行', 'word'],
    ['人民群众', 'phrase'],
    ['群众满意', 'phrase'],
    ['纪律作风建设', 'phrase'],
    ['作风建设', 'phrase'],
  ]);
  const { doc, segmenter } = cutAt('坚持|两个确立|推进|情指行|两个|确立|。|人民|群众满意|。|纪律作风|建设|，|大情指行');
  const table = termCoverage([doc], segmenter, kinds);
  const row = (term: string) => table.rows.find((r) => r.term === term);

  it('tells whole, as words on token boundaries, inside a longer token, overlap and split apart', () => {
    expect(table.columns).toEqual(['term', 'occurrences', 'whole', 'inside', 'split', 'as_words', 'overlap', 'kind']);
    // 两个确立 once one token, once 两个|确立
    expect(row('两个确立')).toEqual({ term: '两个确立', occurrences: 2, whole: 1, inside: 0, split: 0, as_words: 1, overlap: 0, kind: 'phrase' });
    // 情指行 once whole, once inside the token 大情指行
    expect(row('情指行')).toMatchObject({ occurrences: 2, whole: 1, inside: 1, split: 0 });
    // 人民|群众满意: the token 群众满意 (itself a listed term, whole) reaches across the end of 人民群众
    expect(row('人民群众')).toMatchObject({ occurrences: 1, overlap: 1, split: 0 });
    // 纪律作风|建设: 作风建设 is cut through, but lies inside 纪律作风建设, which starts and ends on token boundaries
    expect(row('作风建设')).toMatchObject({ occurrences: 1, inside: 1, split: 0 });
    expect(row('纪律作风建设')).toMatchObject({ occurrences: 1, as_words: 1 });
  });

  it('calls split what no longer or overlapping term explains', () => {
    const { doc, segmenter } = cutAt('人民|群众满意');
    const alone = termCoverage([doc], segmenter, new Map([['人民群众', 'phrase']]));
    expect(alone.rows).toEqual([{ term: '人民群众', occurrences: 1, whole: 0, inside: 0, split: 1, as_words: 0, overlap: 0, kind: 'phrase' }]);
  });
});

describe('tifa terms (CLI)', () => {
  it('--terms FILE checks a list of your own: a dictionary word and a joined phrase whole, a cut-through split', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-terms-'));
    writeFileSync(join(dir, 'a.txt'), '严厉打击对涉黑涉恶犯罪，发展全过程人民民主。');
    // 打击对 is cut through: 严厉打击|对 (黑涉 would be inside the token 涉黑涉恶, 对涉 overlap it)
    writeFileSync(join(dir, 'terms.txt'), '# mine\n涉黑涉恶\n全过程人民民主\n\n打击对\n不在文中\n');
    const run = tifa(['terms', join(dir, 'a.txt'), '--terms', join(dir, 'terms.txt'), '--format', 'tsv']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'tifa: 3 listed terms occur 3 times: 2 whole, 0 inside a longer token or term, 0 as words on token boundaries, 0 overlapping another term, 1 split (segmenter node-rs)\n',
    );
    expect(run.stdout.trim().split('\n')).toEqual([
      'term\toccurrences\twhole\tinside\tsplit\tas_words\toverlap\tkind',
      '打击对\t1\t0\t0\t1\t0\t0\tunlisted',
      '全过程人民民主\t1\t1\t0\t0\t0\t0\tphrase',
      '涉黑涉恶\t1\t1\t0\t0\t0\t0\tword',
    ]);
  });
});
