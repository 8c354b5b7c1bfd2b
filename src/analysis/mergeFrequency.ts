import { GroupIndex } from './groups.js';
import type { GroupedCounts, TermCount } from './termCounts.js';

/**
 * GroupedCounts as JSON can hold them: the counts of a shard of a corpus (`--shard`), complete (no term is cut
 * by --top or --min-count, which apply only when the table is made), with the totals rates are computed from.
 * A term is [term, counts per group, documents, per-document pairs?, word positions?]. The documents a shard
 * left out are not kept: the shard's own run named them.
 */
export interface GroupedCountsData {
  field: string | null;
  groups: string[];
  tokens: number[];
  chars: number[];
  docTokens: number[];
  terms: Array<[string, number[], number, (number[] | null)?, (number[] | null)?]>;
}

export function groupedCountsToData(counts: GroupedCounts): GroupedCountsData {
  return {
    field: counts.field ?? null,
    groups: counts.groups,
    tokens: counts.tokens,
    chars: counts.chars,
    docTokens: counts.docTokens,
    terms: [...counts.terms].map(([term, tc]) => [term, tc.byGroup, tc.docs, tc.perDoc ?? null, tc.positions ?? null]),
  };
}

const isNumbers = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => typeof n === 'number');

/** The counts of a shard, or undefined when the data is not what groupedCountsToData writes. */
export function groupedCountsFromData(data: GroupedCountsData): GroupedCounts | undefined {
  const { field, groups, tokens, chars, docTokens, terms } = data ?? {};
  if (!Array.isArray(groups) || !isNumbers(tokens) || !isNumbers(chars) || !isNumbers(docTokens) || !Array.isArray(terms)) return undefined;
  if (tokens.length !== groups.length || chars.length !== groups.length) return undefined;
  const map = new Map<string, TermCount>();
  for (const entry of terms) {
    if (!Array.isArray(entry)) return undefined;
    const [term, byGroup, docs, perDoc, positions] = entry;
    if (typeof term !== 'string' || !isNumbers(byGroup) || typeof docs !== 'number') return undefined;
    const tc: TermCount = { byGroup, docs };
    if (perDoc) tc.perDoc = perDoc;
    if (positions) tc.positions = positions;
    map.set(term, tc);
  }
  return { field: field ?? undefined, groups, leftOut: [], tokens, chars, docTokens, terms: map };
}

/**
 * The counts one run over the shards' documents gives, the shards taken in the order given: counts, totals
 * and document frequencies add up; groups keep their order of first appearance; documents (for Gries' DP)
 * and word positions (for Juilland's D) follow each other, so shards in corpus order give one run's numbers.
 */
export function mergeGroupedCounts(parts: readonly GroupedCounts[]): GroupedCounts {
  const merged: GroupedCounts = { field: parts[0]?.field, groups: [], leftOut: [], tokens: [], chars: [], docTokens: [], terms: new Map() };
  const groups = new GroupIndex(merged.field, () => (merged.tokens.push(0), merged.chars.push(0)));
  merged.groups = groups.labels;
  merged.leftOut = groups.leftOut;
  let wordsBefore = 0;
  for (const part of parts) {
    part.leftOut.forEach((doc) => groups.leaveOut(doc));
    const indices = part.groups.map((label, g) => {
      const m = groups.numberOf(label);
      merged.tokens[m] += part.tokens[g];
      merged.chars[m] += part.chars[g];
      return m;
    });
    const docsBefore = merged.docTokens.length;
    for (const n of part.docTokens) merged.docTokens.push(n);
    for (const [term, tc] of part.terms) {
      let into = merged.terms.get(term);
      if (!into) {
        into = { byGroup: [], docs: 0 };
        merged.terms.set(term, into);
      }
      const target = into;
      tc.byGroup.forEach((n, g) => {
        const m = indices[g];
        while (target.byGroup.length <= m) target.byGroup.push(0);
        target.byGroup[m] += n;
      });
      into.docs += tc.docs;
      if (tc.perDoc) {
        into.perDoc ??= [];
        for (let i = 0; i < tc.perDoc.length; i += 2) into.perDoc.push(tc.perDoc[i] + docsBefore, tc.perDoc[i + 1]);
      }
      if (tc.positions) {
        into.positions ??= [];
        for (const p of tc.positions) into.positions.push(p + wordsBefore);
      }
    }
    for (const n of part.tokens) wordsBefore += n;
  }
  return merged;
}
