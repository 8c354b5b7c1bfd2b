import type { LintFix, LintMessage } from './types.js';

/**
 * Applies the fixes of `messages` to `text`, left to right. A fix overlapping one already applied is skipped
 * (the next lint run reports what is left), so one pass never garbles text.
 */
export function applyFixes(text: string, messages: readonly LintMessage[]): { text: string; applied: number } {
  const fixes = messages.map((m) => m.fix).filter((f): f is LintFix => f !== undefined);
  fixes.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let copied = 0;
  let applied = 0;
  for (const { range, text: replacement } of fixes) {
    if (range[0] < copied) continue;
    out += text.slice(copied, range[0]) + replacement;
    copied = range[1];
    applied++;
  }
  return { text: out + text.slice(copied), applied };
}
