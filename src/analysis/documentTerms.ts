import type { Document, Meta } from '../corpus/document.js';
import type { Segmenter, Token, WordSegmenter } from '../segment/token.js';
import { isWordToken } from '../segment/wordToken.js';
import { GroupIndex, type Grouping, type LeftOutDocument } from './groups.js';
import { tokenFilter, wordFilter, type FilterOptions } from './tokenFilter.js';

/**
 * A corpus as a sparse document × term matrix (quanteda's dfm): the kept words of each document and their counts,
 * with each document's id, metadata and word-token total. Memory follows the documents' vocabularies, not the text.
 * Keywords, topics, similarity and correspondence analysis all read this one structure. Pooled by a field, a row
 * is the documents of one of its values together (what keywords and similar compare with --by), so memory
 * follows the groups' vocabularies, not the number of documents.
 */
export interface DocumentTerms {
  /** The rows' documents: one per row (pooled: one per value of the field, its documents' words summed). */
  docs: Array<{ id: string; meta: Meta; words: number }>;
  /** Terms by id, in order of first sight. */
  vocabulary: string[];
  /**
   * Per row: term ids and their counts, parallel typed arrays off the JavaScript heap, 16-bit where the
   * values fit (most vocabularies and counts do), so a large corpus's rows take 4 bytes an entry, not 16.
   */
  rows: Array<{ ids: Uint16Array | Int32Array; counts: Uint16Array | Int32Array }>;
  /** Documents read (pooled ones and those without the field included): the N of idf. */
  documents: number;
  /** Documents using each term, by term id, over all the documents read. */
  df: number[];
  /** The field the rows are pooled by, and the documents without it (in no row). */
  pooled?: { field: string; leftOut: LeftOutDocument[] };
}

/** A document's words and tags: from `words` where the segmenter has it (no Token per word), else from its tokens. */
function wordsOf(segmenter: Segmenter & Partial<Pick<WordSegmenter, 'words'>>, text: string, pos: boolean, onTokens?: (tokens: Token[]) => void): { words: string[]; tags?: Array<string | undefined> } {
  if (segmenter.words && !onTokens) return segmenter.words(text, { pos });
  const tokens = segmenter.cut(text, { pos });
  onTokens?.(tokens);
  return { words: tokens.map((t) => t.text), tags: pos ? tokens.map((t) => t.pos) : undefined };
}

/**
 * Segments every document once; `onTokens` sees each document's tokens and the filter (TextRank's windows).
 * With `poolBy`, each value of that field is one row.
 */
export function documentTerms(
  docs: Iterable<Document>,
  segmenter: Segmenter & Partial<Pick<WordSegmenter, 'words'>>,
  filter: FilterOptions = {},
  onTokens?: (doc: Document, tokens: Token[], keep: (t: Token) => boolean) => void,
  poolBy?: string,
): DocumentTerms {
  const keep = tokenFilter(filter);
  const keepWord = wordFilter(filter);
  const pos = Boolean(filter.pos);
  const ids = new Map<string, number>();
  const out: DocumentTerms = { docs: [], vocabulary: [], rows: [], documents: 0, df: [] };
  const pools: Array<Map<number, number>> = [];
  const groups = poolBy === undefined ? undefined : new GroupIndex(poolBy, (g) => (pools.push(new Map()), out.docs.push({ id: groups!.labels[g], meta: { [poolBy]: groups!.labels[g] }, words: 0 })));
  for (const doc of docs) {
    const cut = wordsOf(segmenter, doc.text, pos, onTokens && ((tokens) => onTokens(doc, tokens, keep)));
    const counts = new Map<number, number>();
    let words = 0;
    for (let i = 0; i < cut.words.length; i++) {
      const word = cut.words[i];
      if (!isWordToken(word)) continue;
      words++;
      if (!keepWord(word, cut.tags?.[i])) continue;
      let id = ids.get(word);
      if (id === undefined) {
        id = out.vocabulary.push(word) - 1;
        ids.set(word, id);
        out.df.push(0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    out.documents++;
    for (const id of counts.keys()) out.df[id]++;
    if (!groups) {
      out.docs.push({ id: doc.id, meta: doc.meta, words });
      out.rows.push(narrowRow(counts, out.vocabulary.length - 1, words));
      continue;
    }
    const g = groups.groupOf(doc);
    if (g === undefined) continue;
    out.docs[g].words += words;
    const pool = pools[g];
    for (const [id, n] of counts) pool.set(id, (pool.get(id) ?? 0) + n);
  }
  if (groups) {
    out.rows = pools.map((pool, g) => narrowRow(pool, out.vocabulary.length - 1, out.docs[g].words));
    out.pooled = { field: poolBy!, leftOut: groups.leftOut };
  }
  return out;
}

/** A row of term counts as typed arrays (`maxId`, `maxCount` bound its values). */
function narrowRow(counts: Map<number, number>, maxId: number, maxCount: number): DocumentTerms['rows'][number] {
  return { ids: narrowest(counts.keys(), maxId), counts: narrowest(counts.values(), maxCount) };
}

/** The values in a 16-bit array when `max` bounds them below 65536, else in a 32-bit one. */
function narrowest(values: Iterable<number>, max: number): Uint16Array | Int32Array {
  return max < 65536 ? Uint16Array.from(values) : Int32Array.from(values);
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

/**
 * Documents as units, or one unit per value of `field` in reading order (documents without it in `leftOut`):
 * for rows pooled by that field, one unit per row.
 */
export function groupDocuments(dt: DocumentTerms, field: string | undefined): DocumentGrouping {
  if (field !== undefined && dt.pooled?.field === field) {
    return { field, groups: dt.docs.map((d) => d.id), units: dt.docs.map((d, i) => ({ label: d.id, docs: [i] })), leftOut: dt.pooled.leftOut };
  }
  if (dt.pooled) throw new Error(`rows pooled by ${dt.pooled.field} cannot be grouped by ${field ?? 'document'}`);
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
