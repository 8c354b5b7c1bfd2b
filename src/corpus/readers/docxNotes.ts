import { formatNumber } from './docxNumbering.js';
import { xmlTokens } from './xml.js';

export type NoteKind = 'footnote' | 'endnote';

/** Word's defaults where settings.xml says nothing: footnotes 1, 2, 3 and endnotes i, ii, iii. */
const DEFAULT_FORMAT: Record<NoteKind, string> = { footnote: 'decimal', endnote: 'lowerRoman' };

/** A mark made of letters and digits is bracketed in the text (改革开放[1]), so that it does not run into a word; ① stands alone. */
function markText(label: string): string {
  return /^[0-9A-Za-z]+$/.test(label) ? `[${label}]` : label;
}

/**
 * The marks of a document's footnotes and endnotes as Word shows them: numbered in the order their references come
 * in the body (numFmt and numStart of settings.xml's footnotePr and endnotePr), kept in the text where the reference
 * stands, and again before the note's own text after the body. A reference with a custom mark (customMarkFollows)
 * takes no number: its mark is the text that follows it.
 */
export class NoteMarks {
  private readonly format: Record<NoteKind, { numFmt: string; start: number }>;
  private readonly counts: Record<NoteKind, number> = { footnote: 0, endnote: 0 };
  /** The notes referenced, in the order of their first reference, with their marks. */
  readonly order: Record<NoteKind, Array<{ id: string; mark: string }>> = { footnote: [], endnote: [] };

  constructor(settingsXml: string | undefined) {
    this.format = { footnote: { numFmt: DEFAULT_FORMAT.footnote, start: 1 }, endnote: { numFmt: DEFAULT_FORMAT.endnote, start: 1 } };
    let kind: NoteKind | undefined;
    for (const t of xmlTokens(settingsXml ?? '')) {
      if (t.kind === 'text') continue;
      if (t.name === 'w:footnotePr' || t.name === 'w:endnotePr') kind = t.kind === 'open' ? (t.name === 'w:footnotePr' ? 'footnote' : 'endnote') : undefined;
      else if (kind && t.name === 'w:numFmt') this.format[kind].numFmt = t.attrs['w:val'] ?? this.format[kind].numFmt;
      else if (kind && t.name === 'w:numStart') this.format[kind].start = Number(t.attrs['w:val'] ?? 1) || 1;
    }
  }

  /** The mark a reference to note `id` puts in the text ('' for a custom mark, which the text itself holds). */
  reference(kind: NoteKind, id: string, customMark: boolean): string {
    const seen = this.order[kind].find((note) => note.id === id);
    if (seen) return seen.mark;
    const { numFmt, start } = this.format[kind];
    const mark = customMark ? '' : markText(formatNumber(start + this.counts[kind]++, numFmt));
    this.order[kind].push({ id, mark });
    return mark;
  }
}
