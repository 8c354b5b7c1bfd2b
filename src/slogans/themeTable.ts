import { keynessRow } from '../analysis/keyness.js';
import { computedColumns, type ResultTable, type Row } from '../resultTable.js';
import type { SloganCounts } from './collectSlogans.js';
import { THEMES } from '../lexicon/lexicon.js';
import { RATE_BASE, sum } from '../analysis/arithmetic.js';

/** Lexicon hits per theme (rows, in THEMES order) and group (columns); pattern finds have no theme and are not counted. */
function hitsByTheme(counts: SloganCounts): Map<string, number[]> {
  const byTheme = new Map(THEMES.map((t) => [t, counts.groups.map(() => 0)]));
  for (const stats of counts.slogans.values()) {
    const row = byTheme.get(stats.theme);
    if (row) stats.byGroup.forEach((n, g) => (row[g] += n));
  }
  return byTheme;
}

/**
 * Signed G² of a theme in one group against the rest of the corpus (keyness.ts, Rayson & Garside 2000): a = the
 * theme's hits in the group, b = in the other groups, c, d = their word-token totals. Positive: the group leans on
 * the theme more than the rest does. Null when there is no rest to compare with, or when the hits outnumber the
 * tokens (a nested formulation, 生态文明 inside the one token 生态文明建设, is a hit of its own): in a text of a
 * few words the 2×2 table does not hold.
 */
function themeKeyness(a: number, b: number, c: number, d: number): number | null {
  return c > 0 && d > 0 && a <= c && b <= d ? keynessRow({ a, b, c, d }).ll : null;
}

/**
 * Emphasis by theme: one row per lexicon theme. `total` = lexicon slogan uses filed under the theme. Per group
 * `<g>` = its uses in the group; `<g>_share` = that count / all lexicon slogan uses of the group (the group's
 * shares add up to 1: what part of its slogan vocabulary goes to the theme); `<g>_per10k` = uses per 10,000 word
 * tokens of the group (how much of its text); `<g>_ll` = signed G² against the other groups (±3.84 ↔ p < 0.05).
 * Ungrouped, the columns are `theme`, `total`, `share`, `per10k`.
 */
export function themeTable(counts: SloganCounts): ResultTable {
  const byTheme = hitsByTheme(counts);
  const groupHits = counts.groups.map((_, g) => sum([...byTheme.values()].map((row) => row[g])));
  const allTokens = sum(counts.tokens);
  const ratio = (n: number, of: number) => (of > 0 ? n / of : 0);
  const grouped = counts.field !== undefined;
  // The group columns are the user's values (a city called `theme`): the computed columns step aside.
  const groupColumns = grouped ? counts.groups.flatMap((g) => [g, `${g}_share`, `${g}_per10k`, `${g}_ll`]) : [];
  const c = computedColumns(['theme', 'total'], new Set(groupColumns));
  const rows: Row[] = [];
  for (const [theme, perGroup] of byTheme) {
    const total = sum(perGroup);
    const row: Row = { [c.theme]: theme, [c.total]: total };
    if (grouped) {
      counts.groups.forEach((g, i) => {
        row[g] = perGroup[i];
        row[`${g}_share`] = ratio(perGroup[i], groupHits[i]);
        row[`${g}_per10k`] = ratio(perGroup[i] * RATE_BASE, counts.tokens[i]);
        row[`${g}_ll`] = themeKeyness(perGroup[i], total - perGroup[i], counts.tokens[i], allTokens - counts.tokens[i]);
      });
    } else {
      row.share = ratio(total, sum(groupHits));
      row.per10k = ratio(total * RATE_BASE, allTokens);
    }
    rows.push(row);
  }
  const columns = [c.theme, c.total, ...(grouped ? groupColumns : ['share', 'per10k'])];
  const decimals: Record<string, number> = { share: 3 };
  for (const g of counts.groups) decimals[`${g}_share`] = 3;
  return { columns, rows, decimals };
}
