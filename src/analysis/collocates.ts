import type { Document } from '../corpus/document.js';
import type { ResultTable, Row } from '../resultTable.js';
import type { Segmenter } from '../segment/token.js';
import { isWordToken } from '../segment/wordToken.js';
import { associationRow, type AssociationRow } from './association.js';
import { GroupIndex, type Grouping, type LeftOutDocument } from './groups.js';
import { sideBySide } from './sideBySide.js';
import { tokenFilter, type FilterOptions } from './tokenFilter.js';

/**
 * Collocates as AntConc and LancsBox count them: per occurrence of the node. Every word token (a token with a
 * letter or digit) is a position; the span of one occurrence is the L positions before it and the R after it,
 * within its document (spans cross sentences, never documents). Each occurrence counts every collocate once per
 * position of its span, so `both` = Σ over node occurrences of the span positions holding the collocate, and
 * both ≤ n1 × (L + R). Words the filter drops (stopwords, POS, length) still take their position; the node is
 * never its own collocate.
 *
 * Measures (Evert 2008, "Corpora and collocations", surface co-occurrence in windows) treat the span positions
 * as one sample: O = both, R1 = `span` (positions in the node's spans, ≤ n1·(L + R), fewer at document edges),
 * C1 = n2 (the collocate's tokens), N = `units` (word tokens); E = R1·C1/N, MI = log2(O/E), t = (O − E)/√O,
 * G² of the 2×2 table [O, R1 − O; C1 − O, N − R1 − C1 + O], log-Dice = 14 + log2(2O/(R1 + C1)).
 * Where spans of two occurrences overlap, one token may count for both, so O can pass C1 (or R1 + C1 − O pass
 * N): that 2×2 table does not exist and the measures are left empty rather than made up.
 */
export interface CollocateRequest {
  node: string;
  left: number;
  right: number;
  field?: string;
  filter?: FilterOptions;
}

export interface CollocateCounts extends Grouping {
  node: string;
  left: number;
  right: number;
  groups: string[];
  leftOut: LeftOutDocument[];
  /** N: word tokens per group. */
  tokens: number[];
  /** n1: occurrences of the node per group. */
  nodeFreq: number[];
  /** R1: positions in the node's spans per group. */
  span: number[];
  /** Per collocate: its tokens per group (n2) and, per group, its count at each span position (L…, R…). */
  collocates: Map<string, { freq: number[]; at: number[][] }>;
}

/** Collocate rankings by the names LancsBox uses; t is the tscore column. */
export const COLLOCATE_MEASURES = ['logdice', 'mi', 't', 'll'] as const;
export type CollocateMeasure = (typeof COLLOCATE_MEASURES)[number];
const MEASURE_COLUMNS = ['mi', 'tscore', 'logdice', 'jaccard', 'll'] as const;

/** Names of the span positions, farthest left first: L3 L2 L1 R1 R2 R3. */
export function positionColumns(left: number, right: number): string[] {
  const names: string[] = [];
  for (let k = left; k >= 1; k--) names.push(`L${k}`);
  for (let k = 1; k <= right; k++) names.push(`R${k}`);
  return names;
}

/** Segments each document once and counts the node's collocates per group (documents without the field in `leftOut`). */
export function countCollocates(docs: Iterable<Document>, segmenter: Segmenter, request: CollocateRequest): CollocateCounts {
  const { node, left, right } = request;
  const keep = tokenFilter(request.filter ?? {});
  const tagging = Boolean(request.filter?.pos);
  const counts: CollocateCounts = { field: request.field, node, left, right, groups: [], leftOut: [], tokens: [], nodeFreq: [], span: [], collocates: new Map() };
  const groups = new GroupIndex(request.field, () => (counts.tokens.push(0), counts.nodeFreq.push(0), counts.span.push(0)));
  counts.groups = groups.labels;
  counts.leftOut = groups.leftOut;
  const entry = (word: string, g: number) => {
    let e = counts.collocates.get(word);
    if (!e) counts.collocates.set(word, (e = { freq: [], at: [] }));
    while (e.freq.length <= g) e.freq.push(0);
    while (e.at.length <= g) e.at.push(new Array<number>(left + right).fill(0));
    return e;
  };
  for (const doc of docs) {
    const g = groups.groupOf(doc);
    if (g === undefined) continue;
    // Positions: every word token; null where the filter drops it (it still takes its place).
    const words: (string | null)[] = [];
    for (const t of segmenter.cut(doc.text, { pos: tagging })) {
      if (isWordToken(t.text)) words.push(t.text === node || keep(t) ? t.text : null);
    }
    counts.tokens[g] += words.length;
    for (const w of words) if (w !== null && w !== node) entry(w, g).freq[g]++;
    words.forEach((w, i) => {
      if (w !== node) return;
      counts.nodeFreq[g]++;
      for (let d = -left; d <= right; d++) {
        const j = i + d;
        if (d === 0 || j < 0 || j >= words.length) continue;
        counts.span[g]++;
        const c = words[j];
        if (c === null || c === node) continue;
        entry(c, g).at[g][d < 0 ? left + d : left + d - 1]++;
      }
    });
  }
  return counts;
}

function measuresOf(o: number, r1: number, c1: number, n: number): AssociationRow | undefined {
  return o > c1 || o > r1 || r1 + c1 - o > n || n === 0 ? undefined : associationRow(o, r1, c1, n);
}

function groupRows(counts: CollocateCounts, g: number, min: number): Row[] {
  const positions = positionColumns(counts.left, counts.right);
  const rows: Row[] = [];
  for (const [word, e] of counts.collocates) {
    const at = e.at[g];
    if (!at) continue;
    const both = at.reduce((s, x) => s + x, 0);
    if (both < min || both === 0) continue;
    const [n1, n2, span, units] = [counts.nodeFreq[g], e.freq[g] ?? 0, counts.span[g], counts.tokens[g]];
    const row: Row = { collocate: word, both };
    positions.forEach((p, k) => (row[p] = at[k]));
    Object.assign(row, { n1, n2, span, units });
    const m = measuresOf(both, span, n2, units);
    for (const c of MEASURE_COLUMNS) row[c] = m ? m[c] : null;
    rows.push(row);
  }
  return rows;
}

/**
 * The collocates table: collocate, both, one count per span position (L<left> … L1, R1 … R<right>), n1 (node
 * occurrences), n2 (collocate tokens), span (R1), units (N, word tokens) and the measures, ranked by `measure`
 * then both, then collocate. Grouped counts give the groups side by side (rank, `<group>`, `<group>_<measure>`).
 */
export function collocatesTable(counts: CollocateCounts, options: { measure?: CollocateMeasure; top?: number; min?: number } = {}): ResultTable {
  const column: keyof AssociationRow = options.measure === 't' ? 'tscore' : (options.measure ?? 'logdice');
  const rank = (x: Row, y: Row) =>
    Number(y[column] ?? -Infinity) - Number(x[column] ?? -Infinity) ||
    Number(y.both) - Number(x.both) ||
    (String(x.collocate) < String(y.collocate) ? -1 : 1);
  const perGroup = counts.groups.map((_, g) => groupRows(counts, g, options.min ?? 1).sort(rank).slice(0, options.top));
  const decimals = { jaccard: 3 };
  if (counts.field === undefined) {
    const columns = ['collocate', 'both', ...positionColumns(counts.left, counts.right), 'n1', 'n2', 'span', 'units', ...MEASURE_COLUMNS];
    return { columns, rows: perGroup[0] ?? [], decimals };
  }
  return { ...sideBySide(counts.groups, perGroup, 'collocate', column, counts.field), decimals };
}
