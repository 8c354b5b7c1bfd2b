import type { Document } from '../corpus/document.js';
import { UsageError } from '../errors.js';
import type { ResultTable, Row } from '../resultTable.js';
import { RATE_BASE } from './arithmetic.js';
import { GroupIndex, type LeftOutDocument } from './groups.js';
import { emptyTally, tallyDocument, termSearch, type SearchTally } from './searchTally.js';

/**
 * A term's use along a numeric or date field (year, date, congress number): how often it is written in the
 * documents of each value. Counted in the text as KWIC finds it (so 扫黑除恶 inside 扫黑除恶专项斗争 counts,
 * whatever the segmenter made of it), with rates per 10,000 word tokens of the documents of that value.
 */
export interface TrendCounts {
  field: string;
  /** The field's values that have documents, in time order. */
  values: string[];
  /** Documents per value. */
  docs: number[];
  terms: string[];
  /** [term][value]: occurrences. */
  counts: number[][];
  /** [term][value]: documents using the term. */
  termDocs: number[][];
  /** Documents without the field (not in a shard's JSON: the shard's own run named them). */
  leftOut?: LeftOutDocument[];
}

/** A value a timeline can place: a number (1954, 20, 2.5) or an ISO-like date (2024, 2024-03, 2024-03-05, 2024/3/5). */
const DATE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;

/** Sort key of a field value on a timeline, or undefined when it is neither a number nor a date. */
export function timeKey(value: string): number | undefined {
  const date = DATE.exec(value.trim());
  if (date) return Number(date[1]) * 10000 + Number(date[2] ?? 0) * 100 + Number(date[3] ?? 0);
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

/** Whether every value is a plain number (then the timeline is numeric and missing whole numbers are gaps). */
export function isNumericField(values: readonly string[]): boolean {
  return values.length > 0 && values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)) && !DATE.exec(v.trim())?.[2]);
}

/** The values in time order; a value that is neither a number nor a date is a usage error naming it. */
export function timeOrder(values: Iterable<string>, field: string): string[] {
  const keyed = [...new Set(values)].map((value) => {
    const key = timeKey(value);
    if (key === undefined) throw new UsageError(`field "${field}": a trend needs a numeric or date field; "${value}" is neither`, {
        cli: `--by ${field}: a trend needs a numeric or date field; "${value}" is neither`,
      });
    return { value, key };
  });
  return keyed.sort((a, b) => a.key - b.key || (a.value < b.value ? -1 : 1)).map((k) => k.value);
}

/**
 * The trend of a tally (searchTally.ts) whose groups are the values of `field`, `labels` by group index: the
 * values in time order (a value that is neither a number nor a date is a usage error).
 */
export function trendOfTally(field: string, terms: string[], labels: readonly string[], tally: SearchTally, leftOut: LeftOutDocument[]): TrendCounts {
  const values = timeOrder(labels, field);
  // Each value's group by a map (the first that has it, as indexOf): thousands of dates made indexOf quadratic.
  const index = new Map<string, number>();
  labels.forEach((label, g) => index.has(label) || index.set(label, g));
  const at = values.map((v) => index.get(v)!);
  const of = (row: readonly number[]) => at.map((g) => row[g] ?? 0);
  return { field, values, docs: of(tally.docs), terms, counts: tally.counts.map(of), termDocs: tally.termDocs.map(of), leftOut };
}

/** Counts the terms one document at a time (those without the field are in `leftOut`): countTrend, and the report's one reading. */
export class TrendCounter {
  private readonly search: (text: string) => number[];
  private readonly tally: SearchTally;
  private readonly groups: GroupIndex;

  constructor(
    private readonly terms: string[],
    private readonly field: string,
  ) {
    this.search = termSearch(terms);
    this.tally = emptyTally(terms.length);
    this.groups = new GroupIndex(field);
  }

  add(doc: Pick<Document, 'id' | 'meta' | 'text'>): void {
    const g = this.groups.groupOf(doc);
    if (g !== undefined) tallyDocument(this.tally, g, this.search(doc.text));
  }

  counts(): TrendCounts {
    return trendOfTally(this.field, this.terms, this.groups.labels, this.tally, this.groups.leftOut);
  }
}

/** Counts the terms in every document that has the field (the others are in `leftOut`). */
export function countTrend(docs: Iterable<Pick<Document, 'id' | 'meta' | 'text'>>, terms: string[], field: string): TrendCounts {
  const counter = new TrendCounter(terms, field);
  for (const doc of docs) counter.add(doc);
  return counter.counts();
}

export interface TrendOptions {
  /** The measure charted and smoothed: rate per 10,000 word tokens, or the term's share of the terms' uses. */
  per?: '10k' | 'share';
  /** Add a trailing mean of the measure over this many consecutive values with documents. */
  rolling?: number;
}

/**
 * The tidy trend table: one row per term and value with documents, in time order. Columns: `term`, the field
 * (`year`), `count` (occurrences), `per10k` (per 10,000 word tokens of that value's documents), `docs` (documents
 * of that value using the term), `share` with --per share (count ÷ the uses of all the given terms at that
 * value; empty when none is used), and `<measure>_mean<n>` with a rolling mean (empty for the first n − 1 values).
 * `tokens[v]` is the word-token total of value v.
 */
export function trendTable(counts: TrendCounts, tokens: readonly number[], options: TrendOptions = {}): ResultTable {
  const per = options.per ?? '10k';
  const measure = per === 'share' ? 'share' : 'per10k';
  const meanColumn = options.rolling ? `${measure}_mean${options.rolling}` : undefined;
  const usesAt = counts.values.map((_, v) => counts.counts.reduce((s, c) => s + c[v], 0));
  const rows: Row[] = [];
  counts.terms.forEach((term, t) => {
    const series: number[] = [];
    counts.values.forEach((value, v) => {
      const count = counts.counts[t][v];
      const row: Row = { term, [counts.field]: value, count, per10k: tokens[v] > 0 ? (count * RATE_BASE) / tokens[v] : 0, docs: counts.termDocs[t][v] };
      if (per === 'share') row.share = usesAt[v] > 0 ? count / usesAt[v] : null;
      if (meanColumn) {
        series.push(Number(row[measure] ?? 0));
        const n = options.rolling!;
        row[meanColumn] = series.length >= n ? series.slice(-n).reduce((s, x) => s + x, 0) / n : null;
      }
      rows.push(row);
    });
  });
  const columns = ['term', counts.field, 'count', 'per10k', 'docs', ...(per === 'share' ? ['share'] : []), ...(meanColumn ? [meanColumn] : [])];
  return { columns, rows, decimals: { share: 3, ...(meanColumn ? { [meanColumn]: per === 'share' ? 3 : 2 } : {}) } };
}

/** Life cycle of a term along the timeline: first and last value it is used at, and the value of its highest rate. */
export interface LifeCycle {
  first: string;
  last: string;
  peak: string;
}

/** First, last and peak (highest rate per token, earliest on ties) of a series over ordered values; undefined when unused. */
export function lifeCycle(values: readonly string[], counts: readonly number[], tokens: readonly number[]): LifeCycle | undefined {
  let first = -1;
  let last = -1;
  let peak = -1;
  let peakRate = -1;
  values.forEach((_, v) => {
    const n = counts[v] ?? 0;
    if (n === 0) return;
    if (first < 0) first = v;
    last = v;
    const rate = tokens[v] > 0 ? n / tokens[v] : 0;
    if (rate > peakRate) [peak, peakRate] = [v, rate];
  });
  return first < 0 ? undefined : { first: values[first], last: values[last], peak: values[peak] };
}
