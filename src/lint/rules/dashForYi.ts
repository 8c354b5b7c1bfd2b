import type { Finding } from '../types.js';
import type { WordList } from '../../segment/wordList.js';
import type { FileRule } from './rule.js';
import { foundExpected } from '../foundExpected.js';

/** Marks that OCR and PDF extraction confuse with 一 (em dash, full-width hyphen, hyphen, figure dash, en dash, bar). */
const LONE_DASH = /(?<![—－\-‒–―])[—－\-‒–―](?![—－\-‒–―])/g;
const HAN = /^\p{Script=Han}$/u;
/** Words with 一 this rare in the jieba dictionary are noise there (国一, freq 3), not evidence. */
const MIN_WORD_FREQUENCY = 100;
const MAX_WORD = 4;

/** The longest (then most frequent) dictionary word of Han characters around `at`, reading 一 at `at`. */
function yiWord(text: string, at: number, words: WordList): string | undefined {
  let best: { word: string; frequency: number } | undefined;
  for (let from = at - MAX_WORD + 1; from <= at; from++) {
    for (let to = at + 1; to <= from + MAX_WORD; to++) {
      if (from < 0 || to > text.length || to - from < 2) continue;
      const chars = [...text.slice(from, at), '一', ...text.slice(at + 1, to)];
      if (!chars.every((c) => HAN.test(c))) continue;
      const word = chars.join('');
      const frequency = words.frequency(word);
      const better = !best || word.length > best.word.length || (word.length === best.word.length && frequency > best.frequency);
      if (frequency >= MIN_WORD_FREQUENCY && better) best = { word, frequency };
    }
  }
  return best?.word;
}

/** Whether a dictionary word of 2+ Han characters ends right before `at` (or starts right after, for `side` 1). */
function wordTouches(text: string, at: number, side: -1 | 1, words: WordList): boolean {
  for (let n = 2; n <= MAX_WORD; n++) {
    const word = side === -1 ? text.slice(at - n, at) : text.slice(at + 1, at + 1 + n);
    if (word.length === n && [...word].every((c) => HAN.test(c)) && words.frequency(word) > 0) return true;
  }
  return false;
}

/**
 * A lone dash beside a Han character where 一 would make a dictionary word (`—支` → 一支, `统—` → 统一). A dash
 * between two whole words is a link (`中国—东盟`, `中国—中亚峰会`), and a double dash (`——编者`) is a real dash.
 */
function check(text: string, words: WordList): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(LONE_DASH)) {
    const at = match.index;
    if (!HAN.test(text[at - 1] ?? '') && !HAN.test(text[at + 1] ?? '')) continue;
    if (wordTouches(text, at, -1, words) && wordTouches(text, at, 1, words)) continue;
    const word = yiWord(text, at, words);
    if (word === undefined) continue;
    findings.push({
      start: at,
      end: at + 1,
      severity: 'error',
      message: foundExpected(word.replace('一', text[at]), word, `${text[at]} for 一`),
      suggestion: '一',
    });
  }
  return findings;
}

export const dashForYi: FileRule = {
  id: 'dash-for-yi',
  description: 'a dash or hyphen extracted in place of the character 一 (—体化, 统—, 第—)',
  scope: 'file',
  check: (body, context) => check(body.text, context.words),
};
