import type { LintFormatter } from './text.js';
import type { LintMessage } from '../../lint/types.js';

interface Position {
  line: number;
  column: number;
}

/**
 * Byte columns of one file: reviewdog counts a column in UTF-8 bytes (`a𐐀b`: b is at column 6), tifa in code
 * points, so each position is converted on its line's text. Without the text, columns stay as they are.
 */
function byteColumns(text: string | undefined): (line: number, column: number) => number {
  const lines = text?.split('\n');
  return (line, column) => {
    const lineText = lines?.[line - 1];
    if (lineText === undefined) return column;
    return Buffer.byteLength([...lineText].slice(0, column - 1).join(''), 'utf8') + 1;
  };
}

/** Line and code-point column of an offset of the text, for a fix's range. */
function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

/**
 * reviewdog's Diagnostic Format (rdjson): one diagnostic per message, with the safe fix as a suggestion that
 * reviewdog can post as a suggested change.
 */
export const rdjson: LintFormatter = (results, options) => {
  const diagnostics = results.flatMap(({ filePath, messages }) => {
    const text = options.textOf?.(filePath);
    const bytes = byteColumns(text);
    const at = (p: Position) => ({ line: p.line, column: bytes(p.line, p.column) });
    return messages.map((m: LintMessage) => {
      const diagnostic: Record<string, unknown> = {
        message: m.message,
        location: { path: filePath, range: { start: at({ line: m.line, column: m.column }), end: at({ line: m.endLine, column: m.endColumn }) } },
        severity: m.severity === 'error' ? 'ERROR' : 'WARNING',
        code: { value: m.ruleId },
      };
      if (m.fix && text !== undefined) {
        const range = { start: at(positionOf(text, m.fix.range[0])), end: at(positionOf(text, m.fix.range[1])) };
        diagnostic.suggestions = [{ range, text: m.fix.text }];
      }
      return diagnostic;
    });
  });
  return `${JSON.stringify({ source: { name: 'tifa' }, diagnostics }, null, 2)}\n`;
};
