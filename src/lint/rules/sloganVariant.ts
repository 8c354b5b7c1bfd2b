import { findNearMisses, type NearMiss } from '../nearMisses.js';
import { findReorderedEnumerations, type ReorderedEnumeration } from '../reorderedEnumerations.js';
import type { SloganOccurrence } from '../sloganOccurrences.js';
import { findDoubledCharacters } from '../doubledCharacters.js';
import { findEnumerationSlips } from '../enumerationSlips.js';
import { findReorderedCharacterLists } from '../reorderedCharacters.js';
import type { Finding } from '../types.js';
import type { FileRule, RuleContext } from './rule.js';
import { foundExpected } from '../foundExpected.js';
import { FOLD_TRADITIONAL, type FoldedText } from '../../lexicon/fold.js';

const ASCII_QUOTE = '"';
const HAN_UNIT = /\p{Script=Han}/u;

function isAsciiQuoted(text: string, occurrence: SloganOccurrence): boolean {
  return text[occurrence.start - 1] === ASCII_QUOTE && text[occurrence.end] === ASCII_QUOTE;
}

/** The characters of `written` that differ from `expected` at the same place (`維` in 两个維护), when both align. */
function changedCharacters(written: string, expected: string): string[] {
  const w = [...written];
  const e = [...expected];
  if (w.length !== e.length) return [];
  return w.filter((c, i) => c !== e[i]);
}

/** Share of Han characters that OpenCC changes above which a text is written in traditional characters. */
const TRADITIONAL_TEXT_SHARE = 0.05;
/** A text this short says nothing of its script: a phrase in traditional characters is a slip to report. */
const MIN_SCRIPT_SAMPLE = 200;

/** Whether the text as a whole is written in traditional characters (not a simplified text with a slip or two). */
function isTraditionalText(folded: FoldedText): boolean {
  let traditional = 0;
  let han = 0;
  for (let i = 0; i < folded.text.length; i++) {
    if (!HAN_UNIT.test(folded.text[i])) continue;
    han++;
    if (folded.changes[i] & FOLD_TRADITIONAL) traditional++;
  }
  return han >= MIN_SCRIPT_SAMPLE && traditional / han > TRADITIONAL_TEXT_SHARE;
}

/** What makes a written occurrence differ from the form expected, in the words of the message. */
function differences(occurrence: SloganOccurrence, quoted: boolean, expected: string, traditionalText: boolean): string[] {
  const reasons: string[] = [];
  if (occurrence.spaced) reasons.push('spaces inside');
  if (occurrence.fullWidth) reasons.push('full-width characters');
  // A text written in traditional characters (the 1954 report) writes its slogans so too: that is its script.
  if (occurrence.traditional && !traditionalText) {
    const changed = changedCharacters(occurrence.written.replace(/\s/g, ''), expected);
    reasons.push(changed.length === 0 ? 'traditional characters' : `traditional character${changed.length > 1 ? 's' : ''} ${changed.join('')}`);
  }
  if (quoted) reasons.push('ASCII quotes');
  return reasons;
}

/**
 * A lexicon form written with noise or as a variant that is not accepted. Only spaces, widths and quote style are
 * fixed: the fix writes the lexicon form that was matched (a variant stays a variant), never a guess. An accepted
 * variant (严格规范公正文明, which central texts write) is counted as the slogan and not reported.
 */
function occurrenceFinding(text: string, occurrence: SloganOccurrence, context: RuleContext, traditionalText: boolean): Finding | undefined {
  const quoted = isAsciiQuoted(text, occurrence);
  const status = occurrence.form === occurrence.canonical ? undefined : context.statusOf(occurrence.form);
  const flagVariant = status !== undefined && status !== 'accepted';
  const target = flagVariant ? occurrence.canonical : occurrence.form;
  const reasons = differences(occurrence, quoted, target, traditionalText);
  if (flagVariant) reasons.push(`a ${status} variant`);
  if (reasons.length === 0) return undefined;
  const start = quoted ? occurrence.start - 1 : occurrence.start;
  const end = quoted ? occurrence.end + 1 : occurrence.end;
  const expected = quoted ? `“${target}”` : target;
  const onlyVariant = reasons.length === 1 && flagVariant;
  const safe = !occurrence.traditional && (occurrence.spaced || occurrence.fullWidth || quoted);
  if (reasons.length === 0) return undefined;
  return {
    start,
    end,
    severity: onlyVariant && status === 'discouraged' ? 'warning' : 'error',
    message: foundExpected(text.slice(start, end), expected, reasons.join(', ')),
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
    message: foundExpected(miss.written, miss.canonical, editReason(miss), homophone ? 'expected' : 'maybe'),
    suggestion: miss.canonical,
  };
}

function reorderedFinding(found: ReorderedEnumeration): Finding {
  return {
    start: found.start,
    end: found.end,
    severity: 'warning',
    message: foundExpected(found.written, found.form, 'elements in another order'),
    suggestion: found.form,
  };
}

export const sloganVariant: FileRule = {
  id: 'slogan-variant',
  description: 'a lexicon slogan written with spaces, full-width ＋, ASCII quotes, traditional characters, as a variant not accepted, one character off or doubled, reordered, or with a 、 missing or extra',
  scope: 'file',
  check(body, context) {
    const { folded, occurrences } = context.sloganText(body);
    const traditionalText = isTraditionalText(folded);
    const findings = occurrences.map((o) => occurrenceFinding(body.text, o, context, traditionalText)).filter((f): f is Finding => f !== undefined);
    for (const miss of findNearMisses(body.text, folded, context.slogans, occurrences, context.words)) findings.push(nearMissFinding(miss));
    for (const found of findReorderedEnumerations(body.text, folded, context.slogans)) findings.push(reorderedFinding(found));
    for (const found of findReorderedCharacterLists(body.text, folded, context.slogans, context.words)) findings.push(reorderedFinding(found));
    for (const slip of findEnumerationSlips(body.text, folded, context.slogans)) {
      findings.push({ start: slip.start, end: slip.end, severity: 'error', message: foundExpected(slip.written, slip.canonical, slip.reason), suggestion: slip.canonical });
    }
    const occupied = occurrences.map((o): [number, number] => [o.foldedStart, o.foldedEnd]);
    for (const d of findDoubledCharacters(body.text, folded, context.slogans, occupied)) {
      findings.push({ start: d.start, end: d.end, severity: 'error', message: foundExpected(d.written, d.canonical, `${d.doubled} doubled`), suggestion: d.canonical });
    }
    return findings;
  },
};
