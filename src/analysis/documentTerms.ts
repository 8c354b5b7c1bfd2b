import type { Document, Meta } from '../corpus/document.js';
import type { Segmenter, Token } from '../segment/token.js';
import { isWordToken } from '../segment/wordToken.js';
import { GroupIndex, type Grouping, type LeftOutDocument } from './groups.js';
import { tokenFilter, type FilterOptions } from './tokenFilter.js';

/**
 * A corpus as a sparse document × term matrix (quanteda's dfm): the kept words of each document and their counts,
 * with each document's id, metadata and word-token total. Memory follows the documents' vocabularies, not the text.
 * Keywords, topics, similarity and correspondence analysis all read this one structure.
 */
export interface DocumentTerms {
  docs: Array<{ id: string; meta: Meta; words: number }>;
  /** Terms by id, in order of first sight. */
  vocabulary: string[];
  /**
   * Per document: term ids and their counts, parallel typed arrays off the JavaScript heap, 16-bit where the
   * values fit (most vocabularies and counts do), so a large corpus's rows take 4 bytes an entry, not 16.
   */
  rows: Array<{ ids: Uint16Array | Int32Array; counts: Uint16Array | Int32Array }>;
}

/** Segments every document once; `onTokens` sees each document's tokens and the filter (TextRank's windows). */
export function documentTerms(
  docs: Iterable<Document>,
  segmenter: Segmenter,
  filter: FilterOptions = {},
  onTokens?: (doc: Document, tokens: Token[], keep: (t: Token) => boolean) => void,
): DocumentTerms {
  const keep = tokenFilter(filter);
  const ids = new Map<string, number>();
  const out: DocumentTerms = { docs: [], vocabulary: [], rows: [] };
  for (const doc of docs) {
    const tokens = segmenter.cut(doc.text, { pos: Boolean(filter.pos) });
    onTokens?.(doc, tokens, keep);
    const counts = new Map<number, number>();
    let words = 0;
    for (const t of tokens) {
      if (!isWordToken(t.text)) continue;
      words++;
      if (!keep(t)) continue;
      let id = ids.get(t.text);
      if (id === undefined) {
        id = out.vocabulary.push(t.text) - 1;
        ids.set(t.text, id);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    out.docs.push({ id: doc.id, meta: doc.meta, words });
    out.rows.push({ ids: narrowest(counts.keys(), out.vocabulary.length - 1), counts: narrowest(counts.values(), words) });
  }
  return out;
}

/** The values in a 16-bit array when `max` bounds them below 65536, else in a 32-bit one. */
function narrowest(values: Iterable<number>, max: number): Uint16Array | Int32Array {
  return max < 65536 ? Uint16Array.from(values) : Int32Array.from(values);
}

/** Documents using each term (by term id). */
export function documentFrequency(dt: DocumentTerms): number[] {
  const df = new Array<number>(dt.vocabulary.length).fill(0);
  for (const row of dt.rows) for (const id of row.ids) df[id]++;
  return df;
}

/** What keywords, similarity and correspondence analysis compare: one document, or the documents of one group. */
export interface DocumentUnit {
  label: string;
  docs: number[];
}

/** The units of a DocumentTerms and the grouping they come from (`groups`: the units' labels). */
export interface DocumentGrouping extends Grouping {
  units: DocumentUnit[];
  leftOut: LeftOutDocument[];
}

/** Documents as units, or one unit per value of `field` in reading order (documents without it in `leftOut`). */
export function groupDocuments(dt: DocumentTerms, field: string | undefined): DocumentGrouping {
  if (!field) return { field, groups: dt.docs.map((d) => d.id), units: dt.docs.map((d, i) => ({ label: d.id, docs: [i] })), leftOut: [] };
  const units: DocumentUnit[] = [];
  const groups = new GroupIndex(field, (g) => units.push({ label: groups.labels[g], docs: [] }));
  dt.docs.forEach((d, i) => {
    const g = groups.groupOf(d);
    if (g !== undefined) units[g].docs.push(i);
  });
  return { field, groups: groups.labels, units, leftOut: groups.leftOut };
}

/**
 * The unit × term counts correspondence analysis reads: columns are the `top` terms most used over the units'
 * documents (ties by term), rows the units, each cell the term's uses in the unit's documents.
 */
export function unitTermCounts(dt: DocumentTerms, units: readonly DocumentUnit[], top: number): { terms: string[]; counts: number[][] } {
  const totals = new Map<number, number>();
  for (const u of units) for (const d of u.docs) dt.rows[d].ids.forEach((id, j) => totals.set(id, (totals.get(id) ?? 0) + dt.rows[d].counts[j]));
  const columns = [...totals].sort((a, b) => b[1] - a[1] || (dt.vocabulary[a[0]] < dt.vocabulary[b[0]] ? -1 : 1)).slice(0, top).map(([id]) => id);
  const at = new Map(columns.map((id, j) => [id, j]));
  const counts = units.map((u) => {
    const row = new Array<number>(columns.length).fill(0);
    for (const d of u.docs) {
      dt.rows[d].ids.forEach((id, j) => {
        const col = at.get(id);
        if (col !== undefined) row[col] += dt.rows[d].counts[j];
      });
    }
    return row;
  });
  return { terms: columns.map((id) => dt.vocabulary[id]), counts };
}

/** The units alone (groupDocuments). */
export function documentUnits(dt: DocumentTerms, field: string | undefined): DocumentUnit[] {
  return groupDocuments(dt, field).units;
}
