import type { Document } from '../corpus/document.js';
import type { ResultTable, Row } from '../resultTable.js';
import type { Segmenter } from '../segment/token.js';
import { isWordToken } from '../segment/wordToken.js';
import { associationRow, type AssociationRow } from './association.js';
import { GroupIndex, type Grouping, type LeftOutDocument } from './groups.js';
import { sideBySide } from './sideBySide.js';
import { wordFilter, type FilterOptions } from './tokenFilter.js';

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

/** One document's collocate counts as plain data: per word, its tokens and its count at each span position. */
export interface DocumentCollocates {
  tokens: number;
  nodeFreq: number;
  span: number;
  words: string[];
  freq: number[];
  /** Span-position counts, left + right per word, in the order of `words`. */
  at: number[];
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

/**
 * Counts the node's collocates document by document: `document(label)` takes one document's words chunk by
 * chunk (as the chunked pipeline gives them) and counts them when it is closed, holding one document's words.
 */
export class CollocateCounter {
  readonly counts: CollocateCounts;
  private readonly keep: (word: string, tag: string | undefined) => boolean;
  private readonly groups: GroupIndex;

  constructor(readonly request: CollocateRequest) {
    const { node, left, right, field } = request;
    this.keep = wordFilter(request.filter ?? {});
    this.counts = { field, node, left, right, groups: [], leftOut: [], tokens: [], nodeFreq: [], span: [], collocates: new Map() };
    this.groups = new GroupIndex(field, () => (this.counts.tokens.push(0), this.counts.nodeFreq.push(0), this.counts.span.push(0)));
    this.counts.groups = this.groups.labels;
    this.counts.leftOut = this.groups.leftOut;
  }

  /** The group label of a document, or undefined when it lacks the field: it is then noted as left out. */
  groupOf(doc: Pick<Document, 'id' | 'meta'>): string | undefined {
    const g = this.groups.groupOf(doc);
    return g === undefined ? undefined : this.groups.labels[g];
  }

  /** Notes a document left out of the grouping elsewhere (in a worker thread). */
  leaveOut(doc: Pick<Document, 'id' | 'meta'>): void {
    this.groups.leaveOut(doc);
  }

  private entry(word: string, g: number): { freq: number[]; at: number[][] } {
    const { left, right } = this.request;
    let e = this.counts.collocates.get(word);
    if (!e) this.counts.collocates.set(word, (e = { freq: [], at: [] }));
    while (e.freq.length <= g) e.freq.push(0);
    while (e.at.length <= g) e.at.push(new Array<number>(left + right).fill(0));
    return e;
  }

  /** One document of group `label`: add its words (and tags) in order, then close it. */
  document(label: string): { add(words: readonly string[], tags?: readonly string[]): void; close(): void } {
    const { node } = this.request;
    // Positions: every word token; null where the filter drops it (it still takes its place).
    const words: (string | null)[] = [];
    return {
      add: (chunk, tags) => {
        for (let i = 0; i < chunk.length; i++) {
          const w = chunk[i];
          if (isWordToken(w)) words.push(w === node || this.keep(w, tags?.[i]) ? w : null);
        }
      },
      close: () => this.count(this.groups.numberOf(label), words),
    };
  }

  /** The counts of the one document this counter saw, as plain data (what a worker thread sends). */
  documentCounts(): DocumentCollocates {
    const { counts } = this;
    const width = this.request.left + this.request.right;
    const part: DocumentCollocates = { tokens: counts.tokens[0] ?? 0, nodeFreq: counts.nodeFreq[0] ?? 0, span: counts.span[0] ?? 0, words: [], freq: [], at: [] };
    for (const [word, e] of counts.collocates) {
      part.words.push(word);
      part.freq.push(e.freq[0] ?? 0);
      for (let k = 0; k < width; k++) part.at.push(e.at[0]?.[k] ?? 0);
    }
    return part;
  }

  /** One document of group `label` counted elsewhere (documentCounts of a counter of the same request). */
  addDocument(label: string, part: DocumentCollocates): void {
    const g = this.groups.numberOf(label);
    const { counts } = this;
    const width = this.request.left + this.request.right;
    counts.tokens[g] += part.tokens;
    counts.nodeFreq[g] += part.nodeFreq;
    counts.span[g] += part.span;
    part.words.forEach((word, i) => {
      const e = this.entry(word, g);
      e.freq[g] += part.freq[i];
      for (let k = 0; k < width; k++) e.at[g][k] += part.at[i * width + k];
    });
  }

  private count(g: number, words: (string | null)[]): void {
    const { node, left, right } = this.request;
    const { counts } = this;
    counts.tokens[g] += words.length;
    for (const w of words) if (w !== null && w !== node) this.entry(w, g).freq[g]++;
    words.forEach((w, i) => {
      if (w !== node) return;
      counts.nodeFreq[g]++;
      for (let d = -left; d <= right; d++) {
        const j = i + d;
        if (d === 0 || j < 0 || j >= words.length) continue;
        counts.span[g]++;
        const c = words[j];
        if (c === null || c === node) continue;
        this.entry(c, g).at[g][d < 0 ? left + d : left + d - 1]++;
      }
    });
  }
}

/** Segments each document once and counts the node's collocates per group (documents at hand). */
export function countCollocates(docs: Iterable<Document>, segmenter: Segmenter, request: CollocateRequest): CollocateCounts {
  const counter = new CollocateCounter(request);
  const pos = Boolean(request.filter?.pos);
  for (const doc of docs) {
    const label = counter.groupOf(doc);
    if (label === undefined) continue;
    const tokens = segmenter.cut(doc.text, { pos });
    const document = counter.document(label);
    document.add(
      tokens.map((t) => t.text),
      pos ? tokens.map((t) => t.pos ?? '') : undefined,
    );
    document.close();
  }
  return counter.counts;
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
