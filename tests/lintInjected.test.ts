import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledLexicon } from '../src/lexicon/lexicon.js';
import { lintTexts } from '../src/lint/linter.js';
import { GOV_REPORTS, HAS_REPORTS } from './cli.js';

/**
 * Thirty errors of the kinds an editor must be shown, put into copies of three published reports at run time
 * (the copies never leave memory); each must be found at its line by the rule named.
 */
interface Edit {
  start: number;
  end: number;
  insert: string;
  rules: string[];
  kind: string;
}

type Injector = (text: string, free: (offset: number) => boolean) => Edit | undefined;

const HAN = '\\p{Script=Han}';
const entries = loadBundledLexicon();
/** Lexicon enumerations of three elements or more, and plain forms of four characters or more. */
const ENUMERATIONS = entries.map((e) => e.canonical).filter((f) => f.split('、').length >= 3);
/** Enumerations whose order the lexicon shows to matter: it lists the same elements in another order too. */
const sorted = (f: string) => f.split('、').sort().join('、');
const FIXED_ORDER = entries
  .filter((e) => e.canonical.includes('、'))
  .filter((e) => [...e.variants, ...(e.extra.discouraged ?? '').split('|'), ...(e.extra.wrong ?? '').split('|')].some((f) => f !== e.canonical && f.includes('、') && sorted(f) === sorted(e.canonical)))
  .map((e) => e.canonical);
const PLAIN = entries.map((e) => e.canonical).filter((f) => !/[、，+·\s]/.test(f) && [...f].length >= 4);
const TRADITIONAL: Record<string, string> = { 国: '國', 发: '發', 维: '維', 义: '義', 党: '黨', 为: '為', 实: '實', 现: '現', 设: '設', 质: '質' };

/** The first match of `pattern` whose offset `at(match)` is free. */
function first(text: string, pattern: RegExp, free: (offset: number) => boolean, at = (m: RegExpMatchArray) => m.index!): RegExpMatchArray | undefined {
  for (const m of text.matchAll(pattern)) if (free(at(m))) return m;
  return undefined;
}

/** A Chinese mark between two Han characters written half-width. */
function halfWidth(full: string, half: string): Injector {
  return (text, free) => {
    const m = first(text, new RegExp(`(?<=${HAN})${full}(?=${HAN})`, 'gu'), free);
    return m && { start: m.index!, end: m.index! + 1, insert: half, rules: ['halfwidth-punctuation'], kind: `${half} for ${full}` };
  };
}

/** A lexicon form found in the text, the first on a free line. */
function formSite(text: string, forms: string[], free: (offset: number) => boolean): { at: number; form: string } | undefined {
  let best: { at: number; form: string } | undefined;
  for (const form of forms) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
      if (free(at) && (!best || at < best.at)) best = { at, form };
      if (free(at)) break;
    }
  }
  return best;
}

const INJECTORS: Injector[] = [
  halfWidth('，', ','),
  halfWidth('。', '.'),
  halfWidth('；', ';'),
  halfWidth('：', ':'),
  // ASCII quotes around a quoted Chinese formulation.
  (text, free) => {
    const m = first(text, new RegExp(`(?<=${HAN})“(${HAN}{2,10})”`, 'gu'), free);
    return m && { start: m.index!, end: m.index! + m[0].length, insert: `"${m[1]}"`, rules: ['halfwidth-punctuation', 'slogan-variant'], kind: 'ASCII quotes' };
  },
  // A 、 missing inside a lexicon enumeration.
  (text, free) => {
    const site = formSite(text, ENUMERATIONS, free);
    if (!site) return undefined;
    const mark = site.at + site.form.lastIndexOf('、');
    return { start: mark, end: mark + 1, insert: '', rules: ['slogan-variant'], kind: `、 missing in ${site.form}` };
  },
  // Two elements of a lexicon enumeration of fixed order swapped.
  (text, free) => {
    const site = formSite(text, FIXED_ORDER, free);
    if (!site) return undefined;
    const items = site.form.split('、');
    const swapped = [items[1], items[0], ...items.slice(2)].join('、');
    return { start: site.at, end: site.at + site.form.length, insert: swapped, rules: ['slogan-variant'], kind: `reordered ${site.form}` };
  },
  // A character doubled inside a formulation.
  (text, free) => {
    const site = formSite(text, PLAIN, free);
    if (!site) return undefined;
    const at = site.at + 1;
    return { start: at, end: at, insert: site.form[1], rules: ['slogan-variant'], kind: `doubled in ${site.form}` };
  },
  // A traditional character inside a formulation.
  (text, free) => {
    const site = formSite(text, PLAIN.filter((f) => [...f].some((c) => c in TRADITIONAL)), free);
    if (!site) return undefined;
    const i = [...site.form].findIndex((c) => c in TRADITIONAL);
    return { start: site.at + i, end: site.at + i + 1, insert: TRADITIONAL[site.form[i]], rules: ['slogan-variant'], kind: `traditional in ${site.form}` };
  },
  // A dash where 一 is meant.
  (text, free) => {
    const m = first(text, /一体化/gu, free);
    return m && { start: m.index!, end: m.index! + 1, insert: '—', rules: ['dash-for-yi'], kind: '— for 一' };
  },
  // A page break inside a word, in the middle of a long paragraph.
  (text, free) => {
    const m = first(text, /(?<=[^\n]{80})(?:发展|建设|改革)(?=[^\n]{80})/gu, free, (m) => m.index! + 1);
    return m && { start: m.index! + 1, end: m.index! + 1, insert: '\n\n', rules: ['page-break'], kind: `page break in ${m[0]}` };
  },
  // Spaces inside a formulation.
  (text, free) => {
    const site = formSite(text, PLAIN, free);
    return site && { start: site.at + 2, end: site.at + 2, insert: ' ', rules: ['slogan-variant'], kind: `space in ${site.form}` };
  },
];

const REPORTS = ['gwr_2018.txt', 'gwr_2023.txt', 'cpc_congress_20.txt'];
const PER_REPORT = 10;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Up to PER_REPORT edits on distinct lines, each where the clean text has no message of that rule. */
function inject(text: string, clean: Set<string>): { text: string; cases: Array<{ line: number; rules: string[]; kind: string }> } {
  const used = new Set<number>();
  const edits: Edit[] = [];
  for (const injector of INJECTORS) {
    if (edits.length === PER_REPORT) break;
    const edit = injector(text, (offset) => !used.has(lineOf(text, offset)));
    if (!edit) continue;
    const line = lineOf(text, edit.start);
    if (edit.rules.some((r) => clean.has(`${line} ${r}`))) continue;
    used.add(line);
    edits.push(edit);
  }
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.insert + out.slice(e.end);
  const cases = edits.map((e) => {
    const shift = edits.filter((o) => o.start < e.start).reduce((n, o) => n + o.insert.length - (o.end - o.start), 0);
    return { line: lineOf(out, e.start + shift), rules: e.rules, kind: e.kind };
  });
  return { text: out, cases };
}

describe.skipIf(!HAS_REPORTS)('30 errors injected into copies of three reports (needs ../shared/corpora)', () => {
  // Read in beforeAll: a skipped describe still runs its body when the tests are collected.
  let runs: Array<{ name: string; cases: ReturnType<typeof inject>['cases']; messages: ReturnType<typeof lintTexts>[number]['messages'] }> = [];
  beforeAll(() => {
  runs = REPORTS.map((name) => {
    const text = readFileSync(join(GOV_REPORTS, name), 'utf8');
    const cleanMessages = lintTexts([{ filePath: name, text }])[0].messages;
    const { text: injected, cases } = inject(text, new Set(cleanMessages.map((m) => `${m.line} ${m.ruleId}`)));
    const messages = lintTexts([{ filePath: name, text: injected }])[0].messages;
    if (process.env.TIFA_SHOW_INJECTED) for (const c of cases) console.log(name, c.line, c.kind, messages.some((m) => m.line === c.line && c.rules.includes(m.ruleId)) ? "found" : "MISSED");
    return { name, cases, messages };
  });
  });

  it('injects ten errors into each report', () => {
    expect(runs.map((r) => r.cases.length)).toEqual([PER_REPORT, PER_REPORT, PER_REPORT]);
  });

  it('finds at least 28 of the 30 at their line', () => {
    const missed = runs.flatMap(({ name, cases, messages }) =>
      cases.filter((c) => !messages.some((m) => m.line === c.line && c.rules.includes(m.ruleId))).map((c) => `${name}:${c.line} ${c.kind}`),
    );
    expect(missed.length, missed.join('; ')).toBeLessThanOrEqual(2);
  });
});
