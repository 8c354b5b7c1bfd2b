import type { LintFormatter } from './text.js';
import { RULES } from '../../lint/rules/index.js';

const TOOL_VERSION = '0.1.0';
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A file path as a SARIF URI reference: forward slashes, each segment percent-encoded (Chinese names included). */
function uriOf(filePath: string): string {
  const segments = filePath.replace(/\\/g, '/').split('/').map((s) => encodeURIComponent(s));
  return segments.join('/');
}

/**
 * SARIF 2.1.0, the format code-scanning services read (GitHub code scanning, Azure DevOps, IDE viewers): one run of
 * tifa with its rules, one result per message. Columns count Unicode code points, as tifa's do, and say so
 * (`columnKind`), so a viewer puts the mark on the right character of a CJK line.
 */
export const sarif: LintFormatter = (results) => {
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tifa',
            version: TOOL_VERSION,
            rules: RULES.map((rule) => ({ id: rule.id, shortDescription: { text: rule.description } })),
          },
        },
        columnKind: 'unicodeCodePoints',
        artifacts: results.map(({ filePath }) => ({ location: { uri: uriOf(filePath) } })),
        results: results.flatMap(({ filePath, messages }, artifactIndex) =>
          messages.map((m) => ({
            ruleId: m.ruleId,
            ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
            level: m.severity,
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uriOf(filePath), index: artifactIndex },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
