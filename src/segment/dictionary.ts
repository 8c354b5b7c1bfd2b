import { InputError } from '../errors.js';

/** One line of a jieba user dictionary. */
export interface DictEntry {
  word: string;
  freq: number;
  pos?: string;
}

// freq is required although jieba allows it to be left out: @node-rs/jieba silently ignores such a word.
const LINE = /^(\S+)[ \t]+([1-9][0-9]*)(?:[ \t]+([a-zA-Z]+))?$/;

/**
 * Parses `word freq [pos]` lines; `#` lines and blank lines are skipped. The jieba backends themselves reject
 * (@node-rs/jieba) or misread (nodejieba) comment lines, so every dictionary goes through here and dictToText.
 */
export function parseJiebaDict(text: string, file: string): DictEntry[] {
  const entries: DictEntry[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const match = LINE.exec(line);
      const freq = match ? Number(match[2]) : NaN;
      if (!match || !Number.isSafeInteger(freq)) {
        throw new InputError(`${file}:${index + 1}: expected "word freq [pos]", got "${line}"`);
      }
      entries.push(match[3] ? { word: match[1], freq, pos: match[3] } : { word: match[1], freq });
    });
  return entries;
}

/** Entries as the plain `word freq [pos]` text both jieba backends load (no comments, one entry a line). */
export function dictToText(entries: DictEntry[]): string {
  return entries.map((e) => (e.pos ? `${e.word} ${e.freq} ${e.pos}` : `${e.word} ${e.freq}`)).join('\n');
}
