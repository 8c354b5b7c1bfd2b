import { findPageBreakJoins, type BreakEvidence, type PageBreakJoin } from '../corpus/pageBreaks.js';
import type { LintBody } from './types.js';

/**
 * The blank lines of a body that a page break put inside a sentence. None in a text a reader extracted: the reader
 * joined what its layout showed as one paragraph, and its other blank lines are the file's own paragraph ends.
 */
export function bodyPageBreaks(body: Pick<LintBody, 'text' | 'extracted'>, evidence: BreakEvidence): PageBreakJoin[] {
  return body.extracted ? [] : findPageBreakJoins(body.text, evidence);
}

/** One or more blank lines: what separates paragraphs. */
const PARAGRAPH_BREAK = /\n(?:[ \t\u3000]*\n)+/g;

/**
 * The paragraphs of a text as `[start, end)` ranges. A blank line that a page break put inside a sentence
 * (findPageBreakJoins, the one place that decides this) does not end a paragraph.
 */
export function paragraphRanges(body: Pick<LintBody, 'text' | 'extracted'>, evidence: BreakEvidence): Array<[number, number]> {
  const { text } = body;
  const joins = bodyPageBreaks(body, evidence);
  const isJoin = (at: number) => joins.some((j) => j.offset <= at && at < j.end);
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (const gap of text.matchAll(PARAGRAPH_BREAK)) {
    if (isJoin(gap.index)) continue;
    ranges.push([start, gap.index]);
    start = gap.index + gap[0].length;
  }
  ranges.push([start, text.length]);
  return ranges;
}
