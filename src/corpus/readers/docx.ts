import { strFromU8, unzipSync } from 'fflate';
import { InputError } from '../../errors.js';
import type { Meta } from '../document.js';
import { endsSentence } from '../pageBreaks.js';
import { DocxNumbering } from './docxNumbering.js';
import { ParagraphWriter, type FormatReader } from './extraction.js';
import { xmlTokens, xmlText } from './xml.js';

/** Style names that mark a heading (Word's built-in names in English, as WPS and Word store them, or Chinese). */
const HEADING_STYLE = /^(?:heading\s*\d|title|subtitle|标题(?:\s*\d)?|副标题)$/i;
/** Outline levels 0–8 are heading levels; 9 is body text. */
const BODY_OUTLINE_LEVEL = 9;
/** A centred line this short that does not end a sentence is a title (laws' titles and chapter headings). */
const MAX_CENTRED_HEADING_LENGTH = 60;
/** Content that Word keeps but does not show as text: deletions, tab stops, moved-away text, field codes, alternate renderings. */
const SKIPPED = new Set(['w:del', 'w:tabs', 'w:moveFrom', 'w:instrText', 'w:delInstrText', 'mc:Fallback', 'w:commentReference', 'w:footnoteReference', 'w:endnoteReference']);

interface Style {
  heading: boolean;
  basedOn?: string;
}

/** The heading styles of styles.xml, by style id (following basedOn, so a style derived from a heading is one). */
function headingStyles(xml: string | undefined): Set<string> {
  const styles = new Map<string, Style>();
  let current: { id: string; style: Style } | undefined;
  for (const t of xmlTokens(xml ?? '')) {
    if (t.kind === 'open' && t.name === 'w:style') current = { id: t.attrs['w:styleId'] ?? '', style: { heading: false } };
    else if (current && t.kind !== 'text' && t.name === 'w:name') current.style.heading ||= HEADING_STYLE.test(t.attrs['w:val'] ?? '');
    else if (current && t.kind !== 'text' && t.name === 'w:outlineLvl') current.style.heading ||= Number(t.attrs['w:val']) < BODY_OUTLINE_LEVEL;
    else if (current && t.kind !== 'text' && t.name === 'w:basedOn') current.style.basedOn = t.attrs['w:val'];
    else if (current && t.kind === 'close' && t.name === 'w:style') {
      styles.set(current.id, current.style);
      current = undefined;
    }
  }
  const isHeading = (id: string, depth = 0): boolean => {
    const style = styles.get(id);
    return Boolean(style && (style.heading || (style.basedOn && depth < 10 && isHeading(style.basedOn, depth + 1))));
  };
  return new Set([...styles.keys()].filter((id) => isHeading(id)));
}

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

function isHeading(p: OpenParagraph, headings: Set<string>): boolean {
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

/**
 * A Word .docx, read from its XML: body paragraphs as paragraphs with their list numbers (numbering.xml), a table
 * row as one paragraph of tab-separated cells (as a web page's), soft breaks as line breaks; headings from styles,
 * outline levels and centred title lines; tracked deletions, comments (kept in their own part, which is not read),
 * field codes, headers and footers left out.
 */
export const readDocx: FormatReader = (bytes, file) => {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), {
      filter: (f) => ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml'].includes(f.name),
    });
  } catch (err) {
    throw new InputError(`${file}: cannot read the Word document (${(err as Error).message}); is it damaged?`);
  }
  const document = parts['word/document.xml'];
  if (!document) throw new InputError(`${file}: a zip without word/document.xml, not a Word document`);
  const part = (name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);
  const headings = headingStyles(part('word/styles.xml'));
  const numbering = new DocxNumbering(part('word/numbering.xml'));
  const writer = new ParagraphWriter();
  const open: OpenParagraph[] = [];
  const rows: OpenRow[] = [];
  let skipping = 0;
  let inText = false;
  let paragraphs = 0;
  for (const t of xmlTokens(strFromU8(document))) {
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
    switch (t.name) {
      case 'w:p':
        if (t.kind === 'open') open.push({ text: '', centred: false });
        else if (t.kind === 'close' && open.length > 0) {
          const done = open.pop()!;
          // An empty item still takes its number, as Word shows it.
          const label = done.numId !== undefined && done.numId !== '0' ? numbering.next(done.numId, done.ilvl ?? 0) : '';
          if (done.text.trim() === '') break;
          ++paragraphs;
          const cell = rows.at(-1)?.cells.at(-1);
          if (cell) cell.push(label + done.text);
          else writer.add(label + done.text, paragraphs, isHeading(done, headings));
        }
        break;
      case 'w:tr':
        if (t.kind === 'open') rows.push({ cells: [], unit: paragraphs + 1 });
        else if (t.kind === 'close' && rows.length > 0) {
          const row = rows.pop()!;
          const text = row.cells.map((c) => c.join('\n')).filter((c) => c.trim() !== '').join('\t');
          const outer = rows.at(-1)?.cells.at(-1);
          if (outer) outer.push(text);
          else if (text !== '') writer.add(text, row.unit);
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
  return { ...writer.finish('paragraph'), meta: coreMeta(part('docProps/core.xml')), pageStarts: [] };
};
