import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { applyFixes } from '../src/lint/applyFixes.js';
import { isIgnored, parseLintConfig } from '../src/lint/config.js';
import { globToRegExp } from '../src/lint/glob.js';
import { sharedReading } from '../src/lint/homophone.js';
import { singleEdit } from '../src/lint/singleEdit.js';
import { LINT_FORMATTERS } from '../src/format/lint/index.js';
import { unifiedDiff } from '../src/lint/lineDiff.js';
import { linter, lintTexts, type LintOptions } from '../src/lint/linter.js';
import { RULE_IDS } from '../src/lint/rules/index.js';
import type { LintResult } from '../src/lint/types.js';
import { parseLexicon } from '../src/lexicon/lexicon.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/lint/', import.meta.url));
const lexicon = parseLexicon(readFileSync(join(FIXTURES, 'slogans.tsv'), 'utf8'), 'slogans.tsv');

function lint(text: string, options: LintOptions = {}) {
  return lintTexts([{ filePath: 'x.txt', text }], { lexicon, ...options })[0].messages;
}

describe('fixture triples (x.raw.txt, x.fixed.txt, x.expect.json), one folder per rule', () => {
  for (const rule of RULE_IDS) {
    it(rule, () => {
      const dir = join(FIXTURES, rule);
      const names = readdirSync(dir).filter((f) => f.endsWith('.raw.txt')).sort();
      expect(names.length).toBeGreaterThan(0);
      // The files of a folder are linted as one run, so inconsistent-form can compare them.
      const inputs = names.map((name) => ({ filePath: name, text: readFileSync(join(dir, name), 'utf8') }));
      const results = lintTexts(inputs, { only: [rule], lexicon, acrossFiles: true });
      results.forEach((result, i) => {
        const base = join(dir, names[i].replace(/\.raw\.txt$/, ''));
        expect(result.messages, names[i]).toEqual(JSON.parse(readFileSync(`${base}.expect.json`, 'utf8')));
        expect(applyFixes(inputs[i].text, result.messages).text, names[i]).toBe(readFileSync(`${base}.fixed.txt`, 'utf8'));
      });
    });
  }
});

describe('slogan-variant', () => {
  it('never flags a canonical form or a known variant as a near miss of another form', () => {
    const messages = lint('“两个确立”“两个维护”', { only: ['slogan-variant'] });
    expect(messages).toEqual([]);
  });

  it('fixes the spaces of a variant without turning it into the canonical form', () => {
    const text = '坚持市县主战 派出所主防。';
    const [message] = lint(text, { only: ['slogan-variant'] });
    expect(message.message).toBe('found “市县主战 派出所主防”; expected “市县主战派出所主防” (spaces inside)');
    expect(applyFixes(text, [message]).text).toBe('坚持市县主战派出所主防。');
  });

  it('counts an accepted variant without a message; the house style can discourage or forbid it', () => {
    const text = '坚持市县主战派出所主防，做到严格规范公正文明。';
    expect(lint(text)).toEqual([]);
    const house = lint(text, { variants: { 市县主战派出所主防: 'discouraged', 严格规范公正文明: 'wrong' } });
    expect(house.map((m) => [m.severity, m.message])).toEqual([
      ['warning', 'found “市县主战派出所主防”; expected “市县主战、派出所主防” (a discouraged variant)'],
      ['error', 'found “严格规范公正文明”; expected “严格、规范、公正、文明” (a wrong variant)'],
    ]);
  });

  it('names the traditional character it found', () => {
    expect(lint('做到“两个維护”。', { only: ['slogan-variant'] }).map((m) => m.message)).toEqual(['found “两个維护”; expected “两个维护” (traditional character 維)']);
  });
});

describe('one message per place, inconsistent forms within a file', () => {
  it('reports a site once, by the most specific rule', () => {
    const text = '坚持“两个维护”，做到“两个維护”。';
    const messages = lint(text, { acrossFiles: false });
    expect(messages.map((m) => m.ruleId)).toEqual(['slogan-variant']);
  });

  it('compares forms within one file unless asked to compare the run', () => {
    const inputs = [
      { filePath: 'a.txt', text: '推进“互联网＋监管”。' },
      { filePath: 'b.txt', text: '推进“互联网+监管”，“互联网+监管”。' },
    ];
    expect(lintTexts(inputs, { lexicon, only: ['inconsistent-form'] }).flatMap((r) => r.messages)).toEqual([]);
    const across = lintTexts(inputs, { lexicon, only: ['inconsistent-form'], acrossFiles: true });
    expect(across[0].messages.map((m) => m.message)).toEqual(['found “互联网＋监管”; expected “互联网+监管” as written elsewhere (2×, first at b.txt:1:4)']);
  });

  it('files linted one at a time (as tifa lint streams them) get the results of one run, unless the run is compared', () => {
    const inputs = [
      { filePath: 'a.txt', text: '推进“互联网＋监管”，“互联网+监管”，“互联网+监管”。' },
      { filePath: 'b.txt', text: '推进“互联网＋监管”。\n“互联网＋监管”，“互联网+监管”。' },
    ];
    const options = { lexicon, only: ['inconsistent-form'] };
    const together = lintTexts(inputs, options);
    const lint = linter(options);
    expect(inputs.flatMap((input) => lint([input]))).toEqual(together);
    // One finding per file, each against its own majority form.
    expect(together.map((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.suggestion}`))).toEqual([['1:4 互联网+监管'], ['2:11 互联网＋监管']]);
  });

  it('never flags the canonical form, even where a variant is more common', () => {
    const text = '“严格规范公正文明”“严格规范公正文明”“严格、规范、公正、文明”';
    const messages = lint(text, { only: ['inconsistent-form'] });
    expect(messages).toEqual([]);
  });
});

describe('near-miss building blocks', () => {
  it('singleEdit names the one edit between a window and a form', () => {
    expect(singleEdit('公安性党', '公安姓党')).toEqual({ kind: 'substitution', at: 2, written: '性', expected: '姓' });
    expect(singleEdit('党的对公安工作', '党对公安工作')).toEqual({ kind: 'insertion', at: 1, written: '的' });
    expect(singleEdit('党公安工作', '党对公安工作')).toEqual({ kind: 'deletion', at: 1, expected: '对' });
    expect(singleEdit('公安姓党', '公安姓党')).toBeUndefined();
    expect(singleEdit('公安性黨', '公安姓党')).toBeUndefined();
  });

  it('sharedReading ignores tones and knows every reading of a polyphone', () => {
    expect(sharedReading('姓', '性')).toBe('xing');
    expect(sharedReading('行', '星')).toBe('xing');
    expect(sharedReading('冶', '治')).toBeUndefined();
  });

  it('globToRegExp: ** folders, * within a name, a bare name anywhere', () => {
    expect(globToRegExp('drafts/**').test('drafts/a/b.txt')).toBe(true);
    expect(globToRegExp('**/old-*.txt').test('a/b/old-1.txt')).toBe(true);
    expect(globToRegExp('**/old-*.txt').test('old-1.txt')).toBe(true);
    expect(globToRegExp('*.md').test('notes/x.md')).toBe(true);
    expect(globToRegExp('a/*.md').test('a/b/x.md')).toBe(false);
  });
});

describe('positions', () => {
  it('skips front matter but counts its lines, and counts columns in characters', () => {
    const text = '---\ntitle: 枫桥 经验\n---\n𠀀“枫桥 经验”\n';
    const [message] = lint(text, { only: ['slogan-variant'] });
    expect(message).toMatchObject({ line: 4, column: 3, endLine: 4, endColumn: 8 });
    const body = text.lastIndexOf('枫桥 ');
    expect(message.fix?.range).toEqual([body, body + 5]);
  });
});

describe('silencing', () => {
  const text = '“枫桥 经验”\n<!-- tifa-disable-next-line slogan-variant -->\n“枫桥 经验”\n# tifa-disable-next-line\n统—领导\n统—领导\n';

  it('an inline comment silences the named rules (or all) on the next line only', () => {
    const lines = lint(text).map((m) => `${m.line}:${m.ruleId}`);
    expect(lines).toEqual(['1:slogan-variant', '6:dash-for-yi']);
  });

  it('an allowed written form is never reported', () => {
    expect(lint('“枫桥 经验”，统—领导', { allow: ['统—'] }).map((m) => m.ruleId)).toEqual(['slogan-variant']);
  });

  it('a rule set to off does not run, a severity replaces the rule’s own, --rule overrides off', () => {
    expect(lint('统—领导', { settings: { 'dash-for-yi': 'off' } })).toEqual([]);
    expect(lint('统—领导', { settings: { 'dash-for-yi': 'warning' } })[0].severity).toBe('warning');
    expect(lint('统—领导', { only: ['dash-for-yi'], settings: { 'dash-for-yi': 'off' } })).toHaveLength(1);
  });
});

describe('config file', () => {
  it('reads rules, ignore and allow', () => {
    const config = parseLintConfig('{ "rules": { "dash-for-yi": "off" }, "ignore": ["drafts/**", "*.md"], "allow": ["统—"] }', '/p/.tifalintrc.json');
    expect(config).toEqual({ rules: { 'dash-for-yi': 'off' }, ignore: ['drafts/**', '*.md'], allow: ['统—'], variants: {}, baseDir: '/p' });
    expect(isIgnored(config, '/p/drafts/a/b.txt')).toBe(true);
    expect(isIgnored(config, '/p/notes/readme.md')).toBe(true);
    expect(isIgnored(config, '/p/corpus/a.txt')).toBe(false);
  });

  it.each([
    ['{ "rules": ', 'not valid JSON'],
    ['[]', 'expected a JSON object'],
    ['{ "rule": {} }', 'unknown key "rule"'],
    ['{ "rules": { "no-such-rule": "off" } }', 'unknown rule "no-such-rule"'],
    ['{ "rules": { "dash-for-yi": "on" } }', 'use "off", "warning" or "error"'],
    ['{ "ignore": "drafts" }', '"ignore" must be a list'],
  ])('rejects %s with an InputError naming the file', (text, problem) => {
    expect(() => parseLintConfig(text, 'my.json')).toThrow(InputError);
    expect(() => parseLintConfig(text, 'my.json')).toThrow(new RegExp(`^my\\.json: .*${problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

describe('formatters', () => {
  const results: LintResult[] = [
    { filePath: 'a.txt', messages: lint('“枫桥 经验”，统—领导') },
    { filePath: 'b.txt', messages: [] },
  ];
  const color = new Chalk({ level: 0 });

  it('compact: file:line:col: severity message [rule-id]', () => {
    expect(LINT_FORMATTERS.compact(results, { color })).toBe(
      'a.txt:1:2: error found “枫桥 经验”; expected “枫桥经验” (spaces inside) [slogan-variant]\n' +
        'a.txt:1:10: error found “统—”; expected “统一” (— for 一) [dash-for-yi]\n',
    );
  });

  it('json: the kernel results as they are', () => {
    expect(JSON.parse(LINT_FORMATTERS.json(results, { color }))).toEqual(results);
  });

  it('stylish: grouped by file, clean files left out, a summary', () => {
    const out = LINT_FORMATTERS.stylish(results, { color });
    expect(out).toContain('\na.txt\n  1:2   error    found “枫桥 经验”');
    expect(out).not.toContain('b.txt');
    expect(out).toContain('✖ 2 problems (2 errors, 0 warnings)\n  1 problem fixable with --fix\n');
    expect(LINT_FORMATTERS.stylish([results[1]], { color })).toBe('');
  });
});

describe('unifiedDiff', () => {
  it('prints changed lines with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\n运\n\n行\ng\n';
    const after = 'a\nb\nc\nd\ne\nf\n运行\ng\n';
    expect(unifiedDiff('x.txt', before, after)).toBe('--- x.txt\n+++ x.txt\n@@ -4,7 +4,5 @@\n d\n e\n f\n-运\n-\n-行\n+运行\n g\n');
    expect(unifiedDiff('x.txt', before, before)).toBe('');
  });
});

describe('the misses: slips the lexicon makes visible', () => {
  const bundled = (text: string) => lintTexts([{ filePath: 'x.txt', text }], { only: ['slogan-variant', 'halfwidth-punctuation'] })[0].messages.map((m) => m.message);

  it('a 、 missing or extra inside a lexicon enumeration; none at all is a style', () => {
    expect(bundled('对党忠诚、服务人民执法公正、纪律严明。')).toEqual(['found “对党忠诚、服务人民执法公正、纪律严明”; expected “对党忠诚、服务人民、执法公正、纪律严明” (、 missing after 服务人民)']);
    expect(bundled('对党忠诚、服务人民、执法、公正、纪律严明。')).toEqual(['found “对党忠诚、服务人民、执法、公正、纪律严明”; expected “对党忠诚、服务人民、执法公正、纪律严明” (extra 、 in 执法公正)']);
    expect(bundled('对党忠诚、服务人民、执法公正、纪律严明。')).toEqual([]);
  });

  it('any order of a one-character list whose order the lexicon shows, not only the listed ones', () => {
    expect(bundled('严厉打击毒黄赌。')).toEqual(['found “毒黄赌”; expected “黄赌毒” (elements in another order)']);
    expect(bundled('严厉打击黄赌毒。')).toEqual([]);
  });

  it('a character doubled inside a formulation', () => {
    expect(bundled('坚决做到两个个维护。')).toEqual(['found “两个个维护”; expected “两个维护” (个 doubled)']);
    expect(bundled('人人有责，个个争先。')).toEqual([]);
  });

  it('ASCII quotes around a Chinese quotation outside the lexicon; an English one is left', () => {
    expect(bundled('加强"三河三湖"治理，学习"Made in China"。')).toEqual(['found "三河三湖"; expected “三河三湖” (ASCII quotes around Chinese)']);
  });

  it('. , ; : between Chinese characters; decimals and times are left', () => {
    expect(bundled('推进改革.深化开放;扩大内需:稳定增长,提高3.5%，10:30开会。')).toEqual([
      'found “.”; expected “。” (half-width full stop between Chinese characters)',
      'found “;”; expected “；” (half-width semicolon between Chinese characters)',
      'found “:”; expected “：” (half-width colon between Chinese characters)',
      'found “,”; expected “，” (half-width comma between Chinese characters)',
    ]);
  });
});
