import type { LintMessage } from './types.js';

/**
 * Rules from the most specific to the least: damage a rule can name exactly (a page break, a dash for 一, a quote,
 * a half-width mark) before what the lexicon says of a slogan, before what the comparison with other sites says.
 */
const SPECIFICITY = ['page-break', 'dash-for-yi', 'quote-balance', 'halfwidth-punctuation', 'slogan-variant', 'inconsistent-form'];

function rank(ruleId: string): number {
  const at = SPECIFICITY.indexOf(ruleId);
  return at === -1 ? SPECIFICITY.length : at;
}

function before(aLine: number, aColumn: number, bLine: number, bColumn: number): boolean {
  return aLine < bLine || (aLine === bLine && aColumn < bColumn);
}

/** Two messages flag the same place when their ranges share a character. */
function overlap(a: LintMessage, b: LintMessage): boolean {
  return before(a.line, a.column, b.endLine, b.endColumn) && before(b.line, b.column, a.endLine, a.endColumn);
}

/**
 * Two messages of different rules about the same written characters. A page break is about the line between
 * characters, not the characters: a slogan cut by one is still reported for how it is written.
 */
function samePlace(a: LintMessage, b: LintMessage): boolean {
  return a.ruleId !== b.ruleId && a.ruleId !== 'page-break' && b.ruleId !== 'page-break' && overlap(a, b);
}

/**
 * One message per place: where messages of different rules flag overlapping text, only the most specific rule's
 * stay (`“两个維护”` is a traditional character, said once, not again as an inconsistent form).
 */
export function onePerPlace(messages: readonly LintMessage[]): LintMessage[] {
  const kept: LintMessage[] = [];
  for (const message of [...messages].sort((a, b) => rank(a.ruleId) - rank(b.ruleId))) {
    if (!kept.some((k) => samePlace(k, message))) kept.push(message);
  }
  return kept;
}
