import { findPageBreakJoins, type BreakEvidence } from '../corpus/pageBreaks.js';

/** One or more blank lines: what separates paragraphs. */
const PARAGRAPH_BREAK = /\n(?:[ \t\u3000]*\n)+/g;

/**
 * The paragraphs of a text as `[start, end)` ranges. A blank line that a page break put inside a sentence
 * (findPageBreakJoins, the one place that decides this) does not end a paragraph.
 */
export function paragraphRanges(text: string, evidence: BreakEvidence): Array<[number, number]> {
  const joins = findPageBreakJoins(text, evidence);
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
