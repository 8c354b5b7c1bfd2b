import { computedColumns, type ResultTable, type Row } from '../resultTable.js';
import { equalParts, griesDP, juillandD } from './dispersion.js';
import { groupCount, termTotal, type GroupedCounts, type TermCount } from './termCounts.js';
import { RATE_BASE, sum } from './arithmetic.js';

export interface FrequencyTableOptions {
  top?: number;
  minCount?: number;
  /** Rates per 10,000 tokens (default) or per 10,000 characters. */
  per?: 'tokens' | 'chars';
  /** Add Gries' DP across documents. */
  dispersion?: boolean;
  /** Add Juilland's D over this many equal parts of the corpus. */
  parts?: number;
}

function dpAcrossDocuments(tc: TermCount, docTokens: number[]): number {
  const freqs = new Array<number>(docTokens.length).fill(0);
  const pairs = tc.perDoc ?? [];
  for (let i = 0; i < pairs.length; i += 2) freqs[pairs[i]] = pairs[i + 1];
  return griesDP(freqs, docTokens);
}

/**
 * The least total a row can have: minCount, or with `top` the top-th largest total if that is more, so that only
 * the rows that can make the top (ties included) are sorted by term, not the whole vocabulary.
 */
function atLeast(entries: Array<{ total: number }>, minCount: number, top: number | undefined): number {
  if (top === undefined || top >= entries.length) return minCount;
  const totals = Float64Array.from(entries, (e) => e.total).sort();
  return Math.max(minCount, totals[totals.length - top]);
}

/**
 * The word list: term, total, rate, then count and rate per group, document frequency and, on request,
 * dispersion. Sorted by total (then term, so equal counts come out in a stable order).
 */
export function frequencyTable(counts: GroupedCounts, options: FrequencyTableOptions = {}): ResultTable {
  const { minCount = 1, per = 'tokens' } = options;
  const grouped = counts.field !== undefined;
  const denominators = per === 'chars' ? counts.chars : counts.tokens;
  const rateName = per === 'chars' ? 'per10k_chars' : 'per10k';
  const rate = (n: number, d: number) => (d > 0 ? (n * RATE_BASE) / d : 0);
  const allDenominator = sum(denominators);
  const totalTokens = sum(counts.tokens);

  // The group columns are the user's values (a city called `total`): the computed columns step aside.
  const groupColumns = grouped ? counts.groups.flatMap((g) => [g, `${g}_${rateName}`]) : [];
  const c = computedColumns(['term', 'total', rateName, 'docfreq', 'dp', 'juilland_d'], new Set(groupColumns));

  let entries = [...counts.terms].map(([term, tc]) => ({ term, tc, total: termTotal(tc) }));
  const least = atLeast(entries, minCount, options.top);
  entries = entries.filter((e) => e.total >= least);
  entries.sort((x, y) => y.total - x.total || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  if (options.top !== undefined) entries = entries.slice(0, options.top);

  const columns = [c.term, c.total, c[rateName], ...groupColumns, c.docfreq];
  if (options.dispersion) columns.push(c.dp);
  if (options.parts) columns.push(c.juilland_d);

  const rows = entries.map(({ term, tc, total }) => {
    const row: Row = { [c.term]: term, [c.total]: total, [c[rateName]]: rate(total, allDenominator) };
    if (grouped) {
      counts.groups.forEach((g, i) => {
        row[g] = groupCount(tc, i);
        row[`${g}_${rateName}`] = rate(groupCount(tc, i), denominators[i]);
      });
    }
    row[c.docfreq] = tc.docs;
    if (options.dispersion) row[c.dp] = dpAcrossDocuments(tc, counts.docTokens);
    if (options.parts) row[c.juilland_d] = juillandD(equalParts(tc.positions ?? [], totalTokens, options.parts));
    return row;
  });
  const decimals: Record<string, number> = { [c.dp]: 3, [c.juilland_d]: 3 };
  const long = grouped
    ? { field: counts.field!, groups: counts.groups, keys: [c.term], values: [{ suffix: '', name: 'count' }, { suffix: `_${rateName}`, name: rateName }] }
    : undefined;
  return { columns, rows, decimals, long };
}
