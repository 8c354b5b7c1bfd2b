import { parseFrontMatter } from '../corpus/frontMatter.js';
import { originalPositions } from '../corpus/originMap.js';
import { loadBundledLexicon, type LexiconEntry } from '../lexicon/lexicon.js';
import type { RuleSetting } from './config.js';
import { findDisabledLines, isDisabled } from './disableComments.js';
import { foldText, type FoldedText } from '../lexicon/fold.js';
import { onePerPlace } from './onePerPlace.js';
import { variantStatuses, type VariantStatus } from './variantStatus.js';
import { RULES } from './rules/index.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { buildLexiconIndex } from '../lexicon/lexiconIndex.js';
import { findSloganOccurrences, type SloganOccurrence } from './sloganOccurrences.js';
import type { Finding, LintBody, LintMessage, LintResult } from './types.js';
import { bundledWordList, type WordList } from '../segment/wordList.js';
import { segmenterBreakEvidence } from '../segment/breakEvidence.js';
import { createSegmenter } from '../segment/createSegmenter.js';
import type { BreakEvidence } from '../corpus/pageBreaks.js';
import { bodyPageBreaks } from './paragraphs.js';
import type { OriginMap, Place } from '../corpus/document.js';

/**
 * One file to lint: its decoded text (LF line endings, no BOM), front matter included; or, for a web page, PDF or
 * Word file, the text its reader extracted (no front matter) with `origin`, the reader's map back to the file; or,
 * for a Markdown file, the text a reader sees with `origin` and `source`, the file it was read from.
 */
export interface LintInput {
  filePath: string;
  text: string;
  origin?: OriginMap;
  /**
   * The decoded file `text` was read from, and the offset in it of each offset of `text` (Markdown): its disable
   * comments count, and a fix is mapped into it, or left out where it would touch markup.
   */
  source?: { text: string; offsetOf(offset: number): number };
}

/**
 * A fix's range in the file: itself, or for Markdown the file range it came from, when that holds the same
 * characters side by side (a fix across a dropped `**` or a replaced entity would rewrite markup: none).
 */
function fileRange(input: LintInput, start: number, end: number): [number, number] | undefined {
  const source = input.source;
  if (!source) return [start, end];
  if (end > start) {
    const from = source.offsetOf(start);
    const to = source.offsetOf(end - 1) + 1;
    return to - from === end - start && source.text.slice(from, to) === input.text.slice(start, end) ? [from, to] : undefined;
  }
  if (start === 0) return undefined;
  const at = source.offsetOf(start - 1) + 1;
  return source.text[at - 1] === input.text[start - 1] && (start === input.text.length || source.offsetOf(start) === at) ? [at, at] : undefined;
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
  /** inconsistent-form compares the files of the run with each other (`--across-files`), not each file with itself. */
  acrossFiles?: boolean;
  /** House style: the status of written variants (`.tifalintrc.json` `variants`), over the lexicon's. */
  variants?: Readonly<Record<string, VariantStatus>>;
  /** Defaults to the bundled segmenter's (createSegmenter), loaded only when a break needs it. */
  breakEvidence?: BreakEvidence;
}

interface PreparedFile {
  input: LintInput;
  body: LintBody;
  locate: (offset: number) => Place;
  /** Line of an offset in the linted text itself, which disable comments refer to. */
  textLine: (offset: number) => number;
}

function prepare(input: LintInput): PreparedFile {
  // Front matter is metadata, not text to check; line numbers stay those of the whole file. An extracted text has
  // none (its metadata came from the file's own fields).
  const bodyStart = input.origin ? 0 : parseFrontMatter(input.text, input.filePath).bodyStart;
  const positions = originalPositions(input.text);
  const origin = input.origin ?? positions;
  const locate = (offset: number) => origin.locate(offset);
  // Disable comments are lines of the file they are written in: Markdown's, whose text drops them.
  const textLine = input.source ? (offset: number) => locate(offset).line : (offset: number) => positions.locate(offset).line;
  const body: LintBody = {
    filePath: input.filePath,
    text: input.text.slice(bodyStart),
    offset: bodyStart,
    locate: (offset) => locate(bodyStart + offset),
    extracted: input.origin !== undefined,
  };
  return { input, body, locate, textLine };
}

/** How many characters of a paragraph's opening `paragraphOpening` quotes: enough to find it with a search. */
const OPENING_LENGTH = 12;

/** The opening words of the paragraph (line of the extracted text) that holds `offset`. */
function openingWords(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', start);
  const line = [...text.slice(start, end === -1 ? text.length : end).trim()];
  return line.length > OPENING_LENGTH ? `${line.slice(0, OPENING_LENGTH).join('')}…` : line.join('');
}

function activeRules(options: LintOptions): Rule[] {
  const only = options.only;
  if (only) return RULES.filter((rule) => only.includes(rule.id));
  return RULES.filter((rule) => options.settings?.[rule.id] !== 'off');
}

function ruleContext(options: LintOptions): RuleContext {
  const entries = options.lexicon ?? loadBundledLexicon();
  const slogans = buildLexiconIndex(entries);
  // The word list takes half a second to read: only a run that needs it pays for it.
  const words = options.words ?? { frequency: (word: string) => bundledWordList().frequency(word) };
  // Weak: a run that lints its files one at a time lets each go once it is linted.
  const cache = new WeakMap<LintBody, { folded: FoldedText; occurrences: SloganOccurrence[] }>();
  let evidence: BreakEvidence | undefined;
  const breakEvidence = options.breakEvidence ?? { wordAcross: (before: string, after: string) => (evidence ??= segmenterBreakEvidence(createSegmenter())).wordAcross(before, after) };
  return {
    slogans,
    words,
    breakEvidence,
    acrossFiles: options.acrossFiles ?? false,
    statusOf: variantStatuses(entries, options.variants ?? {}),
    sloganText(body) {
      let found = cache.get(body);
      if (!found) {
        // Folded across the page breaks the corpus reader repairs, so lint finds a slogan where `tifa slogans` does.
        const folded = foldText(body.text, bodyPageBreaks(body, breakEvidence).map(({ offset, end }) => ({ start: offset, end })));
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
  const disabled = findDisabledLines(file.input.source?.text ?? file.input.text);
  const allowed = allowedRanges(file.input.text, options.allow ?? []);
  const setting = options.settings?.[ruleId];
  const messages: LintMessage[] = [];
  for (const finding of findings) {
    const start = file.body.offset + finding.start;
    const end = file.body.offset + finding.end;
    const from = file.locate(start);
    if (isDisabled(disabled, file.textLine(start), ruleId) || allowed.some(([s, e]) => s <= start && end <= e)) continue;
    const to = file.locate(end);
    const message: LintMessage = {
      ruleId,
      severity: setting === 'error' || setting === 'warning' ? setting : finding.severity,
      // One line per message, whatever text a rule quotes: compact, GitHub and CI formats print one per line.
      message: finding.message.replace(/\r?\n/g, '⏎'),
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
    };
    if (from.page !== undefined) message.page = from.page;
    if (from.paragraph !== undefined) {
      message.paragraph = from.paragraph;
      message.paragraphOpening = openingWords(file.input.text, start);
    }
    if (finding.suggestion !== undefined) message.suggestion = finding.suggestion;
    const range = finding.fix && fileRange(file.input, file.body.offset + finding.fix.start, file.body.offset + finding.fix.end);
    if (finding.fix && range) message.fix = { range, text: finding.fix.text };
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
  return linter(options)(inputs);
}

/**
 * lintTexts with the rule context (the compiled lexicon) made once, for a run that lints its files a few at a
 * time: without acrossFiles no rule compares one file with another, so the results are those of one call.
 */
export function linter(options: LintOptions = {}): (inputs: readonly LintInput[]) => LintResult[] {
  const context = ruleContext(options);
  return (inputs) => lintWith(context, inputs, options);
}

function lintWith(context: RuleContext, inputs: readonly LintInput[], options: LintOptions): LintResult[] {
  const files = inputs.map(prepare);
  const messages: LintMessage[][] = files.map(() => []);
  for (const rule of activeRules(options)) {
    if (rule.scope === 'file') {
      files.forEach((file, i) => messages[i].push(...toMessages(file, rule.id, rule.check(file.body, context), options)));
    } else {
      const perFile = rule.check(files.map((f) => f.body), context);
      files.forEach((file, i) => messages[i].push(...toMessages(file, rule.id, perFile[i], options)));
    }
  }
  return files.map((file, i) => ({ filePath: file.input.filePath, messages: onePerPlace(messages[i]).sort(byPosition) }));
}
