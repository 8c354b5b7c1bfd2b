import type { Document } from '../corpus/document.js';
import type { Segmenter, Token } from '../segment/token.js';
import { GroupIndex, type Grouping, type LeftOutDocument } from './groups.js';
import { PairBudget, PairCounts } from './pairCounts.js';
import { memorySpill, NumberReader, NumberWriter, type Spill } from './spill.js';
import { wordFilter, type FilterOptions } from './tokenFilter.js';
import { forEachUnit, LayoutBuilder, unitCount, type UnitLayout, type UnitSpec } from './units.js';

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
  /** Bytes the pair counts may take in memory before they spill (default: see PairBudget). */
  pairBudget?: number;
  /** Where layouts and pair counts too large for memory go (default: memory; the pipeline gives files). */
  spill?: Spill;
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

/** The term a word is counted under, or undefined when it is no term of the set. */
export function termMatcher(set: TermSet): (word: string, tag: string | undefined) => string | undefined {
  if (set.kind === 'terms') {
    const wanted = new Set(set.terms);
    return (word) => (wanted.has(word) ? word : undefined);
  }
  if (set.kind === 'forms') return (word) => set.forms.get(word);
  const keep = wordFilter(set.filter ?? {});
  return (word, tag) => (keep(word, tag) ? word : undefined);
}

/** Whether the term set needs POS tags. */
export function tagsNeeded(set: TermSet): boolean {
  return set.kind === 'words' && Boolean(set.filter?.pos);
}

function bump(counts: number[], i: number): void {
  while (counts.length <= i) counts.push(0);
  counts[i] += 1;
}

function byTerm(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pooled(perGroup: number[][], id: number): number {
  let sum = 0;
  for (const counts of perGroup) sum += counts[id] ?? 0;
  return sum;
}

/**
 * The terms of a count out of its vocabulary: most tokens first (pooled over groups; ties by term), cut to
 * `top`; and each vocabulary id's term id, or −1 outside `top` or in fewer than `min` units (pooled), since
 * both ≤ min(n1, n2) could not reach `min`. One run and merged shards choose the same way.
 */
export function chooseTerms(
  vocabulary: readonly string[],
  frequency: number[][],
  unitFreq: number[][],
  top: number | undefined,
  min: number,
): { order: number[]; active: Int32Array } {
  const totals = vocabulary.map((_, v) => pooled(frequency, v));
  let order = vocabulary.map((_, v) => v);
  order.sort((a, b) => totals[b] - totals[a] || byTerm(vocabulary[a], vocabulary[b]));
  if (top !== undefined) order = order.slice(0, top);
  const active = new Int32Array(vocabulary.length).fill(-1);
  order.forEach((v, id) => {
    if (pooled(unitFreq, v) >= min) active[v] = id;
  });
  return { order, active };
}

/** Counts every pair of distinct terms in a unit: n·(n−1)/2 updates for a unit of n terms. */
function countAllPairs(pairs: PairCounts, terms: Int32Array, n: number, size: number): void {
  for (let i = 0; i < n; i++) {
    const base = terms[i] * size;
    for (let j = i + 1; j < n; j++) pairs.add(base + terms[j]);
  }
}

/**
 * Counts co-occurrence document by document (layouts in the counter's vocabulary ids), in two passes: the
 * first counts tokens, units and units per term as documents come, and writes each layout to the spill (4
 * bytes a position, so that memory does not grow with the corpus); the second, once the terms are chosen
 * (top, min), reads the layouts back and counts the pairs. Pair counting is sparse: a unit of n distinct terms
 * touches n·(n−1)/2 entries, so the cost follows the text, never the vocabulary squared; tables past the
 * budget spill too (see PairBudget). Terms in fewer than `min` units are dropped before pairs are counted: at
 * min 2 that drops every term seen in one unit only (39% of the word types of the government work reports).
 */
export class CoocCounter {
  readonly vocabulary: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly groups: GroupIndex;
  private readonly tokens: number[] = [];
  private readonly units: number[] = [];
  private readonly frequency: number[][] = [];
  private readonly unitFreq: number[][] = [];
  private readonly spill: Spill;
  private readonly layouts: NumberWriter;
  private documents = 0;
  /** The wordId of addDocument's layouts. */
  private matchWord?: (word: string, tag: string | undefined) => number;

  constructor(readonly request: CoocRequest) {
    this.spill = request.spill ?? memorySpill;
    this.layouts = new NumberWriter(this.spill.create());
    this.groups = new GroupIndex(request.field, () => (this.tokens.push(0), this.units.push(0), this.frequency.push([]), this.unitFreq.push([])));
  }

  /** The vocabulary id of a term, numbered as terms are first seen. */
  termId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.vocabulary.push(term) - 1;
      this.ids.set(term, id);
    }
    return id;
  }

  /** A word's vocabulary id, or −1 when it is no term: what LayoutBuilder takes. */
  wordId(): (word: string, tag: string | undefined) => number {
    const match = termMatcher(this.request.terms);
    return (word, tag) => {
      const term = match(word, tag);
      return term === undefined ? -1 : this.termId(term);
    };
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

  /**
   * Counts a document in its group from its tokens (tagged when the terms need tags: tagsNeeded), which are only
   * asked for when it has the field.
   */
  addDocument(doc: Pick<Document, 'id' | 'meta'>, tokensOf: () => Token[]): void {
    const label = this.groupOf(doc);
    if (label === undefined) return;
    const tokens = tokensOf();
    const builder = new LayoutBuilder(this.request.unit.kind, (this.matchWord ??= this.wordId()));
    builder.add(
      tokens.map((t) => t.text),
      tagsNeeded(this.request.terms) ? tokens.map((t) => t.pos ?? '') : undefined,
    );
    this.add(label, builder.finish());
  }

  /** One document of group `label`, its layout in vocabulary ids. */
  add(label: string, layout: UnitLayout): void {
    const g = this.groups.numberOf(label);
    const { ids, starts } = layout;
    const freq = this.frequency[g];
    for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) bump(freq, ids[i]);
    this.tokens[g] += ids.length;
    this.units[g] += unitCount(layout, this.request.unit);
    const seen = this.unitFreq[g];
    forEachUnit(layout, this.request.unit, (terms, n) => {
      for (let i = 0; i < n; i++) bump(seen, terms[i]);
    });
    const w = this.layouts;
    w.int(g);
    w.int(ids.length);
    w.int(starts.length);
    w.ints(ids);
    w.ints(starts);
    this.documents++;
  }

  /** Chooses the terms and counts their pairs (the second pass). */
  finish(): CoocCounts {
    const { request } = this;
    const min = request.min ?? 1;
    const { order, active } = chooseTerms(this.vocabulary, this.frequency, this.unitFreq, request.top, min);
    const size = order.length;
    const groups = this.groups.labels;
    const budget = new PairBudget(request.pairBudget, this.spill);
    const pairs = groups.map(() => new PairCounts(size, groups.length, budget));
    this.layouts.flush();
    const reader = new NumberReader(this.layouts.stream);
    try {
      for (let d = 0; d < this.documents; d++) {
        const g = reader.int();
        const [nIds, nStarts] = [reader.int(), reader.int()];
        const ids = reader.ints(nIds);
        const starts = reader.ints(nStarts);
        // From vocabulary ids to term ids (−1: outside top or below min).
        for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) ids[i] = active[ids[i]];
        forEachUnit({ ids, starts }, request.unit, (terms, n) => countAllPairs(pairs[g], terms, n, size));
      }
    } finally {
      this.layouts.stream.dispose();
    }
    return {
      field: request.field,
      min,
      groups,
      leftOut: this.groups.leftOut,
      terms: order.map((v) => this.vocabulary[v]),
      tokens: this.tokens,
      units: this.units,
      frequency: this.frequency.map((f) => order.map((v) => f[v] ?? 0)),
      unitFreq: this.unitFreq.map((f) => order.map((v) => f[v] ?? 0)),
      pairs,
    };
  }
}

/**
 * Segments a stream of documents once and counts, per group, units (N), units with each term (n) and units
 * with each pair of terms (both): a CoocCounter fed with documents at hand (the pipeline feeds it files).
 */
export function countCooccurrence(docs: Iterable<Document>, segmenter: Segmenter, request: CoocRequest): CoocCounts {
  const counter = new CoocCounter(request);
  const pos = tagsNeeded(request.terms);
  for (const doc of docs) counter.addDocument(doc, () => segmenter.cut(doc.text, { pos }));
  return counter.finish();
}

/** Whether a term of the set occurs at all (in any group). */
export function occurs(counts: CoocCounts, term: string): boolean {
  const id = counts.terms.indexOf(term);
  return id >= 0 && counts.frequency.some((f) => f[id] > 0);
}
