import type { Meta } from '../document.js';
import type { OffsetMap } from '../originMap.js';

/** What a format's reader gives the shared pipeline (normalise → segment): plain text and what the file says of it. */
export interface Extraction {
  /** One paragraph per line, paragraphs separated by a blank line (as tifa's text corpora are written). */
  text: string;
  /** Metadata the file holds (front matter, a page's meta tags, a PDF's or docx's properties). */
  meta: Meta;
  /** Offsets of `text` where pages begin (PDF); `[]` when the format has no pages; absent when unknown (plain text). */
  pageStarts?: number[];
  /** Offsets among `pageStarts` where the layout shows the text running on from the page before (see BreakEvidence.runsOn). */
  runsOnAt?: number[];
  /** For each line of `text` (index = line - 1), the PDF page or Word paragraph it comes from. */
  units?: { kind: 'page' | 'paragraph'; ofLine: Uint32Array };
  /** 1-based lines of `text` that the file marks as headings (lines of the file itself when `origin` is given). */
  headingLines?: number[];
  /**
   * Where each offset of `text` is in the decoded file, for a format whose text is the file's own with markup taken
   * out (Markdown): positions are then the file's line and column, as for plain text.
   */
  origin?: OffsetMap;
  /** Lines above `text` in the file itself (a plain text's front matter), so positions count from the file's top. */
  lineOffset?: number;
}

/** Options every reader honours. */
export interface ExtractOptions {
  /** A decoding forced by the user (`--encoding`), over what the file declares or looks like. */
  encoding?: string;
}

/** One format's reader: the file's bytes in, an Extraction out (an InputError for a file it cannot read). */
export type FormatReader = (bytes: Buffer, file: string, options: ExtractOptions) => Extraction;

/** Builds `text` paragraph by paragraph, recording each line's unit (page, paragraph) and the heading lines. */
export class ParagraphWriter {
  private readonly lines: string[] = [];
  private readonly units: number[] = [];
  private readonly headings: number[] = [];
  private length = 0;

  /** Adds a paragraph (its inner line breaks kept, its lines trimmed) from unit `unit`; a blank one is dropped. */
  add(paragraph: string, unit: number, heading = false): void {
    const lines = paragraph
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.length === 0) return;
    if (this.lines.length > 0) this.pushLine('', unit);
    if (heading) this.headings.push(this.lines.length + 1);
    for (const l of lines) this.pushLine(l, unit);
  }

  /** Offset in `text` where the next paragraph will start (after the blank line that will separate it). */
  nextStart(): number {
    return this.lines.length === 0 ? 0 : this.length + 2;
  }

  finish(kind: 'page' | 'paragraph'): Pick<Extraction, 'text' | 'units' | 'headingLines'> {
    return { text: this.lines.join('\n'), units: { kind, ofLine: Uint32Array.from(this.units) }, headingLines: this.headings };
  }

  private pushLine(line: string, unit: number): void {
    this.length += (this.lines.length > 0 ? 1 : 0) + line.length;
    this.lines.push(line);
    this.units.push(unit);
  }
}
