import { endsSentence, type BreakEvidence } from '../../corpus/pageBreaks.js';
import { bodyPageBreaks } from '../paragraphs.js';
import type { Finding, LintBody } from '../types.js';
import type { WordList } from '../../segment/wordList.js';
import type { FileRule } from './rule.js';

const HAN = /\p{Script=Han}/u;
/** A line this long is body text, not a title or a byline that legitimately ends before the next line. */
const MIN_SPLIT_LINE_LENGTH = 40;
/** Dictionary words rarer than this are noise there; a split is only claimed for a common word. */
const MIN_WORD_FREQUENCY = 100;
const MAX_WORD = 4;
/** Characters of context shown on each side of a break. */
const CONTEXT = 6;

function pageBreakFindings(body: LintBody, evidence: BreakEvidence): Finding[] {
  const { text } = body;
  return bodyPageBreaks(body, evidence).map(({ offset, end }) => ({
    start: offset,
    end,
    severity: 'error' as const,
    message: `paragraph break inside a sentence: "${text.slice(Math.max(0, offset - CONTEXT), offset)}" continues with "${text.slice(end, end + CONTEXT)}"`,
    fix: { start: offset, end, text: '' },
  }));
}

/** The most frequent dictionary word that starts before the line break and ends after it. */
function wordAcross(before: string, after: string, words: WordList): string | undefined {
  let best: { word: string; frequency: number } | undefined;
  for (let left = 1; left < MAX_WORD && left <= before.length; left++) {
    for (let right = 1; left + right <= MAX_WORD && right <= after.length; right++) {
      const word = before.slice(-left) + after.slice(0, right);
      const frequency = words.frequency(word);
      if (HAN.test(word) && frequency >= MIN_WORD_FREQUENCY && (!best || frequency > best.frequency)) best = { word, frequency };
    }
  }
  return best?.word;
}

/**
 * A single line break inside a word (`新型警务运⏎行模式`): a long line that does not end its sentence, ends with a
 * Han character, and the next line starts with one, and a common word spans the break. Reported, not fixed:
 * unlike a blank-line page break, a single break may be a deliberate line of its own.
 */
function splitWordFindings(text: string, words: WordList): Finding[] {
  const findings: Finding[] = [];
  const lines = text.split('\n');
  let lineStart = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i].trimEnd();
    const next = lines[i + 1].trimStart();
    const breakAt = lineStart + line.length;
    lineStart += lines[i].length + 1;
    const joinable = [...line].length >= MIN_SPLIT_LINE_LENGTH && !endsSentence(line) && HAN.test(line.at(-1) ?? '') && HAN.test(next[0] ?? '');
    const word = joinable ? wordAcross(line.slice(-MAX_WORD), next.slice(0, MAX_WORD), words) : undefined;
    if (word === undefined) continue;
    findings.push({
      start: breakAt,
      end: lineStart + (lines[i + 1].length - next.length),
      severity: 'warning',
      message: `line break inside the word "${word}": "${line.slice(-CONTEXT)}" continues with "${next.slice(0, CONTEXT)}"`,
    });
  }
  return findings;
}

export const pageBreak: FileRule = {
  id: 'page-break',
  description: 'extraction damage: a paragraph break inside a sentence (fixed), a line break inside a word (reported)',
  scope: 'file',
  check(body, context) {
    return [...pageBreakFindings(body, context.breakEvidence), ...splitWordFindings(body.text, context.words)].sort((a, b) => a.start - b.start);
  },
};
