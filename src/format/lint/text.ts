import type { ChalkInstance } from 'chalk';
import type { LintMessage, LintResult } from '../../lint/types.js';

export interface LintFormatOptions {
  color: ChalkInstance;
  /** The decoded text of a linted file (formats that count columns in UTF-8 bytes need it). */
  textOf?: (filePath: string) => string | undefined;
}

export type LintFormatter = (results: readonly LintResult[], options: LintFormatOptions) => string;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function counts(results: readonly LintResult[]): { errors: number; warnings: number; fixable: number } {
  const messages = results.flatMap((r) => r.messages);
  return {
    errors: messages.filter((m) => m.severity === 'error').length,
    warnings: messages.filter((m) => m.severity === 'warning').length,
    fixable: messages.filter((m) => m.fix).length,
  };
}

/** Display width: CJK and other wide characters take two columns in a terminal. */
function width(text: string): number {
  let n = 0;
  for (const c of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(c) ? 2 : 1;
  return n;
}

function pad(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

/** ESLint's stylish: messages grouped under their file, aligned columns, a coloured summary. */
const stylish: LintFormatter = (results, { color }) => {
  let out = '';
  for (const { filePath, messages } of results) {
    if (messages.length === 0) continue;
    const positions = messages.map((m) => `${m.line}:${m.column}`);
    const positionWidth = Math.max(...positions.map(width));
    const messageWidth = Math.max(...messages.map((m) => width(m.message)));
    out += `\n${color.underline(filePath)}\n`;
    messages.forEach((m: LintMessage, i) => {
      const severity = m.severity === 'error' ? color.red(pad('error', 7)) : color.yellow(pad('warning', 7));
      out += `  ${color.dim(pad(positions[i], positionWidth))}  ${severity}  ${pad(m.message, messageWidth)}  ${color.dim(m.ruleId)}\n`;
    });
  }
  const { errors, warnings, fixable } = counts(results);
  if (errors + warnings === 0) return out;
  const summary = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out += `\n${errors > 0 ? color.red.bold(summary) : color.yellow.bold(summary)}\n`;
  if (fixable > 0) out += `  ${plural(fixable, 'problem')} fixable with --fix\n`;
  return out;
};

/** One line per message, `file:line:col: severity message [rule-id]`, for editors and grep. */
const compact: LintFormatter = (results) =>
  results
    .flatMap(({ filePath, messages }) => messages.map((m) => `${filePath}:${m.line}:${m.column}: ${m.severity} ${m.message} [${m.ruleId}]\n`))
    .join('');

/** The kernel's results as they are: the JSON contract of `tifa lint`. */
const json: LintFormatter = (results) => `${JSON.stringify(results, null, 2)}\n`;

export const LINT_FORMATTERS: Readonly<Record<string, LintFormatter>> = { stylish, compact, json };
