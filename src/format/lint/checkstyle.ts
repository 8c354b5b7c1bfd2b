import type { LintFormatter } from './text.js';
import { xmlEscape } from './xml.js';

/** Checkstyle XML, as ESLint writes it: one `<file>` per linted file, one `<error>` per message (source `tifa.rule`). */
export const checkstyle: LintFormatter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const { filePath, messages } of results) {
    out += `  <file name="${xmlEscape(filePath)}">\n`;
    for (const m of messages) {
      out += `    <error line="${m.line}" column="${m.column}" severity="${m.severity}" message="${xmlEscape(m.message)}" source="tifa.${xmlEscape(m.ruleId)}" />\n`;
    }
    out += '  </file>\n';
  }
  return `${out}</checkstyle>\n`;
};
