import type { FileRule } from './rule.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
/**
 * A half-width mark with a Han character right before it and one after it (a space after the mark allowed, as
 * typed on a Latin keyboard). Marks beside digits or Latin letters (10:30, (1), Hello, world) are left alone.
 */
const BETWEEN_HAN = /(?<=\p{Script=Han})[,;:?!()][ \t]?(?=\p{Script=Han})/gu;

export const halfwidthPunctuation: FileRule = {
  id: 'halfwidth-punctuation',
  description: 'half-width , ; : ? ! ( ) between Chinese characters',
  scope: 'file',
  check(body) {
    return [...body.text.matchAll(BETWEEN_HAN)].map((match) => {
      const fullWidth = FULL_WIDTH[match[0][0]];
      return {
        start: match.index,
        end: match.index + match[0].length,
        severity: 'warning' as const,
        message: `half-width "${match[0][0]}" between Chinese characters is written "${fullWidth}"`,
        suggestion: fullWidth,
      };
    });
  },
};
