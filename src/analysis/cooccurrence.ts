import type { Document } from '../corpus/document.js';
import type { NetworkEdge, NetworkNode } from '../format/network.js';
import type { ResultTable, Row } from '../format/table.js';
import type { Segmenter, Token } from '../segment/token.js';
import { associationRow, type AssociationRow } from './association.js';
import { GroupIndex, groupOf } from './groups.js';
import { tokenFilter, type FilterOptions } from './tokenFilter.js';
import { forEachUnit, unitCount, unitLayout, type UnitLayout, type UnitSpec } from './units.js';
import { RATE_BASE, sum } from './arithmetic.js';

/** Which tokens are terms, and under which name they are counted. */
export type TermSet =
  /** Tokens equal to one of these. */
  | { kind: 'terms'; terms: string[] }
  /** Tokens that are a surface form, counted under its canonical form (the slogan lexicon). */
  | { kind: 'forms'; forms: ReadonlyMap<string, string> }
  /** Every word token the filter keeps (stopwords, POS, length). */
  | { kind: 'words'; filter?: FilterOptions };

export interface CoocRequest {
  /** Metadata field whose values are the groups; without it everything is one group, "all". */
  field?: string;
  unit: UnitSpec;
  terms: TermSet;
  /** Keep only the n terms of the set with the most tokens (pooled over groups). */
  top?: number;
  /** Rows need both ≥ min; terms in fewer than min units are dropped before pairs are counted. */
  min?: number;
}

/**
 * Sparse co-occurrence counts. Term ids are indices into `terms`; per-term arrays are indexed [group][id].
 * Groups never share a unit, so pooled counts are sums over groups.
 */
export interface CoocCounts {
  field?: string;
  min: number;
  groups: string[];
  /** The term set, most tokens first (ties by term). */
  terms: string[];
  /** Word-token positions per group: the denominator of rates (and N of window units). */
  tokens: number[];
  /** N: units per group. */
  units: number[];
  /** Tokens of each term per group. */
  frequency: number[][];
  /** n: units containing each term per group. */
  unitFreq: number[][];
  /** Units containing both terms of a pair, per group, keyed by a·S + b for term ids a < b, S = terms.length. */
  pairs: Map<number, number>[];
}

export const COOC_MEASURES = ['mi', 'tscore', 'logdice', 'jaccard', 'll'] as const;
export type CoocMeasure = (typeof COOC_MEASURES)[number];
export const MATRIX_VALUES = ['count', ...COOC_MEASURES] as const;
export type MatrixValue = (typeof MATRIX_VALUES)[number];

const DECIMALS = { jaccard: 3 };

function termOf(set: TermSet): (t: Token) => string | undefined {
  if (set.kind === 'terms') {
    const wanted = new Set(set.terms);
    return (t) => (wanted.has(t.text) ? t.text : undefined);
  }
  if (set.kind === 'forms') return (t) => set.forms.get(t.text);
  const keep = tokenFilter(set.filter ?? {});
  return (t) => (keep(t) ? t.text : undefined);
}

function bump(counts: number[], i: number): void {
  while (counts.length <= i) counts.push(0);
  counts[i] += 1;
}

function byTerm(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pass 1 over the corpus: every document's layout in vocabulary ids, token and unit counts per group. */
interface Pass1 {
  groups: string[];
  vocabulary: string[];
  tokens: number[];
  units: number[];
  frequency: number[][];
  unitFreq: number[][];
  layouts: { g: number; layout: UnitLayout }[];
}

function layOut(
  docs: Iterable<Document>,
  segmenter: Segmenter,
  request: CoocRequest,
  onLeftOut: (doc: Document) => void,
): Pass1 {
  const match = termOf(request.terms);
  const tagging = request.terms.kind === 'words' && Boolean(request.terms.filter?.pos);
  const ids = new Map<string, number>();
  const p: Pass1 = { groups: [], vocabulary: [], tokens: [], units: [], frequency: [], unitFreq: [], layouts: [] };
  const groups = new GroupIndex(() => (p.tokens.push(0), p.units.push(0), p.frequency.push([]), p.unitFreq.push([])));
  p.groups = groups.labels;
  for (const doc of docs) {
    const label = groupOf(doc, request.field);
    if (label === undefined) {
      onLeftOut(doc);
      continue;
    }
    const g = groups.numberOf(label);
    const freq = p.frequency[g];
    const layout = unitLayout(segmenter.cut(doc.text, { pos: tagging }), request.unit.kind, (t) => {
      const term = match(t);
      if (term === undefined) return -1;
      let id = ids.get(term);
      if (id === undefined) {
        id = p.vocabulary.push(term) - 1;
        ids.set(term, id);
      }
      bump(freq, id);
      return id;
    });
    p.tokens[g] += layout.ids.length;
    p.units[g] += unitCount(layout, request.unit);
    const seen = p.unitFreq[g];
    forEachUnit(layout, request.unit, (terms, n) => {
      for (let i = 0; i < n; i++) bump(seen, terms[i]);
    });
    p.layouts.push({ g, layout });
  }
  return p;
}

function pooled(perGroup: number[][], id: number): number {
  let sum = 0;
  for (const counts of perGroup) sum += counts[id] ?? 0;
  return sum;
}

/** Term sets up to this many cells (term × term, over all groups) count pairs in arrays instead of Maps. */
const DENSE_PAIR_CELLS = 1 << 22;

/**
 * The pair counts of one group, keyed by a·S + b. While the term set is small (e.g. --top 1000), an array
 * indexed by the key: a unit of n terms makes n·(n−1)/2 increments, and array increments cost a fraction of
 * Map updates. Larger sets (the whole vocabulary) count sparsely in a Map.
 */
class PairCounts {
  private readonly sparse = new Map<number, number>();

  constructor(private readonly dense: Int32Array | undefined) {}

  add(key: number): void {
    if (this.dense) this.dense[key]++;
    else this.sparse.set(key, (this.sparse.get(key) ?? 0) + 1);
  }

  /** The pairs seen, as the Map CoocCounts holds. */
  toMap(): Map<number, number> {
    if (!this.dense) return this.sparse;
    const pairs = new Map<number, number>();
    this.dense.forEach((both, key) => {
      if (both > 0) pairs.set(key, both);
    });
    return pairs;
  }
}

/** Counts every pair of distinct terms in a unit: n·(n−1)/2 updates for a unit of n terms. */
function countAllPairs(pairs: PairCounts, terms: Int32Array, n: number, size: number): void {
  for (let i = 0; i < n; i++) {
    const base = terms[i] * size;
    for (let j = i + 1; j < n; j++) pairs.add(base + terms[j]);
  }
}

/**
 * Segments a stream of documents once and counts, per group, units (N), units with each term (n) and units
 * with each pair of terms (both). Pair counting is sparse: a unit of n distinct terms touches n·(n−1)/2 map
 * entries, so the cost follows the text, never the vocabulary squared. Terms in fewer than `min` units are
 * dropped before pairs are counted, since both ≤ min(n1, n2) could not reach `min`; at min 2 that drops
 * every term seen in one unit only (39% of the word types of the government work reports).
 */
export function countCooccurrence(
  docs: Iterable<Document>,
  segmenter: Segmenter,
  request: CoocRequest,
  onLeftOut: (doc: Document) => void = () => {},
): CoocCounts {
  const min = request.min ?? 1;
  const p = layOut(docs, segmenter, request, onLeftOut);
  const totals = p.vocabulary.map((_, v) => pooled(p.frequency, v));
  let order = p.vocabulary.map((_, v) => v);
  order.sort((a, b) => totals[b] - totals[a] || byTerm(p.vocabulary[a], p.vocabulary[b]));
  if (request.top !== undefined) order = order.slice(0, request.top);

  const size = order.length;
  const active = new Int32Array(p.vocabulary.length).fill(-1);
  order.forEach((v, id) => {
    if (pooled(p.unitFreq, v) >= min) active[v] = id;
  });
  const dense = size * size * p.groups.length <= DENSE_PAIR_CELLS;
  const pairs = p.groups.map(() => new PairCounts(dense ? new Int32Array(size * size) : undefined));
  for (const { g, layout } of p.layouts) {
    // From vocabulary ids to term ids in place (−1: outside --top or below --min); pass 1 is done with them.
    const ids = layout.ids;
    for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) ids[i] = active[ids[i]];
    forEachUnit(layout, request.unit, (terms, n) => countAllPairs(pairs[g], terms, n, size));
  }
  return {
    field: request.field,
    min,
    groups: p.groups,
    terms: order.map((v) => p.vocabulary[v]),
    tokens: p.tokens,
    units: p.units,
    frequency: p.frequency.map((f) => order.map((v) => f[v] ?? 0)),
    unitFreq: p.unitFreq.map((f) => order.map((v) => f[v] ?? 0)),
    pairs: pairs.map((counts) => counts.toMap()),
  };
}

/** Whether a term of the set occurs at all (in any group). */
export function occurs(counts: CoocCounts, term: string): boolean {
  const id = counts.terms.indexOf(term);
  return id >= 0 && counts.frequency.some((f) => f[id] > 0);
}

/** The counts one table is computed from: one group, or all groups pooled. */
interface CountView {
  units: number;
  unitFreq: number[];
  pairs: Map<number, number>;
}

function groupView(counts: CoocCounts, g: number): CountView {
  return { units: counts.units[g], unitFreq: counts.unitFreq[g], pairs: counts.pairs[g] };
}

function pooledView(counts: CoocCounts): CountView {
  const pairs = new Map<number, number>();
  for (const map of counts.pairs) for (const [key, both] of map) pairs.set(key, (pairs.get(key) ?? 0) + both);
  const unitFreq = counts.terms.map((_, id) => pooled(counts.unitFreq, id));
  return { units: sum(counts.units), unitFreq, pairs };
}

/** A pair with both ≥ min; a < b are term ids, so a is the more frequent term. */
interface RankedPair {
  a: number;
  b: number;
  both: number;
  /** The measure it is ranked by. */
  rank: number;
}

/**
 * The pairs of a view with both ≥ min, ranked by a measure, then both, descending; ties then go by term ids
 * (frequency rank). Plain numbers, not rows or strings, so that ranking a whole-vocabulary table stays cheap.
 */
function rankedPairs(view: CountView, size: number, min: number, measure: keyof AssociationRow): RankedPair[] {
  const out: RankedPair[] = [];
  for (const [key, both] of view.pairs) {
    if (both < min) continue;
    const a = Math.floor(key / size);
    const b = key - a * size;
    out.push({ a, b, both, rank: associationRow(both, view.unitFreq[a], view.unitFreq[b], view.units)[measure] });
  }
  return out.sort((x, y) => y.rank - x.rank || y.both - x.both || x.a - y.a || x.b - y.b);
}

/**
 * One row per pair of terms seen together in at least `min` units: term1 (the more frequent term), term2,
 * both = O, n1 = f1, n2 = f2, units = N, and the association measures of association.ts. Grouped counts give
 * each group's pairs over that group's units, with `group` as the first column.
 */
export function cooccurrenceTable(counts: CoocCounts, options: { measure?: CoocMeasure } = {}): ResultTable {
  const measure = options.measure ?? 'logdice';
  const grouped = counts.field !== undefined;
  const rows: Row[] = [];
  counts.groups.forEach((group, g) => {
    const view = groupView(counts, g);
    for (const { a, b, both } of rankedPairs(view, counts.terms.length, counts.min, measure)) {
      const [n1, n2, units] = [view.unitFreq[a], view.unitFreq[b], view.units];
      const { mi, tscore, logdice, jaccard, ll } = associationRow(both, n1, n2, units);
      // One literal of fixed shape per row: spreading objects into 10⁶ rows costs seconds in V8.
      const row: Row = { term1: counts.terms[a], term2: counts.terms[b], both, n1, n2, units, mi, tscore, logdice, jaccard, ll };
      if (grouped) row.group = group;
      rows.push(row);
    }
  });
  const columns = [...(grouped ? ['group'] : []), 'term1', 'term2', 'both', 'n1', 'n2', 'units', ...COOC_MEASURES];
  return { columns, rows, decimals: DECIMALS };
}

/**
 * A term × term table (first column `term`, then one column per term, most frequent first), per group when
 * grouped: `count` gives both (the diagonal: units with the term), a measure gives its value (the diagonal
 * is blank: a term's association with itself says nothing). Cells of pairs below `min` are blank, since
 * pairs of terms dropped for `min` were never counted; with min 1 every cell is exact.
 */
export function cooccurrenceMatrix(counts: CoocCounts, options: { value?: MatrixValue } = {}): ResultTable {
  const value = options.value ?? 'count';
  const grouped = counts.field !== undefined;
  const size = counts.terms.length;
  const rows: Row[] = [];
  counts.groups.forEach((group, g) => {
    const view = groupView(counts, g);
    counts.terms.forEach((term, a) => {
      const row: Row = grouped ? { group, term } : { term };
      counts.terms.forEach((other, b) => {
        const both = a === b ? view.unitFreq[a] : (view.pairs.get(Math.min(a, b) * size + Math.max(a, b)) ?? 0);
        if (a !== b && counts.min > 1 && both < counts.min) row[other] = null;
        else if (value === 'count') row[other] = both;
        else if (a === b || view.units === 0) row[other] = null;
        else row[other] = associationRow(both, view.unitFreq[a], view.unitFreq[b], view.units)[value];
      });
      rows.push(row);
    });
  });
  const decimals = value === 'jaccard' ? Object.fromEntries(counts.terms.map((t) => [t, 3])) : undefined;
  return { columns: [...(grouped ? ['group'] : []), 'term', ...counts.terms], rows, decimals };
}

/** The group using a term most, by rate per 10,000 word tokens (so a large group does not win by size). */
function topGroup(counts: CoocCounts, id: number): string {
  let best = 0;
  let bestRate = -1;
  counts.groups.forEach((_, g) => {
    const rate = counts.tokens[g] > 0 ? (counts.frequency[g][id] * RATE_BASE) / counts.tokens[g] : 0;
    if (rate > bestRate) [best, bestRate] = [g, rate];
  });
  return counts.groups[best];
}

/**
 * The co-occurrence network, pooled over groups: every term of the set as a node (token count, per-group
 * counts and top group when grouped), every pair with both ≥ min as an edge with all measures, edges
 * ranked by `measure`.
 */
export function coocNetwork(counts: CoocCounts, options: { measure?: CoocMeasure } = {}): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const measure = options.measure ?? 'logdice';
  const grouped = counts.field !== undefined;
  const nodes = counts.terms.map((term, id) => {
    const node: NetworkNode = { term, count: pooled(counts.frequency, id), byGroup: {} };
    if (grouped) {
      counts.groups.forEach((g, i) => (node.byGroup[g] = counts.frequency[i][id]));
      node.topGroup = topGroup(counts, id);
    }
    return node;
  });
  const view = pooledView(counts);
  const edges = rankedPairs(view, counts.terms.length, counts.min, measure).map(({ a, b, both }) => ({
    source: counts.terms[a],
    target: counts.terms[b],
    both,
    scores: { ...associationRow(both, view.unitFreq[a], view.unitFreq[b], view.units) },
  }));
  return { nodes, edges };
}
