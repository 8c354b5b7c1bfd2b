import { GroupIndex } from '../analysis/groups.js';
import { SLOGAN_KINDS, type SloganKind } from './extract.js';
import type { SloganCounts, SloganStats } from './collectSlogans.js';

/**
 * SloganCounts as JSON can hold them (variants as a list), for the shards of `slogans` and `themes --shard`.
 * The documents a shard left out are not kept: the shard's own run named them.
 */
export interface SloganCountsData {
  field: string | null;
  groups: string[];
  tokens: number[];
  slogans: Array<Omit<SloganStats, 'variants'> & { variants: string[] }>;
}

export function sloganCountsToData(counts: SloganCounts): SloganCountsData {
  return {
    field: counts.field ?? null,
    groups: counts.groups,
    tokens: counts.tokens,
    slogans: [...counts.slogans.values()].map((s) => ({ ...s, variants: [...s.variants] })),
  };
}

const isNumbers = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => typeof n === 'number');

/** The counts of a shard, or undefined when the data is not what sloganCountsToData writes. */
export function sloganCountsFromData(data: SloganCountsData): SloganCounts | undefined {
  const { field, groups, tokens, slogans } = data ?? {};
  if (!Array.isArray(groups) || !isNumbers(tokens) || tokens.length !== groups.length || !Array.isArray(slogans)) return undefined;
  const map = new Map<string, SloganStats>();
  for (const s of slogans) {
    const ok =
      typeof s?.canonical === 'string' &&
      SLOGAN_KINDS.includes(s.kind) &&
      isNumbers(s.byGroup) &&
      typeof s.docs === 'number' &&
      typeof s.quoted === 'number' &&
      Array.isArray(s.variants) &&
      typeof s.first?.doc === 'string';
    if (!ok) return undefined;
    map.set(s.canonical, { ...s, variants: new Set(s.variants) });
  }
  return { field: field ?? undefined, groups, leftOut: [], tokens, slogans: map };
}

const stronger = (a: SloganKind, b: SloganKind) => (SLOGAN_KINDS.indexOf(a) <= SLOGAN_KINDS.indexOf(b) ? a : b);

/**
 * The counts one run over the shards' documents gives, the shards taken in the order given (so shards in
 * corpus order give one run's first uses and order of variants): uses, documents and quoted uses add up. The
 * counts of `slogans` add up only if every shard was counted with the corpus's quoted forms (corpusQuotes.ts).
 */
export function mergeSloganCounts(parts: readonly SloganCounts[]): SloganCounts {
  const merged: SloganCounts = { field: parts[0]?.field, groups: [], leftOut: [], tokens: [], slogans: new Map() };
  const groups = new GroupIndex(merged.field, () => merged.tokens.push(0));
  merged.groups = groups.labels;
  merged.leftOut = groups.leftOut;
  for (const part of parts) {
    part.leftOut.forEach((doc) => groups.leaveOut(doc));
    const indices = part.groups.map((label, g) => {
      const m = groups.numberOf(label);
      merged.tokens[m] += part.tokens[g];
      return m;
    });
    for (const [canonical, s] of part.slogans) {
      const into = merged.slogans.get(canonical);
      if (!into) {
        const byGroup: number[] = [];
        s.byGroup.forEach((n, g) => (byGroup[indices[g]] = n));
        merged.slogans.set(canonical, { ...s, byGroup: Array.from(byGroup, (n) => n ?? 0), variants: new Set(s.variants) });
        continue;
      }
      s.byGroup.forEach((n, g) => {
        const m = indices[g];
        while (into.byGroup.length <= m) into.byGroup.push(0);
        into.byGroup[m] += n;
      });
      into.kind = stronger(into.kind, s.kind);
      // A single quoted word in every shard is one in the whole corpus; a use as more than that anywhere is not.
      into.singleWord &&= s.singleWord;
      into.docs += s.docs;
      into.quoted += s.quoted;
      for (const v of s.variants) into.variants.add(v);
    }
  }
  return merged;
}
