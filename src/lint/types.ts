/** The lint model, as in textlint: one result per file, messages located in the ORIGINAL file. */

export type Severity = 'error' | 'warning';

/** A safe, mechanical rewrite: `range` is `[start, end)` in the decoded file text (LF line endings, no BOM). */
export interface LintFix {
  range: [number, number];
  text: string;
}

export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based line and column (in characters of the line) of the first character flagged. */
  line: number;
  column: number;
  /** 1-based line and column just after the last character flagged. */
  endLine: number;
  endColumn: number;
  /**
   * Where the finding is in a file that is not plain text (the readers' Place): the PDF page, or the Word paragraph
   * (then `column` counts in that paragraph). `line` and `column` are then those of the text `tifa extract` prints.
   */
  page?: number;
  paragraph?: number;
  /** With `paragraph`: the paragraph's opening words, so an editor finds it in a word processor. */
  paragraphOpening?: string;
  /** What the editor should probably write instead (shown, never applied). */
  suggestion?: string;
  /** Present only when the rewrite is safe; `--fix` applies it. */
  fix?: LintFix;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

/** What a rule reports: offsets into the body it was given; the linter turns them into lines and columns. */
export interface Finding {
  start: number;
  end: number;
  severity: Severity;
  message: string;
  suggestion?: string;
  fix?: { start: number; end: number; text: string };
}

/** The part of one file that rules read: the text after any front matter, and where it starts in the file. */
export interface LintBody {
  filePath: string;
  text: string;
  /** Offset of `text` in the whole decoded file. */
  offset: number;
  /** File position (1-based line, column in characters) of a body offset: used to point at other files. */
  locate(bodyOffset: number): { line: number; column: number };
  /**
   * The text a reader extracted from a web page, PDF or Word file: its paragraphs are the file's own, page breaks
   * inside sentences already joined where the layout showed them (normalise), so no blank line is a page break.
   */
  extracted?: boolean;
}
