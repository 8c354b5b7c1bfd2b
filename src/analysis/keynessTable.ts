import { UsageError } from '../errors.js';
import type { ResultTable, Row } from '../resultTable.js';
import { keynessRow } from './keyness.js';
import { sideBySide } from './sideBySide.js';
import { groupCount, termTotal, type GroupedCounts } from './termCounts.js';
import { sum } from './arithmetic.js';

export const MEASURES = ['ll', 'chi2', 'logratio', 'pdiff'] as const;
export type Measure = (typeof MEASURES)[number];

export interface KeynessOptions {
  target: string;
  /** `rest` (every other group) or one group value. */
  reference?: string;
  measure?: Measure;
  /** Keep rows with |G²| at least this (3.84 ↔ p < 0.05 with 1 df). */
  minLl?: number;
  /** Keep rows with p at most this (by default no p filter: --min-ll 3.84 already means p < 0.05). */
  p?: number;
  minCount?: number;
  top?: number;
  /** Also list terms the target uses less than the reference (negative keyness). */
  negative?: boolean;
}

const SORT_KEY: Record<Measure, string> = { ll: 'll', chi2: 'chi2', logratio: 'log_ratio', pdiff: 'pct_diff' };

function groupIndex(counts: GroupedCounts, value: string, role: string): number {
  const i = counts.groups.indexOf(value);
  if (i < 0) throw new UsageError(`${role} "${value}" is not a value of "${counts.field}"; values: ${counts.groups.join(', ')}`);
  return i;
}

/**
 * Keyness of every term for a target group against a reference (the rest, or one group): a, b = the term's
 * counts, c, d = token totals, with signed G², its p, χ², Log Ratio and %DIFF (formulas in keyness.ts).
 */
export function keynessTable(counts: GroupedCounts, options: KeynessOptions): ResultTable {
  const { reference = 'rest', measure = 'll', minLl = 3.84, p = 1, minCount = 1, negative = false } = options;
  if (counts.groups.length < 2) {
    // One document, or one value of the field: there is no rest to set it against.
    const of = counts.field === undefined ? 'groups' : `values of "${counts.field}"`;
    throw new UsageError(`keyness needs at least two ${of}; found ${counts.groups.length}${counts.groups.length ? ` (${counts.groups[0]})` : ''}`);
  }
  const t = groupIndex(counts, options.target, 'target');
  const r = reference === 'rest' ? -1 : groupIndex(counts, reference, 'reference');
  if (r === t) throw new UsageError('target and reference are the same group');
  const c = counts.tokens[t];
  const d = r >= 0 ? counts.tokens[r] : sum(counts.tokens) - c;
  if (c === 0 || d === 0) throw new UsageError(`${c === 0 ? 'target' : 'reference'} has no tokens to compare`);
  const rows: Row[] = [];
  for (const [term, tc] of counts.terms) {
    const a = groupCount(tc, t);
    const b = r >= 0 ? groupCount(tc, r) : termTotal(tc) - a;
    if (a + b < minCount) continue;
    const k = keynessRow({ a, b, c, d });
    if (Math.abs(k.ll) < minLl || k.p > p) continue;
    if (!negative && k.ll < 0) continue;
    rows.push({ term, a, b, c, d, ll: k.ll, p: k.p, chi2: k.chi2, log_ratio: k.log_ratio, pct_diff: k.pct_diff });
  }
  const key = SORT_KEY[measure];
  rows.sort((x, y) => (y[key] as number) - (x[key] as number) || (x.term! < y.term! ? -1 : 1));
  return {
    columns: ['term', 'a', 'b', 'c', 'd', 'll', 'p', 'chi2', 'log_ratio', 'pct_diff'],
    rows: options.top === undefined ? rows : rows.slice(0, options.top),
    decimals: { p: 4 },
  };
}

/** The top key terms of every group against the rest of the corpus, side by side (rank × group). */
export function keynessOverview(counts: GroupedCounts, options: Omit<KeynessOptions, 'target' | 'reference'>): ResultTable {
  const top = options.top ?? 10;
  const key = SORT_KEY[options.measure ?? 'll'];
  const perGroup = counts.groups.map((g) => keynessTable(counts, { ...options, target: g, negative: false, top }).rows);
  return sideBySide(counts.groups, perGroup, 'term', key, counts.field);
}
