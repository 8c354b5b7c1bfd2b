import { createRequire } from 'node:module';
import type IconvLite from 'iconv-lite';
import { InputError } from '../errors.js';
import { chineseScore } from './chineseScore.js';

let iconvLite: typeof IconvLite | undefined;
/** iconv-lite on first use: most files are valid UTF-8 without a BOM and never need it. */
function iconv(): typeof IconvLite {
  iconvLite ??= createRequire(import.meta.url)('iconv-lite') as typeof IconvLite;
  return iconvLite;
}

/** Encodings `--encoding` accepts, by the name tifa reports; the value is the iconv-lite name. */
const FORCEABLE: Record<string, string> = {
  utf8: 'utf8',
  utf16le: 'utf16le',
  utf16be: 'utf16be',
  gb18030: 'gb18030',
  gbk: 'gbk',
  big5: 'big5',
};

const BOMS: ReadonlyArray<{ encoding: string; bytes: readonly number[] }> = [
  { encoding: 'utf8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf16be', bytes: [0xfe, 0xff] },
];

/**
 * Share of replacement or control characters above which a GB18030 decoding is taken for binary data: GB18030
 * accepts most byte pairs, so "it decoded" proves little, but real text has almost no control characters.
 */
const MAX_SUSPICIOUS_SHARE = 0.01;

export interface Decoded {
  text: string;
  /** The encoding found or forced, as accepted by `--encoding` and `encodeText`. */
  encoding: string;
  /** Whether the file started with a byte order mark (stripped from `text`). */
  bom: boolean;
  /** The first line ending of the file, so that a rewrite can keep it (`text` itself only has LF). */
  eol: '\n' | '\r\n' | '\r';
}

function notText(file: string): InputError {
  return new InputError(`${file}: not a text file (binary or unknown encoding); set the encoding option to force one`, {
    cli: `${file}: not a text file (binary or unknown encoding); use --encoding to force one`,
  });
}

function bomOf(buf: Buffer): { encoding: string; length: number } | undefined {
  const found = BOMS.find(({ bytes }) => bytes.every((b, i) => buf[i] === b));
  return found && { encoding: found.encoding, length: found.bytes.length };
}

/** Accepts `UTF-8`, `utf_16le`, `GBK` …: case, hyphens and underscores do not matter. */
function forcedEncoding(name: string): string {
  const key = name.toLowerCase().replace(/[-_]/g, '');
  const encoding = FORCEABLE[key];
  if (!encoding) throw new InputError(`unknown encoding "${name}"; use one of ${Object.keys(FORCEABLE).join(', ')}`);
  return encoding;
}

function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Share of U+FFFD among the non-ASCII characters of a lenient UTF-8 reading below which the bytes are UTF-8
 * with a few damaged bytes (a cut-off last character, a corrupted byte). GBK or Big5 text read as UTF-8 gives
 * 78–97 % (measured on the gov-work-reports), damage a fraction of a percent.
 */
const MAX_DAMAGED_UTF8_SHARE = 0.1;

/** The error for mostly valid UTF-8, naming the line of the first bad byte; GB18030 would read it all as mojibake. */
function damagedUtf8(bytes: Buffer, file: string): InputError | undefined {
  const text = bytes.toString('utf8');
  // Counted in a loop: a match() array would hold one string per character of a large GBK file.
  let nonAscii = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) nonAscii++;
    if (code === 0xfffd) replaced++;
  }
  if (replaced > nonAscii * MAX_DAMAGED_UTF8_SHARE) return undefined;
  const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
  return new InputError(`${file}:${line}: invalid UTF-8 (a damaged or cut-off file?); repair it, or set the encoding option to utf8 to read it anyway`, {
    cli: `${file}:${line}: invalid UTF-8 (a damaged or cut-off file?); repair it, or pass --encoding utf8 to read it anyway`,
  });
}

function looksLikeText(text: string): boolean {
  const suspicious = text.match(/[\uFFFD\u0000-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  return suspicious <= text.length * MAX_SUSPICIOUS_SHARE;
}

/** Bytes sampled to tell GB18030 from Big5: enough for thousands of characters, cheap on a large file. */
const SAMPLE_BYTES = 16 * 1024;
/** Below this many Han characters a score says little, and the sample is taken as it decodes. */
const MIN_HAN_TO_JUDGE = 20;
/** A decoding whose common-character share is below this is mojibake (real text 0.73–0.86, mojibake ≤ 0.12). */
const MIN_COMMON_SHARE = 0.3;

/**
 * GB18030 (a superset of GBK and GB2312) or Big5: both accept most byte pairs, so each reading of a sample is
 * scored by how common its characters are and the better one wins. A file neither reads as Chinese in stops
 * with a line, rather than being counted as mojibake.
 */
function gbOrBig5(bytes: Buffer, file: string): { text: string; encoding: string } {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const readings = ['gb18030', 'big5']
    .map((encoding) => ({ encoding, text: iconv().decode(sample, encoding, { stripBOM: false }) }))
    .filter((r) => looksLikeText(r.text))
    .map((r) => ({ ...r, score: chineseScore(r.text) }));
  if (readings.length === 0) throw notText(file);
  const judged = readings.filter((r) => r.score.han >= MIN_HAN_TO_JUDGE);
  // A few characters say nothing of the encoding (さ in GB18030 is 今 in Big5): GB18030, which reads every
  // character back, unless Big5 has the Han characters to show it is Big5.
  const best = judged.length === 0 ? readings[0] : judged.reduce((a, b) => (b.score.common > a.score.common ? b : a));
  if (best.score.han >= MIN_HAN_TO_JUDGE && best.score.common < MIN_COMMON_SHARE) {
    throw new InputError(`${file}: does not read as Chinese in GB18030 or Big5 (wrong encoding?); pass --encoding to choose one`);
  }
  const text = sample.length === bytes.length ? best.text : iconv().decode(bytes, best.encoding, { stripBOM: false });
  return { text, encoding: best.encoding };
}

/**
 * UTF-16 without a BOM (as some Windows tools save): NUL bytes mean binary data far more often, so it is taken
 * only when one byte order reads as Chinese text, scored as GB and Big5 readings are.
 */
function utf16WithoutBom(bytes: Buffer): { text: string; encoding: string } | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const readings = ['utf16le', 'utf16be']
    .map((encoding) => ({ encoding, text: iconv().decode(sample, encoding, { stripBOM: false }) }))
    .filter((r) => looksLikeText(r.text))
    .map((r) => ({ ...r, score: chineseScore(r.text) }))
    .filter((r) => r.score.han >= MIN_HAN_TO_JUDGE && r.score.common >= MIN_COMMON_SHARE);
  const best = readings.sort((a, b) => b.score.common - a.score.common)[0];
  return best && { text: iconv().decode(bytes, best.encoding, { stripBOM: false }), encoding: best.encoding };
}

/** The byte Windows-1252 writes for each character it has above Latin-1's C1 range (`“` is 0x93). */
const CP1252: Record<string, number> = Object.fromEntries(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((c, i) => [c, 0x80 + i]),
);

/**
 * Whether valid UTF-8 text is itself UTF-8 bytes read once as Latin-1 or Windows-1252 and saved again
 * (`æ¨è¿` for 推进, "double-encoded"): every character is one such byte, and those bytes read as Chinese.
 */
function isDoubleEncoded(text: string): boolean {
  const sample = text.slice(0, SAMPLE_BYTES);
  const bytes: number[] = [];
  for (const c of sample) {
    const code = c.codePointAt(0)!;
    // U+FFFD stands for the five bytes Windows-1252 leaves undefined (0x81, 0x8D …), all UTF-8 continuation bytes.
    const byte = code <= 0xff ? code : code === 0xfffd ? 0x81 : CP1252[c];
    if (byte === undefined) return false;
    bytes.push(byte);
  }
  // A sample cut inside a character is still the same text: the last few bytes may be an unfinished sequence.
  const decoded = new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
  const score = chineseScore(decoded);
  return score.han >= MIN_HAN_TO_JUDGE && score.common >= MIN_COMMON_SHARE;
}

/**
 * Detects without a BOM: UTF-8 if it is valid UTF-8 (and not double-encoded), an error if it is UTF-8 with
 * damaged bytes, UTF-16 if NUL bytes read as Chinese in one byte order, else GB18030 or Big5, whichever reads
 * as Chinese.
 */
function detectWithoutBom(bytes: Buffer, file: string): { text: string; encoding: string } {
  if (bytes.includes(0)) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return utf16;
    throw notText(file);
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined && isDoubleEncoded(utf8)) {
    throw new InputError(
      `${file}: UTF-8 text that was once read as Latin-1 or Windows-1252 and saved again (mojibake such as æ¨è¿ for 推进); repair it first, e.g. iconv -f utf-8 -t windows-1252`,
    );
  }
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf8' };
  const damaged = damagedUtf8(bytes, file);
  if (damaged) throw damaged;
  return gbOrBig5(bytes, file);
}

/**
 * Why a decoding forced by the user looks wrong, or undefined when it reads as text: a byte order mark of another
 * encoding, bytes the encoding cannot decode, control characters, or Han characters that are almost all rare ones
 * (mojibake, as GBK bytes read as Big5). `head` is the file's first bytes; `partial` when the file goes on, so that
 * a character cut at the end of the head is not counted. The user's choice stands: the caller says this in a line.
 */
export function forcedDecodingDoubt(head: Buffer, forced: string, partial: boolean): string | undefined {
  const encoding = forcedEncoding(forced);
  const bom = bomOf(head);
  if (bom && bom.encoding !== encoding) return `it starts with a ${bom.encoding} byte order mark`;
  let sample = head.subarray(bom ? bom.length : 0);
  if (partial) {
    // Cut where no character can be cut: after a newline byte (never inside a GB, Big5 or UTF-8 character), or at
    // a whole UTF-16 unit.
    sample = encoding.startsWith('utf16') ? sample.subarray(0, sample.length & ~1) : sample.subarray(0, sample.lastIndexOf(0x0a) + 1);
  }
  let text = iconv().decode(sample, encoding, { stripBOM: false });
  if (partial && encoding.startsWith('utf16')) text = text.replace(/[\ud800-\udbff]$/, '');
  let undecodable = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) undecodable++;
  // A few are damage the user chose to read through (a cut-off UTF-8 file forced to utf8, as its error suggests);
  // a wrong encoding leaves them everywhere.
  if (undecodable > text.length * MAX_SUSPICIOUS_SHARE) return `${undecodable} byte sequence(s) are not valid ${encoding}`;
  if (!looksLikeText(text)) return 'it reads as control characters';
  // Bytes of another encoding read as UTF-16 land all over the BMP: in private use, unassigned code points and lone
  // surrogates, which no text holds, even where they are no Han characters (GBK bytes become Hangul and Yi).
  const nowhere = text.match(/[\p{Co}\p{Cn}\p{Cs}]/gu)?.length ?? 0;
  if (nowhere > text.length * MAX_SUSPICIOUS_SHARE) return `${nowhere} character(s) are private-use, unassigned or lone surrogates`;
  // GB punctuation read as UTF-16BE is Yi, its characters Hangul: two scripts no text mixes.
  const yi = text.match(/\p{Script=Yi}/gu)?.length ?? 0;
  const hanOrHangul = text.match(/[\p{Script=Han}\p{Script=Hangul}]/gu)?.length ?? 0;
  if (yi > text.length * MAX_SUSPICIOUS_SHARE && hanOrHangul > text.length * MAX_SUSPICIOUS_SHARE) return 'it mixes Yi syllables with Han or Hangul';
  const score = chineseScore(text);
  if (score.han >= MIN_HAN_TO_JUDGE && score.common < MIN_COMMON_SHARE) {
    return `mojibake: ${Math.round(score.common * 100)}% of its Han characters are common ones (real text: over 70%)`;
  }
  return undefined;
}

function firstLineEnding(text: string): Decoded['eol'] {
  const at = text.search(/\r\n?|\n/);
  if (at === -1 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

/**
 * Decodes a file's bytes: BOM (UTF-8, UTF-16 LE/BE), else valid UTF-8, else GB18030 or Big5; or the `forced` encoding.
 * The BOM is stripped and CRLF and lone CR become LF, which keeps line numbers as editors see them.
 */
export function decodeBuffer(buf: Buffer, file: string, forced?: string): Decoded {
  const bom = bomOf(buf);
  let decoded: { text: string; encoding: string };
  if (forced !== undefined) {
    const encoding = forcedEncoding(forced);
    const skip = bom?.encoding === encoding ? bom.length : 0;
    decoded = { text: iconv().decode(buf.subarray(skip), encoding, { stripBOM: false }), encoding };
  } else if (bom) {
    decoded = { text: iconv().decode(buf.subarray(bom.length), bom.encoding, { stripBOM: false }), encoding: bom.encoding };
  } else {
    decoded = detectWithoutBom(buf, file);
  }
  const hadBom = bom !== undefined && (forced === undefined || bom.encoding === decoded.encoding);
  return {
    text: decoded.text.replace(/\r\n?/g, '\n'),
    encoding: decoded.encoding,
    bom: hadBom,
    eol: firstLineEnding(decoded.text),
  };
}

/** Encodes text back the way `decodeBuffer` found it, so that `lint --fix` keeps a file's encoding, BOM and line endings. */
export function encodeText(text: string, encoding: string, hadBom: boolean, eol: Decoded['eol'] = '\n'): Buffer {
  const name = forcedEncoding(encoding);
  const body = iconv().encode(eol === '\n' ? text : text.replace(/\n/g, eol), name, { addBOM: false });
  const bom = hadBom ? BOMS.find((b) => b.encoding === name) : undefined;
  return bom ? Buffer.concat([Buffer.from(bom.bytes), body]) : body;
}
