import { formatFrontMatter } from './frontMatter.js';
import { endsSentence, findPageBreakJoins, type BreakEvidence } from './pageBreaks.js';

/** One article cut out of a compiled issue, ready to be written as a corpus file. */
export interface ImportedArticle {
  meta: Record<string, string>;
  /** Paragraphs, one per line, separated by one blank line; page breaks repaired, markdown `**` removed. */
  body: string;
  /** For each paragraph of `body` in order, the 1-based line of the issue where it starts. */
  sourceLines: number[];
}

/** A line of the issue, trimmed and without markdown bold markers (a blank line has text ''). */
interface SourceLine {
  number: number;
  text: string;
}

interface Byline {
  title: string;
  position: string;
  author: string;
}

/** Words that make a line an author's position (`…市副市长、市公安局局长`). */
const OFFICE = /局长|书记|市长|区长|县长|州长|旗长|镇长|乡长|主任|政委|厅长|部长|委员|常委|秘书长|主席|队长|所长|处长|院长|检察长/u;
/** Title lines and position lines are short; a longer line is body text. */
const MAX_TITLE_LENGTH = 40;
const MAX_POSITION_LENGTH = 60;
/** An author's name: 2 to 4 Han characters, possibly padded with spaces (`李　强`). */
const PERSON_NAME = /^\p{Script=Han}(?:[ \u3000]?\p{Script=Han}){1,3}$/u;
/** A position line that ends with the author's name after a space: `政法委书记，市公安局局长 伍春宏`. */
const POSITION_THEN_NAME = /^(.*?\S)[ \t\u3000]+(\p{Script=Han}(?:[ \u3000]?\p{Script=Han}){1,3})$/u;
/** The closing credit of the issue: `责任编辑 黄新春`, `责任编辑：张三` (short, so a sentence on 责任编辑制度 is not one). */
const EDITOR_CREDIT = /^责任编辑[\s:：]+(\S.{0,19})$/u;
/** The signature closing the editor's note: `——编者`, `——本刊编辑部`. */
const SIGNATURE = /^——\s*(.+)$/u;

/** Characters that belong to an office or organ, never to a place name (`公安局高新区分局` names no district). */
const NOT_PLACE = '(?![局委府院厅处所队副长])';
const PLACE_CHAR = `(?:${NOT_PLACE}\\p{Script=Han})`;
const MUNICIPALITY = /^(北京|天津|上海|重庆)市/u;
const PROVINCE = /^\p{Script=Han}{2,5}?(?:省|自治区)/u;
/** A suffix followed by 长 is an office (`副市长`, `副区长`), not a place. */
const CITY = new RegExp(`^(${PLACE_CHAR}{2,8}?)(?:市|自治州|地区|盟)(?!长)`, 'u');
const DISTRICT = new RegExp(`^(${PLACE_CHAR}{1,6}?)(?:新区|自治县|自治旗|区|县|市|旗)(?!长)`, 'u');

function sourceLinesOf(original: string): SourceLine[] {
  return original
    .split('\n')
    .map((raw, i) => ({ number: i + 1, text: raw.replace(/\*\*/g, '').trim() }));
}

/** Runs of consecutive non-blank lines: a byline block is one run, separated from the text by blank lines. */
function groupBlocks(lines: SourceLine[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (line.text !== '') {
      current.push(line);
      continue;
    }
    if (current.length > 0) blocks.push(current);
    current = [];
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function isTitleLine(text: string): boolean {
  return text.length > 0 && text.length <= MAX_TITLE_LENGTH && !endsSentence(text);
}

function isPositionLine(text: string): boolean {
  return OFFICE.test(text) && text.length <= MAX_POSITION_LENGTH && !endsSentence(text);
}

function isPersonName(text: string): boolean {
  return PERSON_NAME.test(text) && !OFFICE.test(text);
}

function compactName(name: string): string {
  return name.replace(/[ \u3000]/g, '');
}

/** Reads `titleCount` title lines, a position (continued on the next line after `、` or `，`), then the author. */
function readByline(lines: string[], titleCount: number): Byline | undefined {
  const titles = lines.slice(0, titleCount);
  if (titles.length < titleCount || !titles.every(isTitleLine)) return undefined;
  let at = titleCount;
  let position = lines[at++];
  if (position === undefined || !isPositionLine(position)) return undefined;
  if (/[、，]$/.test(position) && at < lines.length) position += lines[at++];
  const title = titles.join(' ');
  const rest = lines.slice(at);
  if (rest.length === 1 && isPersonName(rest[0])) return { title, position, author: compactName(rest[0]) };
  const trailingName = rest.length === 0 ? POSITION_THEN_NAME.exec(position) : null;
  if (trailingName && isPersonName(trailingName[2])) return { title, position: trailingName[1], author: compactName(trailingName[2]) };
  return undefined;
}

/** A block that is exactly a title block (1–2 lines), a position and an author's name opens an article. */
function parseByline(block: SourceLine[]): Byline | undefined {
  const texts = block.map((l) => l.text);
  return readByline(texts, 1) ?? readByline(texts, 2);
}

/**
 * Where the author works, from the position. `city` labels the unit whose chief wrote the article: the
 * prefecture-level city (`黑龙江省齐齐哈尔市副市长` → 齐齐哈尔), or the district or county when the position is at
 * that level (`山东省济南市章丘区副区长` → 章丘, with `district` 章丘区). Suffixes (市, 区, 县 …) are dropped from the label.
 */
function placeOf(position: string): { province: string; city: string; district?: string } {
  let rest = position;
  let province = '';
  let city = '';
  const municipality = MUNICIPALITY.exec(rest);
  if (municipality) {
    province = municipality[0];
    city = municipality[1];
    rest = rest.slice(municipality[0].length);
  } else {
    province = PROVINCE.exec(rest)?.[0] ?? '';
    rest = rest.slice(province.length);
    const prefecture = CITY.exec(rest);
    if (prefecture) {
      city = prefecture[1];
      rest = rest.slice(prefecture[0].length);
    }
  }
  const district = city ? DISTRICT.exec(rest) : null;
  if (district) return { province, city: district[1], district: district[0] };
  return { province, city };
}

/** A file-name-safe id part: no path separators, no `..`, no control characters or spaces. */
function fileSafe(text: string): string {
  const safe = text
    .replace(/[/\\:*?"<>|\p{Cc}\s]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
  return safe || 'article';
}

/** Maps each broken line to the line that continues its sentence, as the normaliser decides it. */
function pageBreakContinuations(original: string, evidence: BreakEvidence | undefined): Map<number, number> {
  const continuations = new Map<number, number>();
  for (const join of findPageBreakJoins(original, evidence)) {
    let newlines = 0;
    for (let i = join.offset; i < join.end; i++) if (original[i] === '\n') newlines++;
    continuations.set(join.line, join.line + newlines);
  }
  return continuations;
}

/** One paragraph per source line, except that a line continuing a sentence cut by a page break joins the one before. */
function assembleBody(lines: SourceLine[], continuations: Map<number, number>): { body: string; sourceLines: number[] } {
  const paragraphs: string[] = [];
  const sourceLines: number[] = [];
  let previous: SourceLine | undefined;
  for (const line of lines) {
    if (previous && continuations.get(previous.number) === line.number) paragraphs[paragraphs.length - 1] += line.text;
    else {
      paragraphs.push(line.text);
      sourceLines.push(line.number);
    }
    previous = line;
  }
  return { body: paragraphs.join('\n\n'), sourceLines };
}

/** The editor's note: what comes before the first article, titled by its first line and signed by a `——` line. */
function editorNote(lines: SourceLine[]): { title: string; author: string; bodyLines: SourceLine[] } {
  const signature = lines.filter((l) => SIGNATURE.test(l.text)).at(-1);
  const first = lines[0];
  const titled = first !== undefined && first !== signature && lines.length > 1 && isTitleLine(first.text);
  return {
    title: titled ? first.text : '',
    author: signature ? (SIGNATURE.exec(signature.text)?.[1].trim() ?? '') : '',
    bodyLines: lines.filter((l) => l !== signature && !(titled && l === first)),
  };
}

/**
 * Splits a compiled magazine feature into its editor's note and its signed articles. An article opens with a block
 * of 1–2 title lines, the author's position and name; it runs to the next such block. The closing `责任编辑 X`
 * credit names the editor of every piece and belongs to no body. Returns [] when no article block is found.
 * `evidence` is the segmenter's word across a page break (segmenterBreakEvidence), as for the corpus reader.
 */
export function splitIssue(original: string, source: string, evidence?: BreakEvidence): ImportedArticle[] {
  const lines = sourceLinesOf(original);
  const credits = lines.filter((l) => EDITOR_CREDIT.test(l.text));
  const editor = EDITOR_CREDIT.exec(credits.at(-1)?.text ?? '')?.[1].trim();
  const blocks = groupBlocks(lines.filter((l) => !credits.includes(l)));
  const openings = blocks.flatMap((block, index) => {
    const byline = parseByline(block);
    return byline ? [{ index, byline }] : [];
  });
  if (openings.length === 0) return [];
  const continuations = pageBreakContinuations(original, evidence);
  const shared = { source, ...(editor ? { editor } : {}) };
  const articles: ImportedArticle[] = [];

  const front = blocks.slice(0, openings[0].index).flat();
  if (front.length > 0) {
    const note = editorNote(front);
    const meta = { id: '00-editor-note', city: '', author: note.author, position: '', title: note.title, ...shared };
    articles.push({ meta, ...assembleBody(note.bodyLines, continuations) });
  }

  openings.forEach(({ index, byline }, k) => {
    const place = placeOf(byline.position);
    const id = `${String(k + 1).padStart(2, '0')}-${fileSafe(place.city)}`;
    const meta = { id, ...place, author: byline.author, position: byline.position, title: byline.title, ...shared };
    const bodyLines = blocks.slice(index + 1, openings[k + 1]?.index ?? blocks.length).flat();
    articles.push({ meta, ...assembleBody(bodyLines, continuations) });
  });
  return articles;
}

/** Renders one article file: front matter (with `source_lines`, the comma-separated paragraph start lines), body. */
export function renderArticle(a: ImportedArticle): string {
  return `${formatFrontMatter({ ...a.meta, source_lines: a.sourceLines.join(',') })}${a.body}\n`;
}
