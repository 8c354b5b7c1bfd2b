import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBuffer, encodeText } from '../src/corpus/decode.js';
import { InputError } from '../src/errors.js';
import { cliMessageOf } from './helpers.js';

const TEXT = '以“专业+机制+大数据”新型警务运行模式为牵引。\n黄山公安连续15年现行命案全破，\n群众安全感居于全省前列！\n';

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM_UTF16LE = Buffer.from([0xff, 0xfe]);
const BOM_UTF16BE = Buffer.from([0xfe, 0xff]);

/** The same text as each kind of file tifa must read. */
function variants(text: string): Array<{ name: string; bytes: Buffer; encoding: string; bom: boolean }> {
  return [
    { name: 'UTF-8', bytes: Buffer.from(text, 'utf8'), encoding: 'utf8', bom: false },
    { name: 'UTF-8 + BOM', bytes: Buffer.concat([BOM_UTF8, Buffer.from(text, 'utf8')]), encoding: 'utf8', bom: true },
    { name: 'UTF-16LE + BOM', bytes: Buffer.concat([BOM_UTF16LE, iconv.encode(text, 'utf16le')]), encoding: 'utf16le', bom: true },
    { name: 'UTF-16BE + BOM', bytes: Buffer.concat([BOM_UTF16BE, iconv.encode(text, 'utf16be')]), encoding: 'utf16be', bom: true },
    { name: 'GB18030', bytes: iconv.encode(text, 'gb18030'), encoding: 'gb18030', bom: false },
  ];
}

describe('decodeBuffer', () => {
  for (const v of variants(TEXT)) {
    it(`reads ${v.name} as the same string`, () => {
      expect(decodeBuffer(v.bytes, 'a.txt')).toEqual({ text: TEXT, encoding: v.encoding, bom: v.bom, eol: '\n' });
    });
  }

  for (const v of variants(TEXT.replace(/\n/g, '\r\n'))) {
    it(`turns CRLF into LF in ${v.name}`, () => {
      expect(decodeBuffer(v.bytes, 'a.txt')).toEqual({ text: TEXT, encoding: v.encoding, bom: v.bom, eol: '\r\n' });
    });
  }

  it('turns a lone CR into LF, so line numbers stay those an editor sees', () => {
    const decoded = decodeBuffer(Buffer.from('第一行\r第二行\r\n第三行\n', 'utf8'), 'a.txt');
    expect(decoded.text).toBe('第一行\n第二行\n第三行\n');
    expect(decoded.eol).toBe('\r');
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeBuffer(Buffer.alloc(0), 'empty.txt')).toEqual({ text: '', encoding: 'utf8', bom: false, eol: '\n' });
  });

  it('rejects a file with NUL bytes and no UTF-16 BOM, naming the file', () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(() => decodeBuffer(binary, 'img/logo.png')).toThrow(InputError);
    expect(cliMessageOf(() => decodeBuffer(binary, 'img/logo.png'))).toBe(
      'img/logo.png: not a text file (binary or unknown encoding); use --encoding to force one',
    );
  });

  it('reads a few characters of GB18030 as GB18030, where Big5 would read them as other characters (さ and 今)', () => {
    expect(decodeBuffer(iconv.encode('さ', 'gb18030'), 'a.txt')).toMatchObject({ text: 'さ', encoding: 'gb18030' });
    expect(decodeBuffer(iconv.encode('推进', 'gb18030'), 'a.txt')).toMatchObject({ text: '推进', encoding: 'gb18030' });
  });

  it('reads UTF-16 without a BOM, either byte order, when it reads as Chinese', () => {
    const long = TEXT.repeat(3);
    expect(decodeBuffer(iconv.encode(long, 'utf16le'), 'a.txt')).toMatchObject({ text: long, encoding: 'utf16le', bom: false });
    expect(decodeBuffer(iconv.encode(long, 'utf16be'), 'a.txt')).toMatchObject({ text: long, encoding: 'utf16be', bom: false });
    // Bytes that are not Chinese in either order stay binary.
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0 : (i * 151 + 13) % 256)));
    expect(() => decodeBuffer(noise, 'noise.bin')).toThrow(/^noise\.bin: not a text file/);
  });

  it('rejects UTF-8 that was read as Latin-1 or Windows-1252 and saved again, instead of counting its mojibake', () => {
    const asLatin1 = Buffer.from(Buffer.from(TEXT, 'utf8').toString('latin1'), 'utf8');
    expect(() => decodeBuffer(asLatin1, 'twice.txt')).toThrow(/^twice\.txt: UTF-8 text that was once read as Latin-1 or Windows-1252/);
    const asCp1252 = Buffer.from(iconv.decode(Buffer.from(TEXT, 'utf8'), 'windows-1252'), 'utf8');
    expect(() => decodeBuffer(asCp1252, 'twice.txt')).toThrow(InputError);
    // Real accented Latin text is read as it is.
    expect(decodeBuffer(Buffer.from('Café à la française, déjà vu.\n', 'utf8'), 'fr.txt').text).toBe('Café à la française, déjà vu.\n');
  });

  it('rejects bytes without NUL that are neither UTF-8 nor GB18030 text', () => {
    const noise = Buffer.from(Array.from({ length: 200 }, (_, i) => [0x01, 0x02, 0xff, 0x1b, 0x80][i % 5]));
    expect(() => decodeBuffer(noise, 'noise.bin')).toThrow(/^noise\.bin: not a text file/);
  });

  it('decodes with a forced encoding, in any spelling', () => {
    expect(decodeBuffer(iconv.encode('臺灣公安', 'big5'), 'tw.txt', 'big5').text).toBe('臺灣公安');
    expect(decodeBuffer(iconv.encode('公安工作', 'gbk'), 'a.txt', 'GBK')).toMatchObject({ text: '公安工作', encoding: 'gbk' });
    expect(decodeBuffer(Buffer.concat([BOM_UTF8, Buffer.from('公安')]), 'a.txt', 'UTF-8')).toMatchObject({ text: '公安', bom: true });
    expect(decodeBuffer(iconv.encode('公安', 'utf16le'), 'a.txt', 'utf_16le').text).toBe('公安');
  });

  it('rejects an unknown forced encoding', () => {
    expect(() => decodeBuffer(Buffer.from('公安'), 'a.txt', 'latin9')).toThrow(InputError);
    expect(() => decodeBuffer(Buffer.from('公安'), 'a.txt', 'latin9')).toThrow(/unknown encoding "latin9"/);
  });
});

describe('encodeText', () => {
  for (const eol of ['\n', '\r\n'] as const) {
    for (const v of variants(TEXT.replace(/\n/g, eol))) {
      it(`writes ${v.name} with ${JSON.stringify(eol)} back byte for byte`, () => {
        const decoded = decodeBuffer(v.bytes, 'a.txt');
        expect(encodeText(decoded.text, decoded.encoding, decoded.bom, decoded.eol).equals(v.bytes)).toBe(true);
      });
    }
  }
});
