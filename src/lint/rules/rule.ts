import type { FoldedText } from '../../lexicon/fold.js';
import type { LexiconIndex } from '../../lexicon/lexiconIndex.js';
import type { SloganOccurrence } from '../sloganOccurrences.js';
import type { Finding, LintBody } from '../types.js';
import type { WordList } from '../../segment/wordList.js';
import type { BreakEvidence } from '../../corpus/pageBreaks.js';

/** What every rule may read besides the text: the lexicon, the word list, and slogan matches shared by rules. */
export interface RuleContext {
  slogans: LexiconIndex;
  words: WordList;
  /** The segmenter's word across a page break, the same evidence the corpus reader is given. */
  breakEvidence: BreakEvidence;
  /** The folded text and the exact lexicon occurrences of a body, computed once per run whichever rules ask. */
  sloganText(body: LintBody): { folded: FoldedText; occurrences: SloganOccurrence[] };
}

interface RuleInfo {
  /** Kebab-case, as written in messages, `--rule` and the config file. */
  id: string;
  description: string;
}

/** A rule that reads one file at a time. */
export interface FileRule extends RuleInfo {
  scope: 'file';
  check(body: LintBody, context: RuleContext): Finding[];
}

/** A rule that compares the files of the run with each other; returns one list of findings per body. */
export interface CorpusRule extends RuleInfo {
  scope: 'corpus';
  check(bodies: readonly LintBody[], context: RuleContext): Finding[][];
}

export type Rule = FileRule | CorpusRule;
