import type { Document } from '../corpus/document.js';
import type { Segmenter, Token } from '../segment/token.js';
import { GroupIndex, type Grouping, type LeftOutDocument } from './groups.js';
import { PairBudget, PairCounts } from './pairCounts.js';
import { tokenFilter, type FilterOptions } from './tokenFilter.js';
import { forEachUnit, unitCount, unitLayout, type UnitLayout, type UnitSpec } from './units.js';

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
  /** Bytes the pair counts may take before the count stops with a UsageError (default: see PairBudget). */
  pairBudget?: number;
}

/**
 * Sparse co-occurrence counts. Term ids are indices into `terms`; per-term arrays are indexed [group][id].
 * Groups never share a unit, so pooled counts are sums over groups.
 */
export interface CoocCounts extends Grouping {
  min: number;
  groups: string[];
  leftOut: LeftOutDocument[];
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
  pairs: PairCounts[];
}

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
  leftOut: LeftOutDocument[];
  vocabulary: string[];
  tokens: number[];
  units: number[];
  frequency: number[][];
  unitFreq: number[][];
  layouts: { g: number; layout: UnitLayout }[];
}

function layOut(docs: Iterable<Document>, segmenter: Segmenter, request: CoocRequest): Pass1 {
  const match = termOf(request.terms);
  const tagging = request.terms.kind === 'words' && Boolean(request.terms.filter?.pos);
  const ids = new Map<string, number>();
  const p: Pass1 = { groups: [], leftOut: [], vocabulary: [], tokens: [], units: [], frequency: [], unitFreq: [], layouts: [] };
  const groups = new GroupIndex(request.field, () => (p.tokens.push(0), p.units.push(0), p.frequency.push([]), p.unitFreq.push([])));
  p.groups = groups.labels;
  p.leftOut = groups.leftOut;
  for (const doc of docs) {
    const g = groups.groupOf(doc);
    if (g === undefined) continue;
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
export function countCooccurrence(docs: Iterable<Document>, segmenter: Segmenter, request: CoocRequest): CoocCounts {
  const min = request.min ?? 1;
  const p = layOut(docs, segmenter, request);
  const totals = p.vocabulary.map((_, v) => pooled(p.frequency, v));
  let order = p.vocabulary.map((_, v) => v);
  order.sort((a, b) => totals[b] - totals[a] || byTerm(p.vocabulary[a], p.vocabulary[b]));
  if (request.top !== undefined) order = order.slice(0, request.top);

  const size = order.length;
  const active = new Int32Array(p.vocabulary.length).fill(-1);
  order.forEach((v, id) => {
    if (pooled(p.unitFreq, v) >= min) active[v] = id;
  });
  const budget = new PairBudget(request.pairBudget, () => done / p.layouts.length);
  const pairs = p.groups.map(() => new PairCounts(size, p.groups.length, budget));
  let done = 0;
  for (const { g, layout } of p.layouts) {
    // From vocabulary ids to term ids in place (−1: outside --top or below --min); pass 1 is done with them.
    const ids = layout.ids;
    for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) ids[i] = active[ids[i]];
    forEachUnit(layout, request.unit, (terms, n) => countAllPairs(pairs[g], terms, n, size));
    done++;
  }
  return {
    field: request.field,
    min,
    groups: p.groups,
    leftOut: p.leftOut,
    terms: order.map((v) => p.vocabulary[v]),
    tokens: p.tokens,
    units: p.units,
    frequency: p.frequency.map((f) => order.map((v) => f[v] ?? 0)),
    unitFreq: p.unitFreq.map((f) => order.map((v) => f[v] ?? 0)),
    pairs,
  };
}

/** Whether a term of the set occurs at all (in any group). */
export function occurs(counts: CoocCounts, term: string): boolean {
  const id = counts.terms.indexOf(term);
  return id >= 0 && counts.frequency.some((f) => f[id] > 0);
}
