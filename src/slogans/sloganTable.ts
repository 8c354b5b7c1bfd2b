import { UsageError } from '../errors.js';
import type { ResultTable, Row } from '../resultTable.js';
import type { SloganCounts, SloganStats } from './collectSlogans.js';
import { THEMES } from '../lexicon/lexicon.js';
import { sum } from '../analysis/arithmetic.js';
import { lifeCycle, timeKey, timeOrder } from '../analysis/trend.js';

export interface SloganTableOptions {
  /** Only slogans of these lexicon themes (pattern finds have none, so they drop out). */
  themes?: string[];
  minCount?: number;
  minDocs?: number;
  top?: number;
}

export type DiscoverTableOptions = Omit<SloganTableOptions, 'themes'>;

function total(stats: SloganStats): number {
  return sum(stats.byGroup);
}

function byTotalThenTerm(x: Row, y: Row): number {
  return (y.total as number) - (x.total as number) || (y.docs as number) - (x.docs as number) || (x.term! < y.term! ? -1 : x.term! > y.term! ? 1 : 0);
}

function checkThemes(themes: string[]): void {
  const unknown = themes.filter((t) => !THEMES.includes(t));
  if (unknown.length > 0) throw new UsageError(`unknown theme "${unknown[0]}"; themes: ${THEMES.join(', ')}`);
}

function keep(rows: Row[], { minCount = 1, minDocs = 1, top }: DiscoverTableOptions): Row[] {
  const kept = rows.filter((r) => (r.total as number) >= minCount && (r.docs as number) >= minDocs).sort(byTotalThenTerm);
  return top === undefined ? kept : kept.slice(0, top);
}

/**
 * Pattern finds that are the cut-off part of a longer formulation found in the same corpus (三个区分 beside
 * 三个区分开来, 五项原则 beside 和平共处五项原则): the longer one holds the find's text and is used at least as often.
 * A lexicon slogan is never dropped so.
 */
function cutOffs(slogans: Iterable<SloganStats>): Set<string> {
  const all = [...slogans];
  const dropped = new Set<string>();
  for (const short of all) {
    if (short.kind === 'lexicon') continue;
    const n = total(short);
    if (all.some((long) => long !== short && long.canonical.length > short.canonical.length && long.canonical.includes(short.canonical) && total(long) >= n)) {
      dropped.add(short.canonical);
    }
  }
  return dropped;
}

/**
 * One row per canonical formulation, most used first (then most documents, then term); singletons included.
 * Not listed: single words in quotes (SloganStats.singleWord) and cut-off parts of a longer find (cutOffs);
 * `--discover` lists both as candidates.
 * Columns: `term` (canonical form), `total` (uses), one count per group when grouped, `docs` (documents using it),
 * `quoted` (uses that are the whole content of quotes), `theme` (lexicon theme, '' for a pattern find),
 * `variants` (written forms seen other than `term`, `|`-joined), `kind` (lexicon | numbered | formula | local | quoted,
 * the strongest source that found it), `first` (`doc:line` of the first use, the line of the file on disk).
 * Grouped by a numeric or date field (year), a formulation's life cycle follows: `first_<field>` and
 * `last_<field>` (the first and last value it is used at) and `peak_<field>` (the value of its highest rate per
 * word token; the earliest on ties).
 */
export function sloganTable(counts: SloganCounts, options: SloganTableOptions = {}): ResultTable {
  if (options.themes) checkThemes(options.themes);
  const grouped = counts.field !== undefined;
  const timeline = grouped && counts.groups.length > 0 && counts.groups.every((g) => timeKey(g) !== undefined);
  const order = timeline ? timeOrder(counts.groups, counts.field!).map((g) => counts.groups.indexOf(g)) : [];
  const lifeColumns = timeline ? ['first', 'last', 'peak'].map((c) => `${c}_${counts.field}`) : [];
  const rows: Row[] = [];
  const cut = cutOffs(counts.slogans.values());
  for (const stats of counts.slogans.values()) {
    if (options.themes && !options.themes.includes(stats.theme)) continue;
    if ((stats.singleWord && stats.kind !== 'lexicon') || cut.has(stats.canonical)) continue;
    const row: Row = { term: stats.canonical, total: total(stats) };
    if (grouped) counts.groups.forEach((g, i) => (row[g] = stats.byGroup[i] ?? 0));
    row.docs = stats.docs;
    row.quoted = stats.quoted;
    row.theme = stats.theme;
    row.variants = [...stats.variants].join('|');
    row.kind = stats.kind;
    row.first = `${stats.first.doc}:${stats.first.line}`;
    if (timeline) {
      const life = lifeCycle(order.map((g) => counts.groups[g]), order.map((g) => stats.byGroup[g] ?? 0), order.map((g) => counts.tokens[g]));
      [row[lifeColumns[0]], row[lifeColumns[1]], row[lifeColumns[2]]] = [life?.first ?? '', life?.last ?? '', life?.peak ?? ''];
    }
    rows.push(row);
  }
  const columns = ['term', 'total', ...(grouped ? counts.groups : []), 'docs', 'quoted', 'theme', 'variants', 'kind', 'first', ...lifeColumns];
  const long = grouped ? { field: counts.field!, groups: counts.groups, keys: ['term'], values: [{ suffix: '', name: 'count' }] } : undefined;
  return { columns, rows: keep(rows, options), long };
}

/**
 * Candidates for the lexicon: formulations found by a pattern (source quoted | numbered | formula, score empty:
 * the pattern is the evidence) and recurring word n-grams (source ngram, score = the minimum log-Dice of adjacent
 * words, see NgramCounter.candidates for what recurs). An n-gram that is also a pattern find is listed once, as the
 * pattern find. Columns: `term`, `total`, `docs`, `groups` (how many groups use it), `source`, `score`.
 */
export function discoverTable(counts: SloganCounts, options: DiscoverTableOptions = {}): ResultTable {
  const rows: Row[] = [];
  for (const stats of counts.slogans.values()) {
    if (stats.kind === 'lexicon') continue;
    const groups = stats.byGroup.filter((n) => n > 0).length;
    rows.push({ term: stats.canonical, total: total(stats), docs: stats.docs, groups, source: stats.kind, score: null });
  }
  for (const gram of counts.ngrams ?? []) {
    if (counts.slogans.has(gram.term)) continue;
    rows.push({ term: gram.term, total: gram.total, docs: gram.docs, groups: gram.groups, source: 'ngram', score: gram.score });
  }
  return { columns: ['term', 'total', 'docs', 'groups', 'source', 'score'], rows: keep(rows, options) };
}

/**
 * The discovery table in the lexicon's own columns (`canonical variants theme expansion note`, then `total docs
 * groups source score` as named columns), so that `--discover --format tsv` writes a file to curate (fill
 * `theme`, add variants, delete what is no formulation) and pass back with `--lexicon`. A row whose theme is left
 * empty is reported by the lexicon parser at its line.
 */
export function discoverLexiconTable(discovered: ResultTable): ResultTable {
  const rows = discovered.rows.map((r) => ({ canonical: r.term, variants: '', theme: '', expansion: '', note: '', total: r.total, docs: r.docs, groups: r.groups, source: r.source, score: r.score }));
  return { columns: ['canonical', 'variants', 'theme', 'expansion', 'note', 'total', 'docs', 'groups', 'source', 'score'], rows };
}
