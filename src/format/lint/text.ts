import type { ChalkInstance } from 'chalk';
import type { LintMessage, LintResult } from '../../lint/types.js';
import { placeLabel } from '../../corpus/place.js';

export interface LintFormatOptions {
  color: ChalkInstance;
  /** The decoded text of a linted file (formats that count columns in UTF-8 bytes need it). */
  textOf?: (filePath: string) => string | undefined;
}

/** The message, followed in a Word file by the paragraph's opening words (a word processor shows no line numbers). */
function withOpening(m: LintMessage): string {
  return m.paragraph !== undefined ? `${m.message} 「${m.paragraphOpening ?? ''}」` : m.message;
}

/**
 * The message with where it is in a Word or PDF file, for formats whose own fields hold only line and column
 * (which are then those of the extracted text): `… (¶12:34 「为全面贯彻落实…」)`, `… (p.3)`.
 */
export function messageWithPlace(m: LintMessage): string {
  if (m.paragraph !== undefined) return `${m.message} (${placeLabel(m)} 「${m.paragraphOpening ?? ''}」)`;
  if (m.page !== undefined) return `${m.message} (${placeLabel(m)})`;
  return m.message;
}

/** `file:12:34`, `file:¶12:34`, or `file p.3` for a PDF page (not a line an editor can jump to). */
function fileAndPlace(filePath: string, m: LintMessage): string {
  return m.page !== undefined ? `${filePath} ${placeLabel(m)}` : `${filePath}:${placeLabel(m)}`;
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
    const positions = messages.map((m) => placeLabel(m));
    const positionWidth = Math.max(...positions.map(width));
    const shown = messages.map(withOpening);
    const messageWidth = Math.max(...shown.map(width));
    out += `\n${color.underline(filePath)}\n`;
    messages.forEach((m: LintMessage, i) => {
      const severity = m.severity === 'error' ? color.red(pad('error', 7)) : color.yellow(pad('warning', 7));
      out += `  ${color.dim(pad(positions[i], positionWidth))}  ${severity}  ${pad(shown[i], messageWidth)}  ${color.dim(m.ruleId)}\n`;
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
    .flatMap(({ filePath, messages }) => messages.map((m) => `${fileAndPlace(filePath, m)}: ${m.severity} ${withOpening(m)} [${m.ruleId}]\n`))
    .join('');

/** The kernel's results as they are: the JSON contract of `tifa lint`. */
const json: LintFormatter = (results) => `${JSON.stringify(results, null, 2)}\n`;

export const LINT_FORMATTERS: Readonly<Record<string, LintFormatter>> = { stylish, compact, json };
