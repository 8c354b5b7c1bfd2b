import { describe, expect, it } from 'vitest';
import { formatFrontMatter, parseFrontMatter } from '../src/corpus/frontMatter.js';
import { InputError } from '../src/errors.js';

describe('parseFrontMatter', () => {
  it('gives no metadata and the whole text as body when there is no block', () => {
    expect(parseFrontMatter('公安工作现代化。\n', 'a.txt')).toEqual({ meta: {}, bodyStart: 0, bodyLine: 1 });
    expect(parseFrontMatter('', 'a.txt')).toEqual({ meta: {}, bodyStart: 0, bodyLine: 1 });
  });

  it('reads key: value lines, trims values, keeps empty ones and points at the body', () => {
    const text = '---\nid: 01-齐齐哈尔\ncity:   齐齐哈尔  \nposition:\nsource_lines: 14,18\n---\n公安机关作为重要力量。\n';
    const { meta, bodyStart, bodyLine } = parseFrontMatter(text, 'a.txt');
    expect(meta).toEqual({ id: '01-齐齐哈尔', city: '齐齐哈尔', position: '', source_lines: '14,18' });
    expect(text.slice(bodyStart)).toBe('公安机关作为重要力量。\n');
    expect(bodyLine).toBe(7);
  });

  it('keeps a colon inside a value', () => {
    expect(parseFrontMatter('---\ntitle: 报告：总结\n---\n', 'a.txt').meta).toEqual({ title: '报告：总结' });
  });

  it('accepts a closing line at the very end of the file', () => {
    const text = '---\nid: x\n---';
    expect(parseFrontMatter(text, 'a.txt')).toEqual({ meta: { id: 'x' }, bodyStart: text.length, bodyLine: 4 });
  });

  it('rejects a block that is never closed, with file and line', () => {
    expect(() => parseFrontMatter('---\nid: x\n公安。\n', 'a.txt')).toThrow(InputError);
    expect(() => parseFrontMatter('---\nid: x\ncity: 黄山\n', 'a.txt')).toThrow(/^a\.txt:1: front matter opened with "---" is never closed$/);
  });

  it('rejects a line that is not key: value, with file and line', () => {
    expect(() => parseFrontMatter('---\nid: x\n黄山市公安局\n---\n', 'b.txt')).toThrow(/^b\.txt:3: front matter line is not "key: value"/);
    expect(() => parseFrontMatter('---\n\n---\n', 'b.txt')).toThrow(/^b\.txt:2: /);
  });

  it('names a key outside a-z, 0-9, _ as such (not as a missing closing ---)', () => {
    expect(() => parseFrontMatter('---\nid: x\nCity: 黄山\n---\n', 'b.txt')).toThrow('b.txt:3: front matter key "City" must be a-z, 0-9 or _');
    expect(() => parseFrontMatter('---\n城市: 黄山\n---\n', 'b.txt')).toThrow('b.txt:2: front matter key "城市" must be a-z, 0-9 or _');
  });

  it('keeps a value holding U+2028 (a line separator inside the line, not a line break)', () => {
    expect(parseFrontMatter('---\ncity: 黄\u2028山\n---\n', 'b.txt').meta.city).toBe('黄\u2028山');
  });

  it('rejects a duplicate key, with file and line', () => {
    expect(() => parseFrontMatter('---\ncity: 黄山\nid: x\ncity: 宜昌\n---\n', 'c.txt')).toThrow('c.txt:4: front matter key "city" appears twice');
  });
});

describe('formatFrontMatter', () => {
  it('writes standard keys in their order, then the rest alphabetically', () => {
    const meta = { source_lines: '14', editor: '黄新春', title: '标题', id: '01-黄山', district: '章丘区', city: '黄山', author: '伍春宏' };
    expect(formatFrontMatter(meta)).toBe(
      '---\nid: 01-黄山\ncity: 黄山\nauthor: 伍春宏\ntitle: 标题\ndistrict: 章丘区\neditor: 黄新春\nsource_lines: 14\n---\n',
    );
  });

  it('replaces newlines in values with a space and writes empty values bare', () => {
    expect(formatFrontMatter({ title: '奋楫前行\r\n进而有为', position: '' })).toBe('---\nposition:\ntitle: 奋楫前行 进而有为\n---\n');
  });

  it('refuses a key that could not be read back', () => {
    expect(() => formatFrontMatter({ 'Bad Key': 'x' })).toThrow(InputError);
  });

  it('round-trips through parseFrontMatter', () => {
    const meta = { id: '05-章丘', city: '章丘', province: '山东省', position: '', editor: '黄新春' };
    const text = `${formatFrontMatter(meta)}正文。\n`;
    const parsed = parseFrontMatter(text, 'a.txt');
    expect(parsed.meta).toEqual(meta);
    expect(text.slice(parsed.bodyStart)).toBe('正文。\n');
    expect(parsed.bodyLine).toBe(8);
  });
});
