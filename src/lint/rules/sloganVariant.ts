import { findNearMisses, type NearMiss } from '../nearMisses.js';
import { findReorderedEnumerations, type ReorderedEnumeration } from '../reorderedEnumerations.js';
import type { SloganOccurrence } from '../sloganOccurrences.js';
import type { Finding } from '../types.js';
import type { FileRule } from './rule.js';

const ASCII_QUOTE = '"';

function isAsciiQuoted(text: string, occurrence: SloganOccurrence): boolean {
  return text[occurrence.start - 1] === ASCII_QUOTE && text[occurrence.end] === ASCII_QUOTE;
}

/** What makes a written occurrence differ from its canonical form, in the words of the message. */
function differences(occurrence: SloganOccurrence, quoted: boolean): string[] {
  const reasons: string[] = [];
  if (occurrence.spaced) reasons.push('spaces inside');
  if (occurrence.fullWidth) reasons.push('full-width characters');
  if (occurrence.traditional) reasons.push('traditional characters');
  if (quoted) reasons.push('ASCII quotes');
  if (occurrence.form !== occurrence.canonical) reasons.push('a variant form');
  return reasons;
}

/**
 * A lexicon form written with noise or as a listed variant. Only spaces, widths and quote style are fixed:
 * the fix writes the lexicon form that was matched (a variant stays a variant), never a guess.
 */
function occurrenceFinding(text: string, occurrence: SloganOccurrence): Finding | undefined {
  const quoted = isAsciiQuoted(text, occurrence);
  const reasons = differences(occurrence, quoted);
  if (reasons.length === 0) return undefined;
  const start = quoted ? occurrence.start - 1 : occurrence.start;
  const end = quoted ? occurrence.end + 1 : occurrence.end;
  const written = text.slice(start, end);
  const expected = quoted ? `“${occurrence.canonical}”` : occurrence.canonical;
  const onlyVariant = reasons.length === 1 && occurrence.form !== occurrence.canonical;
  const safe = !occurrence.traditional && !occurrence.pageBreak && (occurrence.spaced || occurrence.fullWidth || quoted);
  return {
    start,
    end,
    severity: onlyVariant ? 'warning' : 'error',
    // The quoted case shows its own quotes: "枫桥经验" is written “枫桥经验”.
    message: quoted ? `${written} is written ${expected} (${reasons.join(', ')})` : `"${written}" is written "${expected}" (${reasons.join(', ')})`,
    suggestion: expected,
    fix: safe ? { start, end, text: quoted ? `“${occurrence.form}”` : occurrence.form } : undefined,
  };
}

function editReason(miss: NearMiss): string {
  const { edit } = miss;
  if (edit.kind === 'insertion') return `extra ${edit.written}`;
  if (edit.kind === 'deletion') return `${edit.expected} missing`;
  return miss.reading === undefined ? `${edit.written} for ${edit.expected}` : `${edit.written} for ${edit.expected}, both read ${miss.reading}`;
}

/** A homophone swap is what an input method does, so it is reported as an error; other near misses as warnings. */
function nearMissFinding(miss: NearMiss): Finding {
  const homophone = miss.reading !== undefined;
  return {
    start: miss.start,
    end: miss.end,
    severity: homophone ? 'error' : 'warning',
    message: `"${miss.written}" ${homophone ? 'is written' : 'may be'} "${miss.canonical}" (${editReason(miss)})`,
    suggestion: miss.canonical,
  };
}

function reorderedFinding(found: ReorderedEnumeration): Finding {
  return {
    start: found.start,
    end: found.end,
    severity: 'warning',
    message: `"${found.written}" is written "${found.canonical}" (elements in another order)`,
    suggestion: found.canonical,
  };
}

export const sloganVariant: FileRule = {
  id: 'slogan-variant',
  description: 'a lexicon slogan written with spaces, full-width ＋, ASCII quotes, traditional characters, as a variant, one character off, or reordered',
  scope: 'file',
  check(body, context) {
    const { folded, occurrences } = context.sloganText(body);
    const findings = occurrences.map((o) => occurrenceFinding(body.text, o)).filter((f): f is Finding => f !== undefined);
    for (const miss of findNearMisses(body.text, folded, context.slogans, occurrences, context.words)) findings.push(nearMissFinding(miss));
    for (const found of findReorderedEnumerations(body.text, folded, context.slogans)) findings.push(reorderedFinding(found));
    return findings;
  },
};
