import type { LintFormatter } from './text.js';

/** Workflow-command data: `%`, CR and LF escaped (GitHub's own toolkit escapes these). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also escapes the `:` and `,` that separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per message: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::…`.
 * Printed in a job's log, each becomes an annotation on the file's line in the pull request.
 */
export const github: LintFormatter = (results) =>
  results
    .flatMap(({ filePath, messages }) =>
      messages.map((m) => {
        const properties = [
          `file=${escapeProperty(filePath)}`,
          `line=${m.line}`,
          `col=${m.column}`,
          `endLine=${m.endLine}`,
          `endColumn=${m.endColumn}`,
          `title=${escapeProperty(`tifa ${m.ruleId}`)}`,
        ];
        return `::${m.severity} ${properties.join(',')}::${escapeData(m.message)}\n`;
      }),
    )
    .join('');
