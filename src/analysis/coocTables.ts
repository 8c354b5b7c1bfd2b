import type { NetworkEdge, NetworkNode } from '../analysis/networkGraph.js';
import { wholeTable, type PagedTable, type ResultTable, type Row } from '../resultTable.js';
import { UsageError } from '../errors.js';
import { RATE_BASE, sum } from './arithmetic.js';
import { associationRow, type AssociationRow } from './association.js';
import type { CoocCounts } from './cooccurrence.js';
import { PairCounts } from './pairCounts.js';
import { SortedRuns, type RecordOrder } from './sortedRuns.js';

export const COOC_MEASURES = ['mi', 'tscore', 'logdice', 'jaccard', 'll'] as const;
export type CoocMeasure = (typeof COOC_MEASURES)[number];
export const MATRIX_VALUES = ['count', ...COOC_MEASURES] as const;
export type MatrixValue = (typeof MATRIX_VALUES)[number];

export const DECIMALS = { jaccard: 3 };
/** Rows made per page of a paged table: enough to amortise a formatter call, few enough to stay small. */
const PAGE_ROWS = 8192;

function pooled(perGroup: number[][], id: number): number {
  let total = 0;
  for (const counts of perGroup) total += counts[id] ?? 0;
  return total;
}

/** The counts one table is computed from: one group, or all groups pooled. */
export interface CountView {
  units: number;
  unitFreq: number[];
  pairs: PairCounts;
}

export function groupView(counts: CoocCounts, g: number): CountView {
  return { units: counts.units[g], unitFreq: counts.unitFreq[g], pairs: counts.pairs[g] };
}

function pooledView(counts: CoocCounts): CountView {
  if (counts.pairs.length === 1) return groupView(counts, 0);
  const pairs = new PairCounts(counts.terms.length, 1, counts.pairs[0].budget);
  for (const group of counts.pairs) pairs.addAll(group);
  const unitFreq = counts.terms.map((_, id) => pooled(counts.unitFreq, id));
  return { units: sum(counts.units), unitFreq, pairs };
}

/** Ranked pairs, a page of them: pair keys and units, in ranking order. */
interface RankedPage {
  keys: Float64Array;
  both: Float64Array;
  n: number;
}

/** Ranking runs hold [measure, both, key]: measure, then both, descending; then key. */
const byRank: RecordOrder = (x, i, y, j) => y[j] - x[i] || y[j + 1] - x[i + 1] || x[i + 2] - y[j + 2];

/**
 * The pairs of a view with both ≥ min, ranked by a measure, then both, descending; ties then go by term ids
 * (frequency rank), i.e. by key: a total order. Typed arrays and an index sort, not an object per pair, so
 * that ranking takes 28 bytes a pair; past half the pair budget's worth of pairs, sorted chunks go to runs of
 * the budget's spill and are merged back, so that memory stays bounded however many pairs there are.
 */
function* rankedPages(view: CountView, size: number, min: number, measure: keyof AssociationRow): Generator<RankedPage> {
  const capacity = Math.max(16, Math.floor(view.pairs.budget.bytes / 2 / 28));
  let keys = new Float64Array(Math.min(capacity, 1 << 16));
  let both = new Float64Array(keys.length);
  let rank = new Float64Array(keys.length);
  let n = 0;
  const runs = new SortedRuns(3, view.pairs.budget.spill, byRank, view.pairs.budget.runBlockBytes);
  const sorted = () => {
    const order = new Uint32Array(n);
    for (let j = 0; j < n; j++) order[j] = j;
    return order.sort((x, y) => rank[y] - rank[x] || both[y] - both[x] || keys[x] - keys[y]);
  };
  const writeRun = () => {
    const order = sorted();
    const record = [0, 0, 0];
    runs.writeFrom((put) => {
      for (const j of order) {
        [record[0], record[1], record[2]] = [rank[j], both[j], keys[j]];
        put(record);
      }
    });
    n = 0;
  };
  view.pairs.forEach((key, o) => {
    if (o < min) return;
    if (n === keys.length) {
      if (n === capacity) writeRun();
      else {
        const grown = Math.min(capacity, keys.length * 2);
        [keys, both, rank] = [keys, both, rank].map((a) => {
          const b = new Float64Array(grown);
          b.set(a);
          return b;
        });
      }
    }
    const a = Math.floor(key / size);
    keys[n] = key;
    both[n] = o;
    rank[n++] = associationRow(o, view.unitFreq[a], view.unitFreq[key - a * size], view.units)[measure];
  });
  if (runs.length === 0) {
    const order = sorted();
    for (let from = 0; from < n; from += PAGE_ROWS) {
      const page = { keys: new Float64Array(Math.min(PAGE_ROWS, n - from)), both: new Float64Array(Math.min(PAGE_ROWS, n - from)), n: 0 };
      for (let k = from; k < from + page.keys.length; k++) [page.keys[page.n], page.both[page.n++]] = [keys[order[k]], both[order[k]]];
      yield page;
    }
    return;
  }
  if (n > 0) writeRun();
  [keys, both, rank] = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  let page = { keys: new Float64Array(PAGE_ROWS), both: new Float64Array(PAGE_ROWS), n: 0 };
  for (const record of runs.merged()) {
    [page.keys[page.n], page.both[page.n++]] = [record[2], record[1]];
    if (page.n === PAGE_ROWS) {
      yield page;
      page = { keys: new Float64Array(PAGE_ROWS), both: new Float64Array(PAGE_ROWS), n: 0 };
    }
  }
  if (page.n > 0) yield page;
}

/** A pair with both ≥ min; a < b are term ids, so a is the more frequent term. */
export interface RankedPair {
  a: number;
  b: number;
  both: number;
}

/** rankedPages as one object per pair, for the network's edges. */
export function rankedPairs(view: CountView, size: number, min: number, measure: keyof AssociationRow): RankedPair[] {
  const pairs: RankedPair[] = [];
  for (const { keys, both, n } of rankedPages(view, size, min, measure)) {
    for (let j = 0; j < n; j++) {
      const a = Math.floor(keys[j] / size);
      pairs.push({ a, b: keys[j] - a * size, both: both[j] });
    }
  }
  return pairs;
}

/**
 * One row per pair of terms seen together in at least `min` units: term1 (the more frequent term), term2,
 * both = O, n1 = f1, n2 = f2, units = N, and the association measures of association.ts. Grouped counts give
 * each group's pairs over that group's units, with `group` as the first column. Rows come a page at a time:
 * a whole vocabulary has millions of pairs, whose rows would not fit in memory at once.
 */
export function cooccurrenceRows(counts: CoocCounts, options: { measure?: CoocMeasure } = {}): PagedTable {
  const measure = options.measure ?? 'logdice';
  const grouped = counts.field !== undefined;
  const size = counts.terms.length;
  const columns = [...(grouped ? ['group'] : []), 'term1', 'term2', 'both', 'n1', 'n2', 'units', ...COOC_MEASURES];
  function* pages(): Generator<Row[]> {
    for (let g = 0; g < counts.groups.length; g++) {
      const group = counts.groups[g];
      const view = groupView(counts, g);
      for (const { keys, both, n } of rankedPages(view, size, counts.min, measure)) {
        const page: Row[] = [];
        for (let j = 0; j < n; j++) {
          const a = Math.floor(keys[j] / size);
          const b = keys[j] - a * size;
          const [n1, n2, units] = [view.unitFreq[a], view.unitFreq[b], view.units];
          const { mi, tscore, logdice, jaccard, ll } = associationRow(both[j], n1, n2, units);
          // One literal of fixed shape per row: spreading objects into 10⁶ rows costs seconds in V8.
          const row: Row = { term1: counts.terms[a], term2: counts.terms[b], both: both[j], n1, n2, units, mi, tscore, logdice, jaccard, ll };
          if (grouped) row.group = group;
          page.push(row);
        }
        yield page;
      }
    }
  }
  return { columns, pages, decimals: DECIMALS };
}

/** cooccurrenceRows as one table (for a library caller, and tests, that want the rows at hand). */
export function cooccurrenceTable(counts: CoocCounts, options: { measure?: CoocMeasure } = {}): ResultTable {
  return wholeTable(cooccurrenceRows(counts, options));
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
  if (counts.pairs.some((pairs) => pairs.spilled)) {
    throw new UsageError(`a matrix of ${size} terms is too large to hold (${size}² cells); choose fewer terms (top)`, { cli: `a matrix of ${size} terms is too large to hold (${size}² cells); use --top` });
  }
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
