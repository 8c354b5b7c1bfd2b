import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../src/lint/applyFixes.js';
import { lintTexts, type LintInput } from '../src/lint/linter.js';
import type { LintResult } from '../src/lint/types.js';
// Built: the readers load their format's module with require, which vitest does not route to the sources.
import { lintFiles } from '../dist/lint/lintFiles.js';
import { GOV_REPORTS, HAS_REPORTS } from './cli.js';

/**
 * The measured set: every finding of the lint on the 67 published reports, classified by hand (error / style /
 * false) in tests/fixtures/lint-real/verdicts.tsv, before the structure pass and after it. A finding classified
 * false must not come back; one classified true must not disappear; a new finding must be classified first.
 */
interface Verdict {
  file: string;
  line: number;
  column: number;
  rule: string;
  found: string;
  verdict: 'error' | 'style' | 'false';
  run: string;
}

const VERDICTS: Verdict[] = readFileSync(new URL('./fixtures/lint-real/verdicts.tsv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((row) => {
    const [file, line, column, rule, found, verdict, , run] = row.split('\t');
    return { file, line: Number(line), column: Number(column), rule, found, verdict: verdict as Verdict['verdict'], run };
  });

const key = (file: string, line: number, column: number, rule: string) => `${file}:${line}:${column} ${rule}`;

function reportInputs(): LintInput[] {
  if (!HAS_REPORTS) return [];
  return readdirSync(GOV_REPORTS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ filePath: `gov-work-reports/${name}`, text: readFileSync(join(GOV_REPORTS, name), 'utf8') }));
}

function findings(results: LintResult[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => key(r.filePath, m.line, m.column, m.ruleId)));
}

function paragraphs(text: string): number {
  return text.split(/\n[ \t\u3000]*\n/).filter((p) => p.trim() !== '').length;
}

describe('verdict table', () => {
  it('classifies every row, and the before totals are those of the hand count', () => {
    expect(VERDICTS.every((v) => ['error', 'style', 'false'].includes(v.verdict))).toBe(true);
    const before = VERDICTS.filter((v) => v.run === 'before');
    expect(before).toHaveLength(82);
    expect(before.filter((v) => v.verdict === 'false')).toHaveLength(64);
  });
});

describe.skipIf(!HAS_REPORTS)('lint on the 67 reports against the hand verdicts (needs ../shared/corpora)', () => {
  const inputs = reportInputs();
  const now = findings(lintTexts(inputs));
  const nowAcross = findings(lintTexts(inputs, { acrossFiles: true }));
  const table = new Map(VERDICTS.filter((v) => v.run === 'after').map((v) => [key(v.file, v.line, v.column, v.rule), v]));

  it('reads the 67 reports', () => {
    expect(inputs).toHaveLength(67);
  });

  it('every finding is classified, and none classified false comes back', () => {
    const unclassified = now.filter((k) => !table.has(k));
    expect(unclassified, 'classify these by hand in verdicts.tsv').toEqual([]);
    const falseAlarms = new Set(VERDICTS.filter((v) => v.verdict === 'false' && v.file.startsWith('gov-work-reports/')).map((v) => key(v.file, v.line, v.column, v.rule)));
    expect(now.filter((k) => falseAlarms.has(k))).toEqual([]);
    expect(nowAcross.filter((k) => falseAlarms.has(k))).toEqual([]);
  });

  it('no true finding disappears', () => {
    const expected = VERDICTS.filter((v) => v.run === 'after' && v.verdict !== 'false').map((v) => key(v.file, v.line, v.column, v.rule));
    expect(expected.filter((k) => !now.includes(k))).toEqual([]);
    const expectedAcross = VERDICTS.filter((v) => v.run === 'after-across-files' && v.verdict !== 'false').map((v) => key(v.file, v.line, v.column, v.rule));
    expect(expectedAcross.filter((k) => !nowAcross.includes(k))).toEqual([]);
  });

  it('at least 90% of the places flagged are errors or style deviations', () => {
    const flagged = now.map((k) => table.get(k)!);
    const good = flagged.filter((v) => v.verdict !== 'false').length;
    expect(good / flagged.length).toBeGreaterThanOrEqual(0.9);
  });

  it('--fix keeps the paragraph count of every report that has no true page break', () => {
    const broken = new Set(VERDICTS.filter((v) => v.run === 'after' && v.rule === 'page-break' && v.verdict === 'error').map((v) => v.file));
    const results = lintTexts(inputs, { only: ['page-break'] });
    results.forEach((result, i) => {
      const fixed = applyFixes(inputs[i].text, result.messages).text;
      if (!broken.has(result.filePath)) expect(paragraphs(fixed), result.filePath).toBe(paragraphs(inputs[i].text));
    });
  });
});

const WEB_PAGES = fileURLToPath(new URL('../../shared/corpora/web-pages', import.meta.url));

describe.skipIf(!existsSync(WEB_PAGES))('lint on the web pages, read as their article text, against the hand verdicts (needs ../shared/corpora)', () => {
  it('finds exactly the findings classified for the extracted text, none of them false', () => {
    const files = readdirSync(WEB_PAGES)
      .filter((name) => name.endsWith('.html'))
      .sort()
      .map((name) => join(WEB_PAGES, name));
    const config = { rules: {}, ignore: [], allow: [], variants: {}, baseDir: WEB_PAGES };
    const results = lintFiles(files, { config }).results.map((r: LintResult) => ({ ...r, filePath: `web-pages/${r.filePath.slice(WEB_PAGES.length + 1)}` }));
    const extracted = VERDICTS.filter((v) => v.run === 'extracted');
    expect(findings(results).sort()).toEqual(extracted.map((v) => key(v.file, v.line, v.column, v.rule)).sort());
    expect(extracted.filter((v) => v.verdict === 'false')).toEqual([]);
  });
});
