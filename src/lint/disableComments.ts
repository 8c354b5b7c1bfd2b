/**
 * `<!-- tifa-disable-next-line rule-a, rule-b -->` or `# tifa-disable-next-line rule-a` on a line of its own
 * silences those rules (all rules when none is named) on the next line.
 */
const DIRECTIVE = /^\s*(?:<!--\s*tifa-disable-next-line\b(.*?)-->|#\s*tifa-disable-next-line\b(.*))\s*$/;

/** Silenced rules by 1-based line number; `'all'` when the directive names no rule. */
export type DisabledLines = Map<number, Set<string> | 'all'>;

export function findDisabledLines(text: string): DisabledLines {
  const disabled: DisabledLines = new Map();
  text.split('\n').forEach((line, index) => {
    const directive = DIRECTIVE.exec(line);
    if (!directive) return;
    const ids = (directive[1] ?? directive[2]).split(/[\s,]+/).filter(Boolean);
    disabled.set(index + 2, ids.length === 0 ? 'all' : new Set(ids));
  });
  return disabled;
}

export function isDisabled(disabled: DisabledLines, line: number, ruleId: string): boolean {
  const rules = disabled.get(line);
  return rules === 'all' || (rules !== undefined && rules.has(ruleId));
}
