import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import { asWritten, foldWidth } from '../src/segment/widthFold.js';
import { HAS_NODEJIEBA, tifa } from './cli.js';

// Official texts write numbers full-width (１９９７年, ５．６％). jieba knows ASCII digits only and gave every
// full-width one as a token of its own; the segmenter cuts the text with them read as ASCII and gives the tokens
// back in the user's own characters, at the same offsets.
describe('foldWidth', () => {
  it('reads full-width digits, letters and + # & . _ % - as ASCII, one code unit for one', () => {
    expect(foldWidth('１９９７年增长５．６％，ＡＰＰ＋Ｎ')).toBe('1997年增长5.6%，APP+N');
    expect(foldWidth('１９９７年增长５．６％，ＡＰＰ＋Ｎ')).toHaveLength('１９９７年增长５．６％，ＡＰＰ＋Ｎ'.length);
  });

  it('leaves every other mark alone (，：；（）！？ are tokens of their own either way), and a text with none as it is', () => {
    expect(foldWidth('增长（一）：好！？；')).toBe('增长（一）：好！？；');
  });

  it('gives a cut of the folded text back as words of the text', () => {
    expect(asWritten('１９年', { words: ['19', '年'], ends: Uint32Array.of(2, 3) }).words).toEqual(['１９', '年']);
  });
});

for (const backend of ['node-rs', 'nodejieba']) {
  describe.skipIf(backend === 'nodejieba' && !HAS_NODEJIEBA)(`full-width numbers with ${backend} (nodejieba: skipped where the optional package is not installed)`, () => {
    const segmenter = createSegmenter({ backend });
    const text = '１９９７年１２月３１日增长５．６％。';

    it('keeps a full-width number whole, as jieba keeps 1997 whole', () => {
      const words = segmenter.cut(text).map((t) => t.text);
      expect(words.slice(0, 6)).toEqual(['１９９７', '年', '１２', '月', '３１', '日']);
      // jieba-rs keeps 5.6% one token, cppjieba cuts 5.6|%: each as it cuts the ASCII text
      const ascii = segmenter.cut('1997年12月31日增长5.6%。').map((t) => t.text);
      expect(words).toEqual(ascii.map((w) => w.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))));
    });

    it('gives each token the characters and offsets of the text', async () => {
      const tokens = segmenter.cut(text);
      for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(tokens[0]).toEqual({ text: '１９９７', start: 0, end: 4 });
      const words = tokens.map((t) => t.text);
      expect(segmenter.words(text).words).toEqual(words);
      expect((await segmenter.wordsAsync(text)).words).toEqual(words);
      expect(segmenter.cut(text, { pos: true }).map((t) => t.text)).toEqual(words);
    });
  });
}

describe('tifa with full-width numbers (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-width-'));
  const file = join(dir, 'a.txt');
  writeFileSync(file, '今年增长５．６％。\n１９９７年也增长５．６％。\n');

  it('freq counts the number as one token, written as in the text', () => {
    const run = tifa(['freq', file, '--format', 'tsv']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n').map((line) => line.split('\t').slice(0, 2).join(' '));
    expect(rows).toContain('５．６％ 2');
    expect(rows).toContain('１９９７ 1');
    expect(rows).not.toContain('５ 2');
  });

  it('kwic --tokens finds it as a whole token, at its column in the line', () => {
    const run = tifa(['kwic', '--tokens', '５．６％', file, '--format', 'tsv']);
    expect(run.code).toBe(0);
    // columns in characters of the line: 今年增长 (4) before the first, １９９７年也增长 (8) before the second
    expect(run.stdout.trim().split('\n').map((line) => line.split('\t').slice(1, 3).join(' '))).toEqual(['line column', '1 5', '2 9']);
  });
});

describe('a --dict word written full-width', () => {
  it('is read as the text is cut, so it keeps the text whole (the token as written)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-width-dict-'));
    const file = join(dir, 'mine.txt');
    writeFileSync(file, '５Ｇ基站 1 n\n');
    const cut = (text: string) => createSegmenter({ userDicts: [file] }).cut(text).map((t) => t.text);
    expect(createSegmenter({ compound: false }).cut('建设５Ｇ基站').map((t) => t.text)).not.toContain('５Ｇ基站');
    expect(cut('建设５Ｇ基站')).toEqual(['建设', '５Ｇ基站']);
    expect(cut('建设5G基站')).toEqual(['建设', '5G基站']);
  });
});
