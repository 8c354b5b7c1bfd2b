import type { ResultTable, Row } from '../format/table.js';
import { THEMES, type LexiconEntry } from './lexicon.js';

/**
 * One row per slogan of a lexicon, in file order: `term` (canonical form), `theme`, `variants` (accepted),
 * `discouraged`, `wrong` (`|`-joined), `expansion` (items joined by `；`), `source`, `note`.
 */
export function lexiconTable(entries: readonly LexiconEntry[], themes?: readonly string[]): ResultTable {
  const rows: Row[] = entries
    .filter((e) => !themes || themes.includes(e.theme))
    .map((e) => ({
      term: e.canonical,
      theme: e.theme,
      variants: e.variants.join('|'),
      discouraged: e.extra?.discouraged ?? '',
      wrong: e.extra?.wrong ?? '',
      expansion: e.expansion.join('；'),
      source: e.extra?.source ?? '',
      note: e.note,
    }));
  return { columns: ['term', 'theme', 'variants', 'discouraged', 'wrong', 'expansion', 'source', 'note'], rows };
}

/** Entries per theme, in THEMES order, themes without entries included (a lexicon's coverage at a glance). */
export function lexiconThemeTable(entries: readonly LexiconEntry[]): ResultTable {
  const counts = new Map(THEMES.map((t) => [t, 0]));
  for (const e of entries) counts.set(e.theme, (counts.get(e.theme) ?? 0) + 1);
  return { columns: ['theme', 'entries'], rows: [...counts].map(([theme, n]) => ({ theme, entries: n })) };
}
