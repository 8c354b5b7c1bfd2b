import { Chalk } from 'chalk';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBuffer } from '../src/corpus/decode.js';
import { normalise } from '../src/corpus/normalise.js';
import { InputError } from '../src/errors.js';
import { TABLE_FORMATS } from '../src/format/formatters.js';
import type { ResultTable } from '../src/resultTable.js';
import { loadBundledLexicon, lexiconSurfaceForms } from '../src/lexicon/lexicon.js';
import { createLexiconMatcher, extractSlogans } from '../src/slogans/extract.js';
import { createSegmenter } from '../src/segment/createSegmenter.js';
import type { Token } from '../src/segment/token.js';

/**
 * Characters that make the normaliser and the matcher work: Han text, every kind of space it rewrites, ＋ and +,
 * sentence ends, list heads, brackets, quotes, digits, letters and line breaks (blank lines make page breaks).
 * Uniform random Unicode almost never produces `运\n\n行` or `专业 + 机制`, so it would test little on its own.
 */
const POLICY_CHARS = [...'警务改革推进一二三是要第章、，。！？；：…“”"\'（）()《》【】 \t\u3000\u00a0+＋——·0123456789AN\n\n\n'];
const policyText = fc.string({ unit: fc.constantFrom(...POLICY_CHARS), maxLength: 200 });
const anyText = fc.oneof(policyText, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }));

/** Slogan surface forms cut into pieces and mixed with noise, so that partial and noisy matches occur. */
const SLOGAN_FORMS = [...lexiconSurfaceForms(loadBundledLexicon()).keys()];
const sloganText = fc
  .array(fc.oneof(fc.constantFrom(...SLOGAN_FORMS), fc.constantFrom(...SLOGAN_FORMS).map((f) => f.slice(0, Math.ceil(f.length / 2))), policyText), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

describe('decodeBuffer on random input', () => {
  it('returns text or throws InputError for any bytes, detected or forced', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom(undefined, 'utf8', 'utf16le', 'UTF-16BE', 'gb18030', 'gbk', 'big5', 'latin9'),
        (bytes, forced) => {
          try {
            expect(typeof decodeBuffer(Buffer.from(bytes), 'x.txt', forced).text).toBe('string');
          } catch (err) {
            expect(err).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads back any Unicode text saved as UTF-8, UTF-16 with BOM or GB18030', () => {
    const encodings = [
      { bytes: (t: string) => Buffer.from(t, 'utf8') },
      { bytes: (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf16le')]) },
      { bytes: (t: string) => iconv.encode(t, 'gb18030') },
    ];
    // Text without NUL and other control characters, which mark a file as binary by design. Without a BOM,
    // GB18030 and Big5 are told apart by which reading is Chinese: a few bytes can be both (GB18030's さ is
    // Big5's 今), so each text carries a Chinese sentence of more characters than the detector judges by.
    const sentence = '我们坚持以人民为中心的发展思想，推进国家治理体系和治理能力现代化。';
    const text = fc
      .string({ unit: 'grapheme', maxLength: 200 })
      .filter((t) => !/[\u0000-\u0008\u000B-\u001F\u007F\uFFFD]/.test(t))
      .map((t) => sentence + t);
    fc.assert(
      fc.property(text, fc.constantFrom(...encodings), (t, { bytes }) => {
        expect(decodeBuffer(bytes(t), 'x.txt').text).toBe(t.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeBuffer on damaged UTF-8', () => {
  it('rejects Chinese UTF-8 cut inside its last character, naming the last line, instead of reading GB18030 mojibake', () => {
    const chinese = fc.string({ unit: fc.constantFrom(...'警务改革推进。，\n'), minLength: 20, maxLength: 300 }).map((t) => `${t}革`);
    fc.assert(
      fc.property(chinese, fc.constantFrom(1, 2), (text, cut) => {
        const bytes = Buffer.from(text, 'utf8');
        const lines = text.split('\n').length;
        expect(() => decodeBuffer(bytes.subarray(0, bytes.length - cut), 'cut.txt')).toThrow(`cut.txt:${lines}: invalid UTF-8`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalise on random input', () => {
  it('is idempotent: normalising twice gives what normalising once gives', () => {
    fc.assert(
      fc.property(anyText, (original) => {
        const once = normalise(original).text;
        expect(normalise(once).text).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps every offset of the result, end included, to a line and column inside the original', () => {
    fc.assert(
      fc.property(anyText, (original) => {
        const lines = original.split('\n');
        const { text, origin } = normalise(original);
        for (let offset = 0; offset <= text.length; offset++) {
          const { line, column } = origin.locate(offset);
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(lines.length);
          expect(column).toBeGreaterThanOrEqual(1);
          expect(column).toBeLessThanOrEqual(lines[line - 1].length + 1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('slogan matcher on random input', () => {
  const matcher = createLexiconMatcher(loadBundledLexicon());

  it('never throws and returns ordered, non-overlapping, accepted matches inside the text, each a lexicon slogan', () => {
    fc.assert(
      // A random but fixed answer for every span, as token boundaries would give.
      fc.property(fc.oneof(sloganText, anyText), fc.func(fc.boolean()), (text, accept) => {
        let previousEnd = 0;
        for (const m of matcher.matches(text, accept)) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(accept(m.start, m.end)).toBe(true);
          expect(matcher.themeOf(m.canonical)).toBeDefined();
          previousEnd = m.end;
        }
        expect(() => matcher.canonicalOf(text)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('extractSlogans never throws and reports hits in text order whose surface is the text at their offsets', () => {
    const segmenter = createSegmenter();
    // Every character a token: the most boundaries a segmentation can give.
    const characterTokens = (text: string): Token[] =>
      [...text.matchAll(/[\s\S]/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
    fc.assert(
      fc.property(fc.oneof(sloganText, anyText), fc.boolean(), (text, byCharacter) => {
        const tokens = byCharacter ? characterTokens(text) : segmenter.cut(text);
        let previousStart = 0;
        for (const hit of extractSlogans(text, tokens, matcher)) {
          expect(hit.start).toBeGreaterThanOrEqual(previousStart);
          expect(hit.end).toBeGreaterThan(hit.start);
          expect(hit.end).toBeLessThanOrEqual(text.length);
          expect(hit.surface).toBe(text.slice(hit.start, hit.end));
          expect(hit.canonical).not.toBe('');
          previousStart = hit.start;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds every slogan written alone, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SLOGAN_FORMS), (form) => {
        const found = matcher.matches(`。${form}。`, () => true);
        expect(found.some((m) => m.start === 1 && m.end === 1 + form.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** A minimal RFC 4180 reader: quoted fields with "" for a quote, CRLF (or LF) between records. */
function parseCsv(input: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === '"' && field === '') {
      // A quoted field runs to the next quote that is not doubled.
      for (i++; ; i++) {
        if (i >= input.length) throw new Error('unclosed quote');
        if (input[i] === '"') {
          if (input[i + 1] !== '"') break;
          i++;
        }
        field += input[i];
      }
      i++;
      if (i < input.length && input[i] !== ',' && input[i] !== '\r' && input[i] !== '\n') throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && input[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break inside an unquoted field at ${i}`);
    } else if (c === '"') {
      throw new Error(`quote inside an unquoted field at ${i}`);
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || record.length > 0) throw new Error('last record not ended by CRLF');
  return records;
}

/** The one documented change the CSV writer makes to a text cell: a leading apostrophe before = + - @ tab CR. */
const spreadsheetEscaped = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('CSV writer on random cells', () => {
  const plain = { color: new Chalk({ level: 0 }) };
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'=+-@\t\r\n",; a警'), maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  );

  it('reads back every text cell and column name, with only the apostrophe escape added', () => {
    fc.assert(
      fc.property(fc.uniqueArray(cell, { minLength: 1, maxLength: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 5 }), (columns, cells) => {
        const table: ResultTable = { columns, rows: cells.map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k]]))) };
        const parsed = parseCsv(TABLE_FORMATS.csv(table, plain));
        expect(parsed).toEqual([columns.map(spreadsheetEscaped), ...cells.map((r) => r.slice(0, columns.length).map(spreadsheetEscaped))]);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes numbers, negative ones included, as numbers and a missing value as an empty cell', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), (n, x) => {
        const table: ResultTable = { columns: ['n', 'x', 'missing'], rows: [{ n, x, missing: null }] };
        const [, row] = parseCsv(TABLE_FORMATS.csv(table, plain));
        expect(Number(row[0])).toBe(n);
        // Data cells keep ten significant digits (dataCell), so the error is relative.
        expect(Math.abs(Number(row[1]) - x)).toBeLessThanOrEqual(Math.abs(x) * 1e-9);
        expect(row[2]).toBe('');
      }),
      { numRuns: 300 },
    );
  });
});
