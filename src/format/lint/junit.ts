import type { LintFormatter } from './text.js';
import { xmlEscape } from './xml.js';

/**
 * JUnit XML, as ESLint writes it: a test suite per file, a failing test case per message (a file without messages
 * is one passing case), so CI test reports list each finding.
 */
export const junit: LintFormatter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
  for (const { filePath, messages } of results) {
    const file = xmlEscape(filePath);
    out += `  <testsuite package="tifa" time="0" tests="${Math.max(1, messages.length)}" errors="0" failures="${messages.length}" name="${file}">\n`;
    if (messages.length === 0) out += `    <testcase time="0" name="${file}" classname="${file}" />\n`;
    for (const m of messages) {
      const where = `line ${m.line}, col ${m.column}, ${m.severity === 'error' ? 'Error' : 'Warning'} - ${m.message} (${m.ruleId})`;
      out += `    <testcase time="0" name="tifa.${xmlEscape(m.ruleId)}" classname="${file}">\n`;
      out += `      <failure message="${xmlEscape(m.message)}" type="${m.severity}">${xmlEscape(where)}</failure>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  return `${out}</testsuites>\n`;
};
