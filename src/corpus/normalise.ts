import { applyEdits, originalPositions, type Edit, type OffsetMap } from './originMap.js';

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
/** The number of a law's article followed by its text. */
const ARTICLE_HEAD = /^第[一二三四五六七八九十百千零\d]+条[ \t\u3000\u00a0]*\S/u;
const STARTS_LIKE_TEXT = /^[\p{Script=Han}\d]/u;
const SPACE = '[ \\t\\u3000\\u00a0]';
const HAN_OR_ALNUM = /[\p{Script=Han}A-Za-z0-9]/u;
const HAN = /^\p{Script=Han}$/u;
const ASCII_ALNUM = /^[A-Za-z0-9]$/;

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
 * (`——编者`, `——2024年3月5日在…会议上`), short without clause punctuation, or a numbered line without a full stop
 * (`一、关于…的准备`, `六、健全…制度体系，发展社会主义民主政治`).
 */
function isHeadingLike(line: string): boolean {
  // An article of a law (`第二十一条　国家发展…`) is running text, however its number is spaced from it.
  if (ARTICLE_HEAD.test(line)) return false;
  if (WORD_SPACE.test(line) || line.startsWith('——')) return true;
  if (SECTION_NUMBER.test(line)) return !FULL_STOP.test(line);
  return line.length < HEADING_MAX_LENGTH && !CLAUSE_PUNCTUATION.test(line);
}

/** Whether a line can continue a sentence cut by a page break: it starts like running text, not like a list head. */
function continuesSentence(line: string): boolean {
  return STARTS_LIKE_TEXT.test(line) && !LIST_HEAD.test(line);
}

/**
 * The join decision, shared by normalise, lint and import. `previous` is the last non-blank line before the
 * blank line(s), trimmed; `previousIsContinuation` says it already continues an earlier cut sentence, so it is body
 * text however short it is.
 */
function isPageBreakInSentence(previous: string, next: string, previousIsContinuation: boolean): boolean {
  if (endsSentence(previous)) return false;
  if (!previousIsContinuation && isHeadingLike(previous)) return false;
  return continuesSentence(next);
}

/**
 * Finds the paragraph breaks that a PDF page break put inside a sentence (`新型警务运\n\n行模式`): the previous
 * non-blank line does not end a sentence and is not a heading, and the next one continues the text.
 * Only breaks with at least one blank line count; a single newline is a line of its own (titles, bylines).
 */
export function findPageBreakJoins(original: string): PageBreakJoin[] {
  const joins: PageBreakJoin[] = [];
  let previous: { text: string; contentEnd: number; line: number; isContinuation: boolean } | undefined;
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
      const joined = previous !== undefined && blankSincePrevious && isPageBreakInSentence(previous.text, text, previous.isContinuation);
      if (joined && previous) {
        const indentation = raw.length - raw.trimStart().length;
        joins.push({ offset: previous.contentEnd, end: lineStart + indentation, line: previous.line });
      }
      previous = { text, contentEnd: lineStart + raw.trimEnd().length, line, isContinuation: joined };
      blankSincePrevious = false;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return joins;
}

export interface NormaliseOptions {
  /**
   * Offsets where the pages of the text begin, when the reader knows them (PDF): only a blank line at one of them
   * can be a page break inside a sentence; `[]` says the text has no pages (web pages, Word). Without it (plain
   * text) any blank line can be one.
   */
  pageStarts?: readonly number[];
}

/** (a) Removes the newline and blank lines of every page break inside a sentence. */
function repairPageBreaks(text: string, { pageStarts }: NormaliseOptions): Edit[] {
  if (pageStarts?.length === 0) return [];
  let joins = findPageBreakJoins(text);
  if (pageStarts) joins = joins.filter((join) => pageStarts.some((at) => join.offset <= at && at <= join.end));
  return joins.map(({ offset, end }) => ({ start: offset, end, text: '' }));
}

/**
 * (b) Full-width `＋` becomes `+`, and spaces around a `+` between Han or alphanumeric characters go:
 * `专业 + 机制 + 大数据` → `专业+机制+大数据`, `四所一庭一中心＋N` → `四所一庭一中心+N`.
 */
function tightenPlus(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const match of text.matchAll(new RegExp(`(${SPACE}*)[+＋](${SPACE}*)`, 'gu'))) {
    const start = match.index;
    const end = start + match[0].length;
    const before = match[1].length;
    const after = match[2].length;
    const between = HAN_OR_ALNUM.test(text[start - 1] ?? '') && HAN_OR_ALNUM.test(text[end] ?? '');
    const plusAt = start + before;
    if (between && before > 0) edits.push({ start, end: plusAt, text: '' });
    if (text[plusAt] === '＋') edits.push({ start: plusAt, end: plusAt + 1, text: '+' });
    if (between && after > 0) edits.push({ start: plusAt + 1, end, text: '' });
  }
  return edits;
}

/** (c) Spaces between a Han character and an ASCII digit or letter go (`连续 3 年` → `连续3年`): a PDF artefact. */
function joinHanAndAscii(text: string): Edit[] {
  // Space runs first, then their neighbours: a lookbehind for Han over the whole text cost more than the rest
  // of normalising.
  const edits: Edit[] = [];
  for (const match of text.matchAll(new RegExp(`${SPACE}+`, 'g'))) {
    const start = match.index;
    const end = start + match[0].length;
    const before = codePointBefore(text, start);
    const after = String.fromCodePoint(text.codePointAt(end) ?? 0x20);
    if ((HAN.test(before) && ASCII_ALNUM.test(after)) || (ASCII_ALNUM.test(before) && HAN.test(after))) edits.push({ start, end, text: '' });
  }
  return edits;
}

/** The character (code point) that ends at offset `i`, or a space at the start. */
function codePointBefore(text: string, i: number): string {
  if (i === 0) return ' ';
  const pair = i >= 2 ? text.codePointAt(i - 2)! : 0;
  return pair > 0xffff ? String.fromCodePoint(pair) : text[i - 1];
}

/** (d) Any other run of spaces, tabs, ideographic or no-break spaces becomes one ASCII space. */
function collapseSpaces(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const match of text.matchAll(new RegExp(`${SPACE}+`, 'gu'))) {
    if (match[0] !== ' ') edits.push({ start: match.index, end: match.index + match[0].length, text: ' ' });
  }
  return edits;
}

/** The noise repairs, in the order they must run: each sees the output of the one before. */
const STEPS: ReadonlyArray<(text: string, options: NormaliseOptions) => Edit[]> = [repairPageBreaks, tightenPlus, joinHanAndAscii, collapseSpaces];

/**
 * Repairs extraction noise only (page breaks inside sentences, `＋` and spaces in slogans, spaces beside digits,
 * space runs), keeping a map from every offset of the result back to the original line and column.
 * No NFKC and no other punctuation change: editors must recognise their text.
 */
export function normalise(original: string, options: NormaliseOptions = {}): { text: string; origin: OffsetMap } {
  let text = original;
  let origin = originalPositions(original);
  for (const step of STEPS) {
    const edits = step(text, options);
    if (edits.length > 0) ({ text, origin } = applyEdits(text, edits, origin));
  }
  return { text, origin };
}
