/**
 * Where a page break cut a sentence, decided once for the corpus reader, `tifa import` and `tifa lint`: first the
 * structure (what the line before the break is: a heading, a salutation, a signature, a list item, one of a series
 * of parallel paragraphs…), then the sentence (does the text on both sides read as one cut sentence?).
 */

/** Marks that end a sentence (full-width as printed, ASCII as sometimes left by extraction). */
const SENTENCE_END = new Set([...'。！？；：…!?;:.']);
/** Closing brackets end what they close (a citation `（…第六页）` stands alone). */
const CLOSING_BRACKETS = new Set([...'）」』》〉】〕)]']);
/** Closing quotes end a sentence only when what they close does: `…。”` yes, `深化刑事案件“两统一”` no. */
const CLOSING_QUOTES = new Set([...'”’"\'']);
/** Full stops inside a line: a numbered line holding one is a paragraph, not a section heading. */
const FULL_STOP = /[。！？!?]/;
/** Punctuation found inside running text but never in a short title or an author line. */
const CLAUSE_PUNCTUATION = /[，、；,]/;
/** A title or byline line below this length without clause punctuation is taken as a heading. */
const HEADING_MAX_LENGTH = 30;
/**
 * A space between Han characters separates title halves (`奋楫前行 进而有为`) or a position from a name
 * (`局长 伍春宏`). Spaces beside digits, Latin letters or `+` are extraction artefacts and say nothing, and a space
 * between two single characters is a padded two-character name (`李　强`), so one side must hold two Han characters.
 */
const WORD_SPACE = /\p{Script=Han}{2}[ \t\u3000\u00a0]+\p{Script=Han}|\p{Script=Han}[ \t\u3000\u00a0]+\p{Script=Han}{2}/u;
/**
 * Paragraph heads that start with a Han character or digit (`一、` `二是` `三要` `第一章` `1、` `2.`). Heads such as
 * `（一）`, `(1)` or `——` need no entry: a continuation must start with a Han character or digit anyway.
 */
const LIST_HEAD = /^(?:[一二三四五六七八九十]+[、是要]|第[一二三四五六七八九十百\d]+[章节条部编篇款、，]|\d+[、．.](?!\d))/u;
/** Section numbers that open a heading line (`一、` `（三）` `(2)` `第二章` `第二，`). */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十百\d]+[章节部编篇、，]|\d+[、．.](?!\d))/u;
/** Markdown and plain-text list items and table rows: their line ends are the author's. */
const LIST_OR_TABLE = /^(?:[-*+•·▪◆●○■□]\s|\|)|\t|\|\s*$/u;
/** A line ending in a dash or an ellipsis leads into what follows on purpose (`……概括起来就是——`). */
const LEADS_IN = /(?:——|…|⋯)$/u;
/** A line wholly inside title marks or bold markers (`《关于…的意见》`, `**一、总体要求**`) is a heading. */
const WRAPPED_TITLE = /^(?:《[^《》]+》|\*\*.+\*\*)$/u;
/** Marks that nothing ends on: a line ending with one stopped mid-sentence (`强化源头治理、⏎监测预警`). */
const CUT_END = /[、（(“《「]$/u;
/** A comma or a quoted term ends a line mid-sentence too, unless the line is one of a series (`为悼念…，` ×4). */
const CLAUSE_END = /[，,”’"']$/u;
/** A line starting with one of these continues the line before: no paragraph opens on them. */
const CONTINUATION_START = /^[，、。；：？！,;)）”’》」』]/u;
/** Marks that open what a later mark closes, in the same sentence. */
const PAIRS: ReadonlyArray<[string, string]> = [['“', '”'], ['《', '》'], ['（', '）'], ['「', '」']];
const STARTS_LIKE_TEXT = /^[\p{Script=Han}\d]/u;
const HAN = /\p{Script=Han}/u;
/** Characters compared at the start of two paragraphs to tell a series (`为悼念…，` `为悼念…，`). */
const SERIES_OPENING = 3;

/**
 * What the segmenter says across a break: whether a word of the text read on (`before` + `after`) starts before the
 * break and ends after it (`适当控⏎制信贷` → 控制). The corpus layer cannot segment; callers that can inject this
 * (src/segment/breakEvidence.ts). Without it only the punctuation evidence counts.
 */
export interface BreakEvidence {
  wordAcross(before: string, after: string): boolean;
  /**
   * What a reader that knows the layout says of the break before the line starting at `offset`: true when the
   * text runs on across it (a PDF page whose last line reaches the right edge, the next page's first line not
   * indented). A heading never fills its line, so this outweighs the heading look of the line before.
   */
  runsOn?(offset: number): boolean;
}

/** A page break that cut a sentence: `[offset, end)` (newline, blank lines, indentation) is removed by the repair. */
export interface PageBreakJoin {
  /** Original offset right after the last character of the broken line. */
  offset: number;
  /** Original offset of the first character that continues the sentence. */
  end: number;
  /** 1-based line of the broken line (where the sentence stops). */
  line: number;
}

/** True when the trimmed line ends its sentence, looking through closing quotes. */
export function endsSentence(line: string): boolean {
  // A markdown bold block closing (`…**`) ends a title, whatever precedes it.
  if (line.endsWith('**')) return true;
  let i = line.length - 1;
  while (i >= 0 && CLOSING_QUOTES.has(line[i])) i--;
  return i < 0 || SENTENCE_END.has(line[i]) || CLOSING_BRACKETS.has(line[i]);
}

/**
 * Titles, bylines and section headings: split by a space between words, a dash-led signature or dateline
 * (`——编者`, `——2024年3月5日在…会议上`), short without clause punctuation, a numbered line without a full stop
 * (`一、关于…的准备`, `六、健全…制度体系，发展社会主义民主政治`), or wrapped in 《》 or `**`.
 */
function isHeadingLike(line: string): boolean {
  if (WORD_SPACE.test(line) || line.startsWith('——') || WRAPPED_TITLE.test(line)) return true;
  if (SECTION_NUMBER.test(line)) return !FULL_STOP.test(line);
  return line.length < HEADING_MAX_LENGTH && !CLAUSE_PUNCTUATION.test(line);
}

/** The line's end is part of the document's structure, not of a sentence a page cut. */
function endsByStructure(line: string, previousIsContinuation: boolean): boolean {
  if (endsSentence(line) || LEADS_IN.test(line) || LIST_OR_TABLE.test(line)) return true;
  return !previousIsContinuation && isHeadingLike(line);
}

/** Whether a line can continue a sentence cut by a page break: it starts like running text, not like a list head. */
function continuesSentence(line: string): boolean {
  return STARTS_LIKE_TEXT.test(line) && !LIST_HEAD.test(line) && !LIST_OR_TABLE.test(line);
}

/** Two paragraphs that open alike are items of a series (`为悼念…，` four times): each ends where its author ended it. */
function openAlike(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const opening = [...a].slice(0, SERIES_OPENING).join('');
  return HAN.test(opening) && [...opening].length === SERIES_OPENING && b.startsWith(opening);
}

/** The line leaves a quotation or a bracket open (`推进“专业+机制+大⏎数据”`): what it opened goes on below. */
function leavesOpen(line: string): boolean {
  for (const [open, close] of PAIRS) if (count(line, open) > count(line, close)) return true;
  return false;
}

function count(line: string, mark: string): number {
  let n = 0;
  for (let at = line.indexOf(mark); at !== -1; at = line.indexOf(mark, at + 1)) n++;
  return n;
}

/**
 * The sentence evidence, strong first: the line before stops on a mark nothing ends on or leaves a quotation open,
 * or the segmenter reads a
 * word across the break (`运⏎行` → 运行). Weaker: the line
 * before stops on a comma or inside a quoted term (`“两统一”⏎改革`), which also ends the items of a series on
 * purpose (`为悼念…，` ×4), so it counts only outside a series. A line that merely lacks its full stop
 * (`…迈出新步伐⏎面对国际局势…`) is a paragraph of its own.
 */
function readsAsOneSentence(previous: LineBefore, next: string, evidence: BreakEvidence | undefined): boolean {
  if (CUT_END.test(previous.text) || leavesOpen(previous.text) || evidence?.wordAcross(previous.text, next)) return true;
  if (!CLAUSE_END.test(previous.text)) return false;
  return previous.isContinuation || !(openAlike(previous.priorStart, previous.paragraphStart) || openAlike(previous.paragraphStart, next));
}

interface LineBefore {
  text: string;
  contentEnd: number;
  line: number;
  isContinuation: boolean;
  /** The first line of this line's paragraph, and of the paragraph before it: to tell a series. */
  paragraphStart: string;
  priorStart?: string;
}

/** The join decision for one blank-line break between `previous` and the line `next`. */
function isPageBreakInSentence(previous: LineBefore, next: string, nextOffset: number, evidence: BreakEvidence | undefined): boolean {
  // No paragraph, not even one under a heading, opens on a comma: that line continues whatever came before.
  if (CONTINUATION_START.test(next)) return !endsSentence(previous.text);
  if (evidence?.runsOn?.(nextOffset)) return !endsSentence(previous.text) && !LEADS_IN.test(previous.text) && continuesSentence(next);
  if (endsByStructure(previous.text, previous.isContinuation) || !continuesSentence(next)) return false;
  return readsAsOneSentence(previous, next, evidence);
}

/**
 * Characters a page holds at the least: two breaks closer than this are not both page ends, so where page starts
 * are unknown (plain text) neither is taken for one. They are the author's own lines: list items that end in a
 * comma (`委员长，⏎⏎副委员长若干人，⏎⏎秘书长，`), a table's cells.
 */
const MIN_PAGE_CHARS = 200;

/** The joins that stand alone: none within MIN_PAGE_CHARS of another. */
function apart(joins: PageBreakJoin[]): PageBreakJoin[] {
  return joins.filter((join, i) => {
    const before = joins[i - 1];
    const after = joins[i + 1];
    return (!before || join.offset - before.end >= MIN_PAGE_CHARS) && (!after || after.offset - join.end >= MIN_PAGE_CHARS);
  });
}

/**
 * Finds the paragraph breaks that a PDF page break put inside a sentence (`新型警务运\n\n行模式`): the line before
 * ends by no structure of the document and the text on both sides reads as one cut sentence.
 * Only breaks with at least one blank line count; a single newline is a line of its own (titles, bylines).
 * `pageStarts`: offsets where the text's pages begin, when a reader knows them (PDF): only a break at one of them
 * can be a page break. Without them (plain text) a break is one only if no other lies within a page's length.
 */
export function findPageBreakJoins(original: string, evidence?: BreakEvidence, pageStarts?: readonly number[]): PageBreakJoin[] {
  const joins = candidateJoins(original, evidence);
  if (pageStarts) return joins.filter((join) => pageStarts.some((at) => join.offset <= at && at <= join.end));
  return apart(joins);
}

function candidateJoins(original: string, evidence?: BreakEvidence): PageBreakJoin[] {
  const joins: PageBreakJoin[] = [];
  let previous: LineBefore | undefined;
  let blankSincePrevious = false;
  let lineStart = 0;
  for (let line = 1; lineStart <= original.length; line++) {
    const newline = original.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? original.length : newline;
    const raw = original.slice(lineStart, lineEnd);
    const text = raw.trim();
    if (text === '') {
      blankSincePrevious = true;
    } else {
      const joined = previous !== undefined && blankSincePrevious && isPageBreakInSentence(previous, text, lineStart + raw.length - raw.trimStart().length, evidence);
      if (joined && previous) {
        const indentation = raw.length - raw.trimStart().length;
        joins.push({ offset: previous.contentEnd, end: lineStart + indentation, line: previous.line });
      }
      // A joined line or a line after a single newline stays in its paragraph; a blank line starts a new one.
      const sameParagraph = previous !== undefined && (joined || !blankSincePrevious);
      const paragraphStart = sameParagraph ? previous!.paragraphStart : text;
      const priorStart = sameParagraph ? previous!.priorStart : previous?.paragraphStart;
      previous = { text, contentEnd: lineStart + raw.trimEnd().length, line, isContinuation: joined, paragraphStart, priorStart };
      blankSincePrevious = false;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return joins;
}
