import { UsageError } from '../errors.js';
import { computedColumns, type PagedTable, type ResultTable, type Row } from '../resultTable.js';
import { mergeOrdered } from './ngramRuns.js';
import type { SloganCounts, SloganStats } from './collectSlogans.js';
import { THEMES } from '../lexicon/lexicon.js';
import { isQualifier, MAX_QUALIFIER } from './extract.js';
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

/**
 * What a row is kept and ranked by: most uses, then most documents, then the weaker evidence last (a form found only
 * by its document's wording or repetition, kind `named` or `recurring`, after the finds of a lexicon or a pattern),
 * then term.
 */
interface Ranked {
  total: number;
  docs: number;
  term: string;
  weak?: boolean;
}

function byTotalThenTerm(x: Ranked, y: Ranked): number {
  return y.total - x.total || y.docs - x.docs || Number(x.weak ?? false) - Number(y.weak ?? false) || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0);
}

function checkThemes(themes: string[]): void {
  const unknown = themes.filter((t) => !THEMES.includes(t));
  if (unknown.length > 0) throw new UsageError(`unknown theme "${unknown[0]}"; themes: ${THEMES.join(', ')}`);
}

/** The items with --min-count uses and --min-docs documents, ranked, the first --top. */
function keep<T>(items: T[], rankOf: (item: T) => Ranked, { minCount = 1, minDocs = 1, top }: DiscoverTableOptions): T[] {
  const ranked = items.map((item) => ({ item, rank: rankOf(item) }));
  const kept = ranked.filter(({ rank }) => rank.total >= minCount && rank.docs >= minDocs).sort((x, y) => byTotalThenTerm(x.rank, y.rank));
  return (top === undefined ? kept : kept.slice(0, top)).map(({ item }) => item);
}

/**
 * Finds that are the cut-off part of a longer formulation found in the same corpus, used at least as often (so
 * never used without it): a pattern find inside any longer one (三个区分 beside 三个区分开来, 五项原则 beside
 * 和平共处五项原则), a lexicon slogan only behind a qualifier that is part of the longer name (isQualifier: 安居工程
 * beside 保障性安居工程, 公共服务均等化 beside 基本公共服务均等化). Other lexicon slogans inside a longer one are uses
 * of their own (小康社会 in 全面建设小康社会, 转变经济发展方式 in 加快转变经济发展方式) and stay.
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
  // A qualifier is a few characters (isQualifier): the lexicon slogans a longer one is cut to are looked up, not searched.
  const byTerm = new Map(all.map((s) => [s.canonical, s]));
  for (const long of all) {
    if (long.kind !== 'lexicon') continue;
    for (let k = 1; k <= MAX_QUALIFIER && k < long.canonical.length; k++) {
      const short = byTerm.get(long.canonical.slice(k));
      if (short?.kind === 'lexicon' && isQualifier(long.canonical.slice(0, k)) && total(long) >= total(short)) dropped.add(short.canonical);
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
 * `variants` (written forms seen other than `term`, `|`-joined), `kind` (lexicon | numbered | formula | local | quoted | named | recurring,
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
  // The group columns are the user's values (a city called `total`): the computed columns step aside.
  const c = computedColumns(['term', 'total', 'docs', 'quoted', 'theme', 'variants', 'kind', 'first', ...lifeColumns], new Set(grouped ? counts.groups : []));
  const cut = cutOffs(counts.slogans.values());
  const listed = [...counts.slogans.values()].filter(
    (stats) => (!options.themes || options.themes.includes(stats.theme)) && !(stats.singleWord && stats.kind !== 'lexicon') && !cut.has(stats.canonical),
  );
  const rows: Row[] = [];
  for (const stats of keep(listed, (s) => ({ total: total(s), docs: s.docs, term: s.canonical, weak: s.kind === 'recurring' || s.kind === 'named' }), options)) {
    const row: Row = { [c.term]: stats.canonical, [c.total]: total(stats) };
    if (grouped) counts.groups.forEach((g, i) => (row[g] = stats.byGroup[i] ?? 0));
    row[c.docs] = stats.docs;
    row[c.quoted] = stats.quoted;
    row[c.theme] = stats.theme;
    row[c.variants] = [...stats.variants].join('|');
    row[c.kind] = stats.kind;
    row[c.first] = `${stats.first.doc}:${stats.first.line}`;
    if (timeline) {
      const life = lifeCycle(order.map((g) => counts.groups[g]), order.map((g) => stats.byGroup[g] ?? 0), order.map((g) => counts.tokens[g]));
      [row[c[lifeColumns[0]]], row[c[lifeColumns[1]]], row[c[lifeColumns[2]]]] = [life?.first ?? '', life?.last ?? '', life?.peak ?? ''];
    }
    rows.push(row);
  }
  const columns = [c.term, c.total, ...(grouped ? counts.groups : []), c.docs, c.quoted, c.theme, c.variants, c.kind, c.first, ...lifeColumns.map((l) => c[l])];
  const long = grouped ? { field: counts.field!, groups: counts.groups, keys: [c.term], values: [{ suffix: '', name: 'count' }] } : undefined;
  return { columns, rows, long };
}

/** Rows of the discovery table given at once (a page: see PagedTable). */
const PAGE_ROWS = 4096;

/** A candidate of the discovery table, before it is made a row in the columns asked for. */
interface Candidate extends Ranked {
  groups: number;
  source: string;
  score: number | null;
}

/**
 * Candidates for the lexicon: formulations found by a pattern (source quoted | numbered | formula | local | named | recurring, score empty:
 * the pattern is the evidence) and recurring word n-grams (source ngram, score = the minimum log-Dice of adjacent
 * words, see NgramCounter.rankedCandidates for what recurs). An n-gram that is also a pattern find is listed once, as the
 * pattern find. Columns: `term`, `total`, `docs`, `groups` (how many groups use it), `source`, `score`; with
 * `lexicon`, the lexicon's own columns (`canonical variants theme expansion note`, then `total docs groups source
 * score` as named columns), so that `--discover --format tsv` writes a file to curate (fill `theme`, add variants,
 * delete what is no formulation) and pass back with `--lexicon`; a row whose theme is left empty is reported by the
 * lexicon parser at its line. The rows come a page at a time as the n-grams are ranked (on disk once their counts
 * have spilled), so that a large corpus's candidates never sit in memory all at once; read them once.
 */
export function discoverTable(counts: SloganCounts, options: DiscoverTableOptions = {}, columns: 'discover' | 'lexicon' = 'discover'): PagedTable {
  const { minCount = 1, minDocs = 1, top = Infinity } = options;
  const kept = (c: Ranked) => c.total >= minCount && c.docs >= minDocs;
  function* ngrams(): Generator<Candidate> {
    for (const gram of counts.ngramCounter?.rankedCandidates() ?? []) {
      if (kept(gram) && !counts.slogans.has(gram.term)) yield { term: gram.term, total: gram.total, docs: gram.docs, groups: gram.groups, source: 'ngram', score: gram.score };
    }
  }
  function* pages(): Generator<Row[]> {
    const patterns: Candidate[] = [];
    for (const stats of counts.slogans.values()) {
      if (stats.kind === 'lexicon') continue;
      const groups = stats.byGroup.filter((n) => n > 0).length;
      const candidate = { term: stats.canonical, total: total(stats), docs: stats.docs, groups, source: stats.kind, score: null };
      if (kept(candidate)) patterns.push(candidate);
    }
    // Both in rank order, so merged; a pattern find and an n-gram never tie (an n-gram that is a find is left out).
    patterns.sort(byTotalThenTerm);
    let page: Row[] = [];
    let n = 0;
    for (const c of mergeOrdered<Candidate>([patterns, ngrams()], byTotalThenTerm)) {
      if (n++ >= top) break;
      page.push(
        columns === 'lexicon'
          ? { canonical: c.term, variants: '', theme: '', expansion: '', note: '', total: c.total, docs: c.docs, groups: c.groups, source: c.source, score: c.score }
          : { term: c.term, total: c.total, docs: c.docs, groups: c.groups, source: c.source, score: c.score },
      );
      if (page.length === PAGE_ROWS) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }
  const lexiconColumns = ['canonical', 'variants', 'theme', 'expansion', 'note'];
  return { columns: [...(columns === 'lexicon' ? lexiconColumns : ['term']), 'total', 'docs', 'groups', 'source', 'score'], pages };
}
