import type { Document } from '../corpus/document.js';
import { computedColumns, type ResultTable, type Row } from '../resultTable.js';
import type { Segmenter } from '../segment/token.js';
import { GroupIndex, type Grouping, type LeftOutDocument } from './groups.js';
import { kwicRows } from './kwic.js';
import { sortKwic, type KwicSort } from './kwicOrder.js';
import { sampleOf, seededRandom } from './random.js';

export interface ConcordanceRequest {
  /** A search pattern (searchPattern): literal, or a regular expression. */
  pattern: RegExp;
  /** Characters (code points) of context on each side. */
  width: number;
  /** Only hits made of whole tokens (that begin and end where the segmenter's tokens do), as freq counts. */
  tokens?: boolean;
  /** A metadata field: a column of its own, and the lines grouped by its values (in reading order). */
  field?: string;
  /** Lines drawn at random within each group (reproducible with `seed`), before sorting. */
  sample?: number;
  seed?: number;
  sort?: KwicSort;
}

/** A concordance (`tifa kwic`): its table, the hits found, and the grouping's left-out documents. */
export interface Concordance extends Grouping {
  table: ResultTable;
  hits: number;
  leftOut: LeftOutDocument[];
}

const KWIC_COLUMNS = ['doc', 'line', 'column', 'left', 'match', 'right'] as const;

/** Where the tokens of a document start and end: `tokens` keeps the hits that begin and end on these. */
function tokenBounds(text: string, segmenter: Segmenter): { starts: Set<number>; ends: Set<number> } {
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const t of segmenter.cut(text)) {
    starts.add(t.start);
    ends.add(t.end);
  }
  return { starts, ends };
}

/** The concordance lines of one document (kwicRows, with `tokens` against the segmenter's tokens), ungrouped. */
export function documentLines(doc: Document, segmenter: Segmenter, request: ConcordanceRequest): Row[] {
  return kwicRows(doc, request.pattern, request.width, request.tokens ? tokenBounds(doc.text, segmenter) : undefined);
}

/** The columns of an ungrouped concordance. */
export const CONCORDANCE_COLUMNS: readonly string[] = KWIC_COLUMNS;

/**
 * The concordance lines of a corpus, grouped by the field's values in reading order; within each group
 * sampled, then sorted. Columns: the field (when grouped), `doc`, `line`, `column`, `left`, `match`, `right`.
 */
export function concordance(docs: Iterable<Document>, segmenter: Segmenter, request: ConcordanceRequest): Concordance {
  const { field } = request;
  const byGroup: Row[][] = [];
  const groups = new GroupIndex(field, () => byGroup.push([]));
  let hits = 0;
  for (const doc of docs) {
    const g = groups.groupOf(doc);
    if (g === undefined) continue;
    const rows = documentLines(doc, segmenter, request);
    hits += rows.length;
    for (const row of rows) byGroup[g].push(row);
  }
  // The field is the user's (one called `line`): the computed columns step aside. Its cell is the group's value.
  const c = computedColumns(KWIC_COLUMNS, new Set(field ? [field] : []));
  const named = (row: Row, g: number): Row =>
    field ? Object.fromEntries([[field, groups.labels[g]], ...KWIC_COLUMNS.map((name) => [c[name], row[name]])]) : row;
  const random = seededRandom(request.seed ?? 1);
  const rows = byGroup.flatMap((group, g) => {
    const drawn = request.sample ? sampleOf(group, request.sample, random) : group;
    return (request.sort ? sortKwic(drawn, request.sort, segmenter) : drawn).map((row) => named(row, g));
  });
  const columns = [...(field ? [field] : []), ...KWIC_COLUMNS.map((name) => c[name])];
  return { field, groups: groups.labels, leftOut: groups.leftOut, hits, table: { columns, rows } };
}
