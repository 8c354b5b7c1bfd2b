import { paragraphRanges } from '../paragraphs.js';
import type { Finding } from '../types.js';
import type { FileRule } from './rule.js';

/** Opening mark → its closing mark. The ASCII " is both and pairs with itself. */
const CLOSER_OF: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"' };
const OPENER_OF: Record<string, string> = { '”': '“', '’': '‘', '」': '「', '』': '『' };
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9０-９]/;

interface Open {
  mark: string;
  at: number;
}

function finding(at: number, message: string, suggestion?: string): Finding {
  return { start: at, end: at + 1, severity: 'error', message, suggestion };
}

/** ’ inside a Latin word (China’s) or before digits (’99) is an apostrophe, not a closing quote. */
function isApostrophe(text: string, at: number): boolean {
  if (text[at] !== '’') return false;
  const before = text[at - 1] ?? '';
  const after = text[at + 1] ?? '';
  return (LATIN.test(before) && LATIN.test(after)) || DIGIT.test(after);
}

/** Whether the same closing mark comes again before the paragraph ends and before its opening mark does. */
function closesAgain(text: string, at: number, end: number): boolean {
  const mark = text[at];
  for (let i = at + 1; i < end; i++) {
    if (text[i] === OPENER_OF[mark]) return false;
    if (text[i] === mark && !isApostrophe(text, i)) return true;
  }
  return false;
}

/**
 * Quote marks of one paragraph, matched with a stack: quotes nest, and a quote never runs past its paragraph.
 * A closing mark with nothing open that is closed again later was typed the wrong way round (一个”五讲四美”).
 */
function checkParagraph(text: string, start: number, end: number): Finding[] {
  const findings: Finding[] = [];
  const open: Open[] = [];
  // Each kind of quote is balanced on its own: ASCII quotes pair with each other (an English quotation inside a
  // Chinese one is fine); only an odd one out may be the wrong closing mark of an open curly quote.
  let asciiLeft = [...text.slice(start, end)].filter((c) => c === '"').length;
  let asciiOpen: Open | undefined;
  for (let at = start; at < end; at++) {
    const mark = text[at];
    const top = open.at(-1);
    if (mark === '"') {
      const oddOneOut = asciiLeft % 2 === 1;
      asciiLeft--;
      if (asciiOpen) asciiOpen = undefined;
      else if (top && oddOneOut) {
        // The odd ASCII " where a curly quote is open is read as its (wrong) closing mark.
        findings.push(finding(at, `${top.mark} is closed by "`, CLOSER_OF[top.mark]));
        open.pop();
      } else asciiOpen = { mark, at };
    } else if (mark in CLOSER_OF) {
      open.push({ mark, at });
    } else if (mark in OPENER_OF && !isApostrophe(text, at)) {
      const opener = OPENER_OF[mark];
      if (top?.mark === opener) open.pop();
      else if (top) {
        findings.push(finding(at, `${top.mark} is closed by ${mark}`, CLOSER_OF[top.mark]));
        open.pop();
      } else if (closesAgain(text, at, end)) {
        findings.push(finding(at, `${mark} opens a quotation; write ${opener}`, opener));
        open.push({ mark: opener, at });
      } else findings.push(finding(at, `${mark} has no opening ${opener}`));
    }
  }
  if (asciiOpen) open.push(asciiOpen);
  for (const { mark, at } of open.sort((a, b) => a.at - b.at)) findings.push(finding(at, `${mark} is not closed in its paragraph`));
  return findings;
}

export const quoteBalance: FileRule = {
  id: 'quote-balance',
  description: 'a quote opened and not closed, closed and not opened, or closed by the wrong mark, within a paragraph',
  scope: 'file',
  check(body, context) {
    return paragraphRanges(body, context.breakEvidence)
      .flatMap(([start, end]) => checkParagraph(body.text, start, end))
      .sort((a, b) => a.start - b.start);
  },
};
