import type { Finding } from '../types.js';
import type { FileRule } from './rule.js';
import { foundExpected } from '../foundExpected.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };
const NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', ':': 'colon', '?': 'question mark', '!': 'exclamation mark', '(': 'bracket', ')': 'bracket', '.': 'full stop' };
/**
 * A half-width mark with a Han character right before it and one after it (a space after the mark allowed, as
 * typed on a Latin keyboard). Marks beside digits or Latin letters (10:30, (1), 3.5, Hello, world) are left alone.
 */
const BETWEEN_HAN = /(?<=\p{Script=Han})[,;:?!().][ \t]?(?=\p{Script=Han})/gu;
/**
 * ASCII double quotes around a Chinese quotation on one line (`加强"三河三湖"治理`): at least one Han character
 * inside and nothing Latin, so an English quotation ("Made in China") stays as it is, and a Han character or a
 * Chinese mark right before it, so a quoted value in markup or code (`title="首页"`, `("页")`) is not text.
 */
const ASCII_QUOTED = /(?<=[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f])"([^"\n]{1,40})"/gu;
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

function asciiQuoteFindings(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ASCII_QUOTED)) {
    const inner = match[1];
    if (!HAN.test(inner) || LATIN.test(inner)) continue;
    const start = match.index;
    const end = start + match[0].length;
    findings.push({
      start,
      end,
      severity: 'warning',
      message: foundExpected(match[0], `“${inner}”`, 'ASCII quotes around Chinese'),
      suggestion: `“${inner}”`,
      fix: { start, end, text: `“${inner}”` },
    });
  }
  return findings;
}

export const halfwidthPunctuation: FileRule = {
  id: 'halfwidth-punctuation',
  description: 'half-width , ; : ? ! ( ) . between Chinese characters, ASCII quotes around Chinese',
  scope: 'file',
  check(body) {
    const marks = [...body.text.matchAll(BETWEEN_HAN)].map((match): Finding => {
      const mark = match[0][0];
      return {
        start: match.index,
        end: match.index + match[0].length,
        severity: 'warning',
        message: foundExpected(`“${match[0]}”`, `“${FULL_WIDTH[mark]}”`, `half-width ${NAMES[mark]} between Chinese characters`),
        suggestion: FULL_WIDTH[mark],
      };
    });
    return [...marks, ...asciiQuoteFindings(body.text)].sort((a, b) => a.start - b.start);
  },
};
