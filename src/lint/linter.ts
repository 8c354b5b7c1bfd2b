import { parseFrontMatter } from '../corpus/frontMatter.js';
import { originalPositions } from '../corpus/originMap.js';
import { loadBundledLexicon, type LexiconEntry } from '../lexicon/lexicon.js';
import type { RuleSetting } from './config.js';
import { findDisabledLines, isDisabled } from './disableComments.js';
import { foldText, type FoldedText } from '../lexicon/fold.js';
import { RULES } from './rules/index.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { buildLexiconIndex } from '../lexicon/lexiconIndex.js';
import { findSloganOccurrences, type SloganOccurrence } from './sloganOccurrences.js';
import type { Finding, LintBody, LintMessage, LintResult } from './types.js';
import { bundledWordList, type WordList } from '../segment/wordList.js';
import { segmenterBreakEvidence } from '../segment/breakEvidence.js';
import { createSegmenter } from '../segment/createSegmenter.js';
import { findPageBreakJoins, type BreakEvidence } from '../corpus/pageBreaks.js';

/** One file to lint: its decoded text (LF line endings, no BOM), front matter included. */
export interface LintInput {
  filePath: string;
  text: string;
}

export interface LintOptions {
  /** Run only these rules (`--rule`), even one the settings turn off. */
  only?: readonly string[];
  /** Per-rule settings of the config file: off, or a severity that replaces the rule's own. */
  settings?: Readonly<Record<string, RuleSetting>>;
  /** Written forms never reported: a message pointing inside one of them is dropped. */
  allow?: readonly string[];
  lexicon?: readonly LexiconEntry[];
  words?: WordList;
  /** Defaults to the bundled segmenter's (createSegmenter), loaded only when a break needs it. */
  breakEvidence?: BreakEvidence;
}

interface PreparedFile {
  input: LintInput;
  body: LintBody;
  locate: (offset: number) => { line: number; column: number };
}

function prepare(input: LintInput): PreparedFile {
  // Front matter is metadata, not text to check; line numbers stay those of the whole file.
  const { bodyStart } = parseFrontMatter(input.text, input.filePath);
  const positions = originalPositions(input.text);
  const locate = (offset: number) => positions.locate(offset);
  const body: LintBody = {
    filePath: input.filePath,
    text: input.text.slice(bodyStart),
    offset: bodyStart,
    locate: (offset) => locate(bodyStart + offset),
  };
  return { input, body, locate };
}

function activeRules(options: LintOptions): Rule[] {
  const only = options.only;
  if (only) return RULES.filter((rule) => only.includes(rule.id));
  return RULES.filter((rule) => options.settings?.[rule.id] !== 'off');
}

function ruleContext(options: LintOptions): RuleContext {
  const slogans = buildLexiconIndex(options.lexicon ?? loadBundledLexicon());
  // The word list takes half a second to read: only a run that needs it pays for it.
  const words = options.words ?? { frequency: (word: string) => bundledWordList().frequency(word) };
  const cache = new Map<LintBody, { folded: FoldedText; occurrences: SloganOccurrence[] }>();
  let evidence: BreakEvidence | undefined;
  const breakEvidence = options.breakEvidence ?? { wordAcross: (before: string, after: string) => (evidence ??= segmenterBreakEvidence(createSegmenter())).wordAcross(before, after) };
  return {
    slogans,
    words,
    breakEvidence,
    sloganText(body) {
      let found = cache.get(body);
      if (!found) {
        // Folded across the page breaks the corpus reader repairs, so lint finds a slogan where `tifa slogans` does.
        const folded = foldText(body.text, findPageBreakJoins(body.text, breakEvidence).map(({ offset, end }) => ({ start: offset, end })));
        cache.set(body, (found = { folded, occurrences: findSloganOccurrences(body.text, folded, slogans) }));
      }
      return found;
    },
  };
}

/** Every `[start, end)` of the file where an allowed written form stands. */
function allowedRanges(text: string, allow: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const form of allow) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) ranges.push([at, at + form.length]);
  }
  return ranges;
}

function toMessages(file: PreparedFile, ruleId: string, findings: Finding[], options: LintOptions): LintMessage[] {
  const disabled = findDisabledLines(file.input.text);
  const allowed = allowedRanges(file.input.text, options.allow ?? []);
  const setting = options.settings?.[ruleId];
  const messages: LintMessage[] = [];
  for (const finding of findings) {
    const start = file.body.offset + finding.start;
    const end = file.body.offset + finding.end;
    const from = file.locate(start);
    if (isDisabled(disabled, from.line, ruleId) || allowed.some(([s, e]) => s <= start && end <= e)) continue;
    const to = file.locate(end);
    const message: LintMessage = {
      ruleId,
      severity: setting === 'error' || setting === 'warning' ? setting : finding.severity,
      message: finding.message,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
    };
    if (finding.suggestion !== undefined) message.suggestion = finding.suggestion;
    if (finding.fix) message.fix = { range: [file.body.offset + finding.fix.start, file.body.offset + finding.fix.end], text: finding.fix.text };
    messages.push(message);
  }
  return messages;
}

function byPosition(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/**
 * Lints the files of one run together (inconsistent-form compares them with each other). Pure: texts in,
 * results out, one per input in the same order.
 */
export function lintTexts(inputs: readonly LintInput[], options: LintOptions = {}): LintResult[] {
  const files = inputs.map(prepare);
  const context = ruleContext(options);
  const messages: LintMessage[][] = files.map(() => []);
  for (const rule of activeRules(options)) {
    if (rule.scope === 'file') {
      files.forEach((file, i) => messages[i].push(...toMessages(file, rule.id, rule.check(file.body, context), options)));
    } else {
      const perFile = rule.check(files.map((f) => f.body), context);
      files.forEach((file, i) => messages[i].push(...toMessages(file, rule.id, perFile[i], options)));
    }
  }
  return files.map((file, i) => ({ filePath: file.input.filePath, messages: messages[i].sort(byPosition) }));
}
