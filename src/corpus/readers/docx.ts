import { strFromU8, unzipSync } from 'fflate';
import { InputError } from '../../errors.js';
import type { Meta } from '../document.js';
import { endsSentence } from '../pageBreaks.js';
import { DocxNumbering } from './docxNumbering.js';
import { NoteMarks, type NoteKind } from './docxNotes.js';
import { BODY_OUTLINE_LEVEL, DocxStyles } from './docxStyles.js';
import { ParagraphWriter, type FormatReader } from './extraction.js';
import { xmlTokens, xmlText } from './xml.js';

/** A centred line this short that does not end a sentence is a title (laws' titles and chapter headings). */
const MAX_CENTRED_HEADING_LENGTH = 60;
/** Content that Word keeps but does not show as text: deletions, tab stops, moved-away text, field codes, alternate renderings. */
const SKIPPED = new Set(['w:del', 'w:tabs', 'w:moveFrom', 'w:instrText', 'w:delInstrText', 'mc:Fallback', 'w:commentReference']);
/** The parts read: the body, styles and lists, footnotes and endnotes with their numbering settings, properties. */
const PARTS = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/settings.xml', 'docProps/core.xml'];
const NOTE_TAGS: Record<string, NoteKind> = { 'w:footnote': 'footnote', 'w:endnote': 'endnote' };
const REFERENCE_TAGS: Record<string, NoteKind> = { 'w:footnoteReference': 'footnote', 'w:endnoteReference': 'endnote' };

/** One paragraph being read: its text and what its properties say. */
interface OpenParagraph {
  text: string;
  style?: string;
  outline?: number;
  centred: boolean;
  /** The list it is an item of (numPr): Word writes its number (`一、`, `（二）`) before the text. */
  numId?: string;
  ilvl?: number;
}

/** A table row being read: its cells, each the texts of its paragraphs, and the paragraph it starts at. */
interface OpenRow {
  cells: string[][];
  unit: number;
}

function isHeading(p: OpenParagraph, headings: ReadonlySet<string>): boolean {
  if (p.style !== undefined && headings.has(p.style)) return true;
  if (p.outline !== undefined && p.outline < BODY_OUTLINE_LEVEL) return true;
  const line = p.text.trim();
  return p.centred && line.length <= MAX_CENTRED_HEADING_LENGTH && !endsSentence(line);
}

/** Core properties (docProps/core.xml), under names that say where they come from: templates often leave them wrong. */
function coreMeta(xml: string | undefined): Meta {
  const meta: Meta = {};
  const fields: Record<string, string> = { 'dc:title': 'docx_title', 'dc:creator': 'docx_creator', 'cp:keywords': 'docx_keywords', 'dcterms:created': 'docx_created' };
  let field: string | undefined;
  for (const t of xmlTokens(xml ?? '')) {
    if (t.kind === 'open') field = fields[t.name];
    else if (t.kind === 'text' && field) {
      const value = xmlText(t.text).replace(/\s+/g, ' ').trim();
      if (value) meta[field] = value;
    } else field = undefined;
  }
  return meta;
}

/** What reading the paragraphs of a part needs from the rest of the package, and the paragraph count they share. */
interface PartContext {
  styles: DocxStyles;
  numbering: DocxNumbering;
  notes: NoteMarks;
  /** Non-empty paragraphs read so far, over all parts: a paragraph's number is its place (¶n). */
  paragraphs: number;
}

/** Where the paragraphs of a part go: text, its paragraph number, whether a heading, and the note it belongs to (notes parts). */
type ParagraphSink = (text: string, unit: number, heading: boolean, note?: { kind: NoteKind; id: string }) => void;

/** The label Word writes before a list paragraph, its list from its own numPr or else its style's. */
function listLabel(p: OpenParagraph, ctx: PartContext): string {
  const fromStyle = p.style !== undefined ? ctx.styles.numberingOf(p.style) : {};
  const numId = p.numId ?? fromStyle.numId;
  if (numId === undefined || numId === '0') return '';
  // Without an ilvl, the level is the one of the list that names the style (or a style it is based on).
  const linked = p.style !== undefined ? ctx.styles.lineage(p.style).map((style) => ctx.numbering.levelOfStyle(numId, style)) : [];
  const ilvl = p.ilvl ?? fromStyle.ilvl ?? linked.find((l) => l !== undefined) ?? 0;
  return ctx.numbering.next(numId, ilvl);
}

/** Reads the paragraphs and table rows of one part (the body, or the notes of footnotes.xml or endnotes.xml) in order. */
function readPart(xml: string, ctx: PartContext, add: ParagraphSink): void {
  const open: OpenParagraph[] = [];
  const rows: OpenRow[] = [];
  let skipping = 0;
  let inText = false;
  let note: { kind: NoteKind; id: string } | undefined;
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'text') {
      if (inText && skipping === 0 && open.length > 0) open.at(-1)!.text += xmlText(t.text);
      continue;
    }
    if (SKIPPED.has(t.name)) {
      if (t.kind === 'open') skipping++;
      else if (t.kind === 'close') skipping--;
      continue;
    }
    if (skipping > 0) continue;
    const p = open.at(-1);
    if (NOTE_TAGS[t.name]) {
      // The separator "notes" (ids -1 and 0) draw the line above the notes; they hold no text.
      note = t.kind === 'open' && (t.attrs['w:type'] ?? 'normal') === 'normal' ? { kind: NOTE_TAGS[t.name], id: t.attrs['w:id'] ?? '' } : undefined;
      continue;
    }
    if (REFERENCE_TAGS[t.name]) {
      const mark = ctx.notes.reference(REFERENCE_TAGS[t.name], t.attrs['w:id'] ?? '', t.attrs['w:customMarkFollows'] === '1' || t.attrs['w:customMarkFollows'] === 'true');
      if (p) p.text += mark;
      continue;
    }
    switch (t.name) {
      case 'w:p':
        if (t.kind === 'open') open.push({ text: '', centred: false });
        else if (t.kind === 'close' && open.length > 0) {
          const done = open.pop()!;
          // An empty item still takes its number, as Word shows it.
          const label = listLabel(done, ctx);
          if (done.text.trim() === '') break;
          const unit = ++ctx.paragraphs;
          const cell = rows.at(-1)?.cells.at(-1);
          if (cell) cell.push(label + done.text);
          else add(label + done.text, unit, isHeading(done, ctx.styles.headings), note);
        }
        break;
      case 'w:tr':
        if (t.kind === 'open') rows.push({ cells: [], unit: ctx.paragraphs + 1 });
        else if (t.kind === 'close' && rows.length > 0) {
          const row = rows.pop()!;
          const text = row.cells.map((c) => c.join('\n')).filter((c) => c.trim() !== '').join('\t');
          const outer = rows.at(-1)?.cells.at(-1);
          if (outer) outer.push(text);
          else if (text !== '') add(text, row.unit, false, note);
        }
        break;
      case 'w:tc':
        if (t.kind === 'open') rows.at(-1)?.cells.push([]);
        break;
      case 'w:numId':
        if (p) p.numId = t.attrs['w:val'];
        break;
      case 'w:ilvl':
        if (p) p.ilvl = Number(t.attrs['w:val'] ?? 0);
        break;
      case 'w:t':
        inText = t.kind === 'open';
        break;
      case 'w:tab':
        if (p && t.kind === 'empty') p.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (p) p.text += '\n';
        break;
      case 'w:pStyle':
        if (p) p.style = t.attrs['w:val'];
        break;
      case 'w:outlineLvl':
        if (p) p.outline = Number(t.attrs['w:val']);
        break;
      case 'w:jc':
        if (p) p.centred = t.attrs['w:val'] === 'center';
        break;
    }
  }
}

/**
 * A Word .docx, read from its XML: body paragraphs as paragraphs with their list numbers (numbering.xml, from the
 * paragraph's numPr or its style's), a table row as one paragraph of tab-separated cells (as a web page's), soft
 * breaks as line breaks; headings from styles, outline levels and centred title lines; footnotes and endnotes after
 * the body in the order of their marks, each opening with the mark its reference leaves in the text (改革开放[1] …
 * [1] 见……), their paragraphs numbered on after the body's; tracked deletions, comments (kept in their own part,
 * which is not read), field codes, headers and footers left out.
 */
export const readDocx: FormatReader = (bytes, file) => {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), { filter: (f) => PARTS.includes(f.name) });
  } catch (err) {
    throw new InputError(`${file}: cannot read the Word document (${(err as Error).message}); is it damaged?`);
  }
  const document = parts['word/document.xml'];
  if (!document) throw new InputError(`${file}: a zip without word/document.xml, not a Word document`);
  const part = (name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);
  const ctx: PartContext = {
    styles: new DocxStyles(part('word/styles.xml')),
    numbering: new DocxNumbering(part('word/numbering.xml')),
    notes: new NoteMarks(part('word/settings.xml')),
    paragraphs: 0,
  };
  const writer = new ParagraphWriter();
  readPart(strFromU8(document), ctx, (text, unit, heading) => writer.add(text, unit, heading));
  for (const kind of ['footnote', 'endnote'] as const) {
    const notes = new Map<string, Array<{ text: string; unit: number }>>();
    readPart(part(`word/${kind}s.xml`) ?? '', ctx, (text, unit, _heading, note) => {
      if (note?.kind === kind) notes.set(note.id, [...(notes.get(note.id) ?? []), { text, unit }]);
    });
    for (const { id, mark } of ctx.notes.order[kind]) {
      (notes.get(id) ?? []).forEach(({ text, unit }, i) => writer.add(i === 0 && mark ? `${mark} ${text}` : text, unit));
    }
  }
  return { ...writer.finish('paragraph'), meta: coreMeta(part('docProps/core.xml')), pageStarts: [] };
};
