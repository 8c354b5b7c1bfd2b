import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { bundledDictPath } from '../src/bundledDict.js';
import { parseJiebaDict } from '../src/segment/dictionary.js';
import { loadStopwords } from '../src/segment/stopwords.js';
import { lexiconSurfaceForms, loadBundledLexicon } from '../src/lexicon/lexicon.js';

const dir = mkdtempSync(join(tmpdir(), 'tifa-stopwords-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadStopwords', () => {
  it('loads the stopwords-iso Chinese list as zh', () => {
    const zh = loadStopwords('zh');
    expect(zh.size).toBeGreaterThan(500);
    expect(zh.has('的')).toBe(true);
  });

  it('loads the bundled domain list: 30–80 words, none already in zh', () => {
    const domain = loadStopwords('domain');
    expect(domain.size).toBeGreaterThanOrEqual(30);
    expect(domain.size).toBeLessThanOrEqual(80);
    expect(domain.has('进一步')).toBe(true);
    expect(domain.has('坚持')).toBe(false);
    const zh = loadStopwords('zh');
    expect([...domain].filter((w) => zh.has(w))).toEqual([]);
  });

  it('never drops a bundled term or slogan', () => {
    const file = bundledDictPath('police-terms.dict.txt');
    const terms = new Set(parseJiebaDict(readFileSync(file, 'utf8'), file).map((e) => e.word));
    const forms = lexiconSurfaceForms(loadBundledLexicon());
    expect([...loadStopwords('domain')].filter((w) => terms.has(w) || forms.has(w))).toEqual([]);
  });

  it('unites a comma list, including a word-list file with comments', () => {
    const file = join(dir, 'mine.txt');
    writeFileSync(file, '\uFEFF# my list\n  本刊  \n\n特约\n');
    const words = loadStopwords(`zh, domain,${file}`);
    expect(words.has('的') && words.has('切实') && words.has('本刊') && words.has('特约')).toBe(true);
    expect(words.has('# my list')).toBe(false);
    expect(words.size).toBe(loadStopwords('zh').size + loadStopwords('domain').size + 2);
  });

  it('rejects an unknown list name and a missing file', () => {
    expect(() => loadStopwords('zh,en')).toThrow(InputError);
    expect(() => loadStopwords('zh,en')).toThrow('unknown stopword list "en"');
    const missing = join(dir, 'missing.txt');
    expect(() => loadStopwords(missing)).toThrow(InputError);
    expect(() => loadStopwords(missing)).toThrow(`${missing}: cannot read stopword file`);
  });
});
