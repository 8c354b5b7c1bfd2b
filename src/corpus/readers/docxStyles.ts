import { xmlTokens } from './xml.js';

/** Style names that mark a heading (Word's built-in names in English, as WPS and Word store them, or Chinese). */
const HEADING_STYLE = /^(?:heading\s*\d|title|subtitle|标题(?:\s*\d)?|副标题)$/i;
/** Outline levels 0–8 are heading levels; 9 is body text. */
export const BODY_OUTLINE_LEVEL = 9;

/** The list a style puts its paragraphs in (its numPr): either part may be left to the style it is based on. */
export interface StyleNumbering {
  numId?: string;
  ilvl?: number;
}

interface Style extends StyleNumbering {
  heading: boolean;
  basedOn?: string;
}

/** How deep a chain of basedOn is followed: a loop in a damaged file must not hang the reader. */
const MAX_DEPTH = 10;

/**
 * The paragraph styles of styles.xml, by style id: which are headings, and which number their paragraphs (a style
 * with a numPr makes every paragraph of it a list item, as 条 and 一、 styles of Chinese templates do). Both follow
 * basedOn, so a style derived from a heading or a numbered style is one too.
 */
export class DocxStyles {
  private readonly styles = new Map<string, Style>();
  readonly headings: ReadonlySet<string>;

  constructor(xml: string | undefined) {
    let current: { id: string; style: Style } | undefined;
    for (const t of xmlTokens(xml ?? '')) {
      if (t.kind === 'text') continue;
      if (t.kind === 'open' && t.name === 'w:style') current = { id: t.attrs['w:styleId'] ?? '', style: { heading: false } };
      else if (!current) continue;
      else if (t.name === 'w:name') current.style.heading ||= HEADING_STYLE.test(t.attrs['w:val'] ?? '');
      else if (t.name === 'w:outlineLvl') current.style.heading ||= Number(t.attrs['w:val']) < BODY_OUTLINE_LEVEL;
      else if (t.name === 'w:basedOn') current.style.basedOn = t.attrs['w:val'];
      else if (t.name === 'w:numId') current.style.numId = t.attrs['w:val'];
      else if (t.name === 'w:ilvl') current.style.ilvl = Number(t.attrs['w:val'] ?? 0);
      else if (t.kind === 'close' && t.name === 'w:style') {
        this.styles.set(current.id, current.style);
        current = undefined;
      }
    }
    this.headings = new Set([...this.styles.keys()].filter((id) => this.inherited(id, (s) => (s.heading ? true : undefined))));
  }

  /** The style's list, each part from the nearest style in its basedOn chain that sets it. */
  numberingOf(id: string): StyleNumbering {
    return { numId: this.inherited(id, (s) => s.numId), ilvl: this.inherited(id, (s) => s.ilvl) };
  }

  /** The style and the styles it is based on, nearest first. */
  lineage(id: string): string[] {
    const ids: string[] = [];
    for (let at: string | undefined = id; at !== undefined && this.styles.has(at) && ids.length < MAX_DEPTH; at = this.styles.get(at)!.basedOn) ids.push(at);
    return ids;
  }

  private inherited<T>(id: string, get: (style: Style) => T | undefined): T | undefined {
    for (const at of this.lineage(id)) {
      const value = get(this.styles.get(at)!);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}
