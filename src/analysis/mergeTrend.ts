import { timeOrder, type TrendCounts } from './trend.js';

/** A trend shard's counts: the terms per value, and the word tokens per value (the rates' denominators). */
export interface TrendShardCounts {
  trend: TrendCounts;
  tokens: number[];
}

const isTable = (x: unknown): x is number[][] => Array.isArray(x) && x.every((row) => Array.isArray(row) && row.every((n) => typeof n === 'number'));

/** The counts of a trend shard, or undefined when the data is not what `trend --shard` writes. */
export function trendCountsFromData(data: TrendShardCounts): TrendShardCounts | undefined {
  const { trend, tokens } = data ?? {};
  if (!trend || typeof trend.field !== 'string' || !Array.isArray(trend.values) || !Array.isArray(trend.terms)) return undefined;
  if (!isTable([trend.docs, tokens]) || !isTable(trend.counts) || !isTable(trend.termDocs) || tokens.length !== trend.values.length) return undefined;
  return { trend, tokens };
}

/** The trend of one run over the shards' documents: per value, documents, uses and tokens add up; values in time order. */
export function mergeTrendCounts(parts: readonly TrendShardCounts[]): TrendShardCounts {
  const { field, terms } = parts[0].trend;
  const values = timeOrder(parts.flatMap((p) => p.trend.values), field);
  const at = new Map(values.map((v, i) => [v, i]));
  const zeros = () => values.map(() => 0);
  const merged: TrendShardCounts = {
    trend: { field, values, docs: zeros(), terms, counts: terms.map(zeros), termDocs: terms.map(zeros) },
    tokens: zeros(),
  };
  for (const { trend, tokens } of parts) {
    trend.values.forEach((value, j) => {
      const i = at.get(value)!;
      merged.trend.docs[i] += trend.docs[j];
      merged.tokens[i] += tokens[j];
      terms.forEach((_, t) => {
        merged.trend.counts[t][i] += trend.counts[t][j];
        merged.trend.termDocs[t][i] += trend.termDocs[t][j];
      });
    });
  }
  return merged;
}
