import { chooseTerms, type CoocCounts } from './cooccurrence.js';
import { GroupIndex } from './groups.js';
import { PairBudget, PairCounts } from './pairCounts.js';

/**
 * Co-occurrence counts as a shard holds them: every term of the set (no top, min 1), since which terms make
 * the top and which reach min is known only once all shards are pooled; then merged shards choose the terms
 * as one run would (chooseTerms) and give exactly its counts. Per group, arrays by term index; pairs as flat
 * [key, both, key, both, …] with key = a·S + b for term indices a < b, S = terms.length.
 */
export interface CoocShardCounts {
  field?: string;
  groups: string[];
  terms: string[];
  tokens: number[];
  units: number[];
  frequency: number[][];
  unitFreq: number[][];
  pairs: number[][];
}

/** Shard data of a count of the whole term set (no top, min 1). */
export function coocCountsToData(counts: CoocCounts): CoocShardCounts {
  const pairs = counts.pairs.map((table) => {
    const flat: number[] = [];
    table.forEach((key, both) => flat.push(key, both));
    return flat;
  });
  const { field, groups, terms, tokens, units, frequency, unitFreq } = counts;
  return { ...(field !== undefined ? { field } : {}), groups, terms, tokens, units, frequency, unitFreq, pairs };
}

const isCount = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;
const counts = (xs: unknown, length: number) => Array.isArray(xs) && xs.length === length && xs.every(isCount);

/** The data of a shard if it is whole and consistent, else undefined (damaged, or of another version). */
export function coocCountsFromData(data: unknown): CoocShardCounts | undefined {
  const d = data as CoocShardCounts;
  if (!d || typeof d !== 'object' || !Array.isArray(d.groups) || !Array.isArray(d.terms)) return undefined;
  const [groups, size] = [d.groups.length, d.terms.length];
  if (!d.groups.every((g) => typeof g === 'string') || !d.terms.every((t) => typeof t === 'string')) return undefined;
  if (!counts(d.tokens, groups) || !counts(d.units, groups)) return undefined;
  for (const key of ['frequency', 'unitFreq', 'pairs'] as const) if (!Array.isArray(d[key]) || d[key].length !== groups) return undefined;
  for (let g = 0; g < groups; g++) {
    if (!counts(d.frequency[g], size) || !counts(d.unitFreq[g], size)) return undefined;
    const flat = d.pairs[g];
    if (!Array.isArray(flat) || flat.length % 2 !== 0 || !flat.every(isCount)) return undefined;
    for (let i = 0; i < flat.length; i += 2) {
      const a = Math.floor(flat[i] / size);
      if (a >= flat[i] - a * size || flat[i + 1] === 0) return undefined;
    }
  }
  return d;
}

/** Shards' counts pooled: terms and groups in shard order, every count summed (the shards share no file). */
export function mergeCoocCounts(parts: CoocShardCounts[]): CoocShardCounts {
  const terms: string[] = [];
  const termIds = new Map<string, number>();
  const termId = (t: string) => {
    let id = termIds.get(t);
    if (id === undefined) termIds.set(t, (id = terms.push(t) - 1));
    return id;
  };
  const maps = parts.map((part) => part.terms.map(termId));
  const merged: CoocShardCounts = { field: parts[0]?.field, groups: [], terms, tokens: [], units: [], frequency: [], unitFreq: [], pairs: [] };
  const tables: PairCounts[] = [];
  const budget = new PairBudget();
  const groups = new GroupIndex(merged.field, () => {
    merged.tokens.push(0);
    merged.units.push(0);
    merged.frequency.push(new Array<number>(terms.length).fill(0));
    merged.unitFreq.push(new Array<number>(terms.length).fill(0));
    tables.push(new PairCounts(terms.length, 1, budget));
  });
  merged.groups = groups.labels;
  parts.forEach((part, p) => {
    const map = maps[p];
    const size = part.terms.length;
    part.groups.forEach((label, pg) => {
      const g = groups.numberOf(label);
      merged.tokens[g] += part.tokens[pg];
      merged.units[g] += part.units[pg];
      map.forEach((id, t) => {
        merged.frequency[g][id] += part.frequency[pg][t];
        merged.unitFreq[g][id] += part.unitFreq[pg][t];
      });
      const flat = part.pairs[pg];
      for (let i = 0; i < flat.length; i += 2) {
        const a = Math.floor(flat[i] / size);
        const [x, y] = [map[a], map[flat[i] - a * size]];
        tables[g].add(Math.min(x, y) * terms.length + Math.max(x, y), flat[i + 1]);
      }
    });
  });
  merged.pairs = tables.map((table) => {
    const flat: number[] = [];
    table.forEach((key, both) => flat.push(key, both));
    return flat;
  });
  if (merged.field === undefined) delete merged.field;
  return merged;
}

/** The counts one run with `top` and `min` makes, from the counts of the whole term set. */
export function coocCountsOf(data: CoocShardCounts, top: number | undefined, min: number): CoocCounts {
  const { order, active } = chooseTerms(data.terms, data.frequency, data.unitFreq, top, min);
  const [size, whole] = [order.length, data.terms.length];
  const budget = new PairBudget();
  const pairs = data.groups.map((_, g) => {
    const table = new PairCounts(size, data.groups.length, budget);
    const flat = data.pairs[g];
    for (let i = 0; i < flat.length; i += 2) {
      const a = Math.floor(flat[i] / whole);
      const [x, y] = [active[a], active[flat[i] - a * whole]];
      if (x >= 0 && y >= 0) table.add(Math.min(x, y) * size + Math.max(x, y), flat[i + 1]);
    }
    return table;
  });
  return {
    field: data.field,
    min,
    groups: data.groups,
    // A shard does not keep the documents it left out: its own run named them.
    leftOut: [],
    terms: order.map((v) => data.terms[v]),
    tokens: data.tokens,
    units: data.units,
    frequency: data.frequency.map((f) => order.map((v) => f[v])),
    unitFreq: data.unitFreq.map((f) => order.map((v) => f[v])),
    pairs,
  };
}
