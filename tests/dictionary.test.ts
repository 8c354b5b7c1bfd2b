import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { InputError } from '../src/errors.js';
import { HAS_NODEJIEBA } from './cli.js';
import { bundledDictPath } from '../src/bundledDict.js';
import { dictToText, parseJiebaDict } from '../src/segment/dictionary.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { lexiconSurfaceForms, loadBundledLexicon } from '../src/lexicon/lexicon.js';
import { jiebaDictionary } from '../src/segment/nodeRsJieba.js';
import { JiebaFrequencies } from '../src/segment/suggestFreq.js';

const bundledFile = bundledDictPath('police-terms.dict.txt');
const bundled = parseJiebaDict(readFileSync(bundledFile, 'utf8'), bundledFile);
const SEGMENTER_CUTS = /[、·・\s]/;

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('parseJiebaDict', () => {
  it('reads word, freq and optional pos, skipping comments and blank lines', () => {
    const text = '\uFEFF# terms\n两个确立 100000 nz\n\n情指行\t30000\n  # indented comment\n1+9+N 50000 j\r\n';
    expect(parseJiebaDict(text, 'x.txt')).toEqual([
      { word: '两个确立', freq: 100000, pos: 'nz' },
      { word: '情指行', freq: 30000 },
      { word: '1+9+N', freq: 50000, pos: 'j' },
    ]);
  });

  it.each([
    ['a missing freq', '两个维护 nz'],
    ['a bare word', '两个维护'],
    ['a zero freq', '两个维护 0 nz'],
    ['a decimal freq', '两个维护 1.5 nz'],
    ['a pos with digits', '两个维护 100 n2'],
    ['a fourth column', '两个维护 100 nz extra'],
  ])('names file and line for %s', (_name, bad) => {
    const error = errorOf(() => parseJiebaDict(`# c\n枫桥经验 100 nz\n${bad}\n`, 'dict/x.txt'));
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`dict/x.txt:3: expected "word freq [pos]", got "${bad}"`);
  });

  it('turns entries back into loadable text', () => {
    const entries = parseJiebaDict('两队一室 30000 nz\n放管服 20000\n', 'x.txt');
    expect(dictToText(entries)).toBe('两队一室 30000 nz\n放管服 20000');
    expect(parseJiebaDict(dictToText(entries), 'y.txt')).toEqual(entries);
    expect(dictToText([])).toBe('');
  });
});

describe('bundled police-terms.dict.txt', () => {
  it('parses into at least 400 distinct terms, each with the smallest frequency that keeps it whole', () => {
    expect(bundled.length).toBeGreaterThanOrEqual(400);
    expect(new Set(bundled.map((e) => e.word)).size).toBe(bundled.length);
    const jieba = new JiebaFrequencies(jiebaDictionary().toString('utf8'), bundled.map((e) => e.word));
    const wrong = bundled.filter((e) => e.freq !== jieba.suggest(e.word)).map((e) => `${e.word} ${e.freq} → ${jieba.suggest(e.word)}`);
    expect(wrong).toEqual([]);
  });

  it('holds no word that jieba would cut at 、 · or a space', () => {
    expect(bundled.filter((e) => SEGMENTER_CUTS.test(e.word))).toEqual([]);
  });

  it('lists every lexicon form that jieba can keep whole', () => {
    const words = new Set(bundled.map((e) => e.word));
    const missing = [...lexiconSurfaceForms(loadBundledLexicon()).keys()].filter(
      (form) => !SEGMENTER_CUTS.test(form) && !words.has(form),
    );
    expect(missing).toEqual([]);
  });
});

// Sentences from the seed feature, as printed and with the quotation marks dropped (which jieba would cut at).
const SEED_SENTENCES = [
  '深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”',
  '坚持和发展新时代“枫桥经验”，扎实开展婚姻家庭矛盾纠纷排查化解百日行动',
  '高效运转“情指行”一体化机制，深入推进侦查打击中心建设',
  '要持续推进派出所“两队一室”改革',
  '健全完善“1+9+N”大监督格局，搭建三级政治生态分析研判体系',
  '着力构建“专业+机制+大数据”新型警务运行模式',
];
const KEPT_WHOLE = ['两个确立', '两个维护', '四个意识', '枫桥经验', '情指行', '两队一室', '1+9+N', '专业+机制+大数据'];
const sentences = [...SEED_SENTENCES, ...SEED_SENTENCES.map((s) => s.replace(/[“”]/g, ''))];

function expectKeptWhole(cut: (s: string) => string[]): void {
  const tokens = new Set(sentences.flatMap(cut));
  expect(KEPT_WHOLE.filter((term) => !tokens.has(term))).toEqual([]);
}

describe('the bundled terms keep slogans whole inside seed sentences', () => {
  it('with @node-rs/jieba', () => {
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(dictToText(bundled)));
    expectKeptWhole((s) => jieba.cut(s, false));
  });

  // The file alone is not what tifa loads (see createSegmenter.segmenterVocabulary): cppjieba honours the small
  // frequencies less than jieba-rs does, and the terms jieba already cuts at their edges are joined afterwards.
  it.skipIf(!HAS_NODEJIEBA)('with nodejieba, as tifa loads it (skipped where the optional package is not installed)', () => {
    const segmenter = createSegmenter({ backend: 'nodejieba' });
    expectKeptWhole((s) => segmenter.words(s).words);
  });
});
