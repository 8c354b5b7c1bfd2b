/** Metadata fields every tifa document may carry; any other key is kept too. */
export const STANDARD_FIELDS = ['id', 'city', 'province', 'author', 'position', 'title', 'date', 'source'] as const;

export type Meta = Record<string, string>;

/**
 * A metadata record without a prototype, merged from `parts` (later ones win). Field names are data: a user's
 * `constructor` or `__proto__` is an ordinary key, and a field a document lacks reads as undefined, never as a
 * built-in of Object.prototype.
 */
export function newMeta(...parts: ReadonlyArray<Readonly<Meta> | undefined>): Meta {
  return Object.assign(Object.create(null) as Meta, ...parts);
}

/** Bookkeeping keys that are not metadata a reader groups by (import's map back to source lines). */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set(['source_lines']);

/** What a file was read as: plain text (.txt), Markdown (.md), a web page, a PDF with a text layer, or a Word .docx. */
export type Format = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/**
 * One document as the analysis sees it.
 * `text` is the analysis text: decoded, line endings unified, page breaks repaired and noise normalised.
 * `origin` maps any offset of `text` back to (line, column) in the file as it is on disk, so that
 * KWIC and lint point at what the user can open.
 */
export interface Document {
  id: string;
  path: string;
  meta: Meta;
  text: string;
  origin: OriginMap;
  /** What the file was read as; absent means plain text. */
  format?: Format;
  /**
   * Lines (as `origin.locate` reports them) that the file itself marks as headings: Word heading styles, outline
   * levels and centred title lines, HTML `<h1>`–`<h6>`. Absent for plain text, whose structure only its wording shows.
   */
  headingLines?: ReadonlySet<number>;
}

/**
 * Where an offset of the analysis text is for a person. For plain text, line and column of the file; for the other
 * formats, line and column of the text `tifa extract FILE` prints (front matter included), plus what locates it in
 * the file as its application shows it: the PDF page, or the Word paragraph (the n-th non-empty one) and the column
 * in it.
 */
export interface Place {
  line: number;
  column: number;
  page?: number;
  paragraph?: number;
}

/** Maps offsets in a derived text back to the place in the original file (see Place). */
export interface OriginMap {
  locate(offset: number): Place;
}
