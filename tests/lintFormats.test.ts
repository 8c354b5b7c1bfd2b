import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { tifa } from './cli.js';

const require = createRequire(import.meta.url);
/**
 * The SARIF 2.1.0 schema as Microsoft's SARIF matchers ship it (draft-04 JSON Schema). Its language-tag pattern
 * is not a valid regular expression in Unicode mode, so Ajv compiles patterns without the u flag.
 */
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

/** A manuscript with one error (spaces inside 枫桥经验, line 1 column 4) and one warning (half-width `,`, line 3). */
function manuscript(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tifa-lint-')), '稿件.txt');
  writeFileSync(file, '坚持“枫桥 经验”。\n\n推进改革,服务群众。\n');
  return file;
}

describe('tifa lint --format for CI tools (the real binary)', () => {
  it('github: one workflow command per message, properties escaped', () => {
    const file = manuscript();
    const run = tifa(['lint', file, '--format', 'github']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `::error file=${file},line=1,col=4,endLine=1,endColumn=9,title=tifa slogan-variant::"枫桥 经验" is written "枫桥经验" (spaces inside)\n` +
        `::warning file=${file},line=3,col=5,endLine=3,endColumn=6,title=tifa halfwidth-punctuation::half-width "," between Chinese characters is written "，"\n`,
    );
  });

  it('checkstyle and junit: XML with the messages escaped', () => {
    const file = manuscript();
    const checkstyle = tifa(['lint', file, '--format', 'checkstyle']).stdout;
    expect(checkstyle).toContain(`<file name="${file}">`);
    expect(checkstyle).toContain('<error line="1" column="4" severity="error" message="&quot;枫桥 经验&quot; is written &quot;枫桥经验&quot; (spaces inside)" source="tifa.slogan-variant" />');
    expect(checkstyle.match(/<error /g)).toHaveLength(2);
    const junit = tifa(['lint', file, '--format', 'junit']).stdout;
    expect(junit).toContain('tests="2" errors="0" failures="2"');
    expect(junit).toContain('<failure message="half-width &quot;,&quot; between Chinese characters is written &quot;，&quot;" type="warning">');
  });

  it('sarif: valid against the SARIF 2.1.0 schema, columns in code points', () => {
    const file = manuscript();
    const run = tifa(['lint', file, '--format', 'sarif']);
    const log = JSON.parse(run.stdout);
    const validate = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(SARIF_SCHEMA);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].columnKind).toBe('unicodeCodePoints');
    const [first] = log.runs[0].results;
    expect(first).toMatchObject({ ruleId: 'slogan-variant', level: 'error' });
    expect(first.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 4, endLine: 1, endColumn: 9 });
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toContain('%E7%A8%BF%E4%BB%B6.txt');
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const validate = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(SARIF_SCHEMA);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'tifa' } }, results: [{ ruleId: 'x' }] }] })).toBe(false);
  });

  it('rdjson: columns in UTF-8 bytes (坚持“ is 9 bytes, so 枫 is at column 10), the fix as a suggestion', () => {
    const run = tifa(['lint', manuscript(), '--format', 'rdjson']);
    const { source, diagnostics } = JSON.parse(run.stdout);
    expect(source.name).toBe('tifa');
    expect(diagnostics[0]).toMatchObject({
      severity: 'ERROR',
      code: { value: 'slogan-variant' },
      location: { range: { start: { line: 1, column: 10 }, end: { line: 1, column: 23 } } },
      suggestions: [{ range: { start: { line: 1, column: 10 }, end: { line: 1, column: 23 } }, text: '枫桥经验' }],
    });
    // 推进改革 is 12 bytes: the comma is at byte column 13.
    expect(diagnostics[1]).toMatchObject({ severity: 'WARNING', location: { range: { start: { line: 3, column: 13 } } } });
  });

  it('--max-warnings: warnings up to the limit pass, more fail, an error always fails', () => {
    const file = manuscript();
    const warningsOnly = ['--rule', 'halfwidth-punctuation'];
    expect(tifa(['lint', file, ...warningsOnly]).code).toBe(1);
    expect(tifa(['lint', file, ...warningsOnly, '--max-warnings', '1']).code).toBe(0);
    expect(tifa(['lint', file, ...warningsOnly, '--max-warnings', '0']).code).toBe(1);
    expect(tifa(['lint', file, '--max-warnings', '5']).code).toBe(1);
    const bad = tifa(['lint', file, '--max-warnings', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('tifa: --max-warnings takes a whole number of warnings, not "many"\n');
  });
});
