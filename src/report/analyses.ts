import { CoocCounter, countCooccurrence, type CoocCounts, type CoocRequest } from '../analysis/cooccurrence.js';
import { coocNetwork } from '../analysis/coocTables.js';
import { countCorpus, SegmentedCounter, segmentedDocument, type CountRequest } from '../analysis/countCorpus.js';
import type { GroupedCounts } from '../analysis/termCounts.js';
import { GroupIndex, type Grouping } from '../analysis/groups.js';
import { countTrend, timeKey, TrendCounter, trendTable, type TrendCounts, type TrendOptions } from '../analysis/trend.js';
import type { CloudPanel, CloudWord } from './charts/wordCloud.js';
import { CorpusSummary, summariseCorpus } from '../analysis/corpusSummary.js';
import { keynessOverview } from '../analysis/keynessTable.js';
import type { Document } from '../corpus/document.js';
import type { NetworkEdge, NetworkNode } from '../analysis/networkGraph.js';
import { computedColumns, type ResultTable, type Row } from '../resultTable.js';
import type { Segmenter } from '../segment/token.js';
import { collectSlogans, corpusQuotedForms, SloganCollector, type CollectOptions, type SloganCounts } from '../slogans/collectSlogans.js';
import { addNamedForms, corpusNamedForms } from '../slogans/corpusNamed.js';
import { createLexiconMatcher } from '../lexicon/lexiconMatcher.js';
import { lexiconSurfaceForms, loadBundledLexicon, type LexiconEntry } from '../lexicon/lexicon.js';
import { sloganTable } from '../slogans/sloganTable.js';
import { canonicalForms, dispersionTable, SloganPositionRecorder, sloganPositions, type SloganPositions } from './sloganPositions.js';
import { RATE_BASE, sum } from '../analysis/arithmetic.js';
import { fileSpill } from '../pipeline/spillFiles.js';

/**
 * The numbers behind each figure of the report, computed with the same library calls as the matching commands
 * (named in each section's note), so a figure can always be checked against `tifa <command>` output.
 */

/**
 * What every analysis reads: the documents, read once per analysis (through the token cache, so each is
 * segmented once and none is held: see CorpusReader's rereads), and how to segment them.
 */
export interface ReportCorpus {
  docs: Iterable<Document>;
  segmenter: Segmenter;
  /** The metadata field whose values are the groups (cities). */
  field: string;
  /** The slogan lexicon (`--lexicon`, `--no-bundled-lexicon`); default the bundled one. */
  lexicon?: readonly LexiconEntry[];
  /** The grouping by `field` and the corpus's quoted and named forms, when they were read already (readGroupings). */
  grouping?: Grouping;
  quotes?: ReadonlySet<string>;
  named?: ReadonlySet<string>;
}

/**
 * What the report reads before it counts, in one reading of the texts (only the sentences holding a naming clue
 * are cut): the grouping by each field it may group by (--by, or the default and its fallback), the formulations
 * the corpus quotes and those its wording names, which every slogan count needs before its first document.
 */
export function readGroupings(
  docs: Iterable<Document>,
  fields: string[],
  lexicon: readonly LexiconEntry[],
  segmenter: Segmenter,
): { groupings: Map<string, Grouping>; quotes: Set<string>; named: Set<string> } {
  const indexes = fields.map((field) => new GroupIndex(field));
  const matcher = createLexiconMatcher(lexicon);
  const named = new Set<string>();
  const texts = function* () {
    for (const doc of docs) {
      for (const index of indexes) index.groupOf(doc);
      addNamedForms(doc.text, segmenter, matcher, named);
      yield doc;
    }
  };
  const quotes = corpusQuotedForms(texts(), lexicon);
  const groupings = new Map(indexes.map((index, i) => [fields[i], { field: fields[i], groups: index.labels, leftOut: index.leftOut }]));
  return { groupings, quotes, named };
}

/** The corpus's quoted forms: read already, or read now. */
function quotesOf(corpus: ReportCorpus): ReadonlySet<string> {
  return corpus.quotes ?? corpusQuotedForms(corpus.docs, reportLexicon(corpus));
}

/** The corpus's named forms: read already, or read now (a pass that cuts the sentences holding a naming clue). */
function namedOf(corpus: ReportCorpus): ReadonlySet<string> {
  return corpus.named ?? corpusNamedForms(corpus.docs, corpus.segmenter, reportLexicon(corpus));
}

function reportLexicon(corpus: ReportCorpus): readonly LexiconEntry[] {
  return corpus.lexicon ?? loadBundledLexicon();
}

/** The report's fixed sizes; each section's note states the one it uses. */
export const REPORT_LIMITS = {
  heatmapSlogans: 20,
  keyTerms: 10,
  networkSlogans: 30,
  dispersionSlogans: 8,
} as const;

/** Keyness filters of `tifa compare` (its defaults): |G²| ≥ 3.84 (p < 0.05 at 1 df), p ≤ 0.05, a + b ≥ 3. */
export const KEYNESS_FILTER = { minLl: 3.84, p: 0.05, minCount: 3 } as const;


/**
 * Slogan counts per group, as `tifa slogans --by <field>` counts them (documents without the field left out): the
 * same lexicon and the same corpus-wide quote and naming passes, so a formulation quoted or named once is counted at every use here too.
 */
export function countSlogans(corpus: ReportCorpus): SloganCounts {
  return collectSlogans(corpus.docs, corpus.segmenter, sloganOptions(corpus));
}

function sloganOptions(corpus: ReportCorpus): CollectOptions {
  return { field: corpus.field, lexicon: reportLexicon(corpus), corpusQuotes: quotesOf(corpus), corpusNamed: namedOf(corpus) };
}

/**
 * The most used formulations (sloganTable order) with `total`, then per group its uses (`<group>`) and its rate
 * per 10,000 word tokens of the group (`<group>_per10k`).
 */
export function sloganRateTable(counts: SloganCounts, top: number): ResultTable {
  // The group columns are the user's values (a city called `total`): the computed columns step aside.
  const groupColumns = counts.groups.flatMap((g) => [g, `${g}_per10k`]);
  const c = computedColumns(['term', 'total'], new Set(groupColumns));
  const rows = topSlogans(counts, top).map((term) => {
    const { byGroup } = counts.slogans.get(term)!;
    const row: Row = { [c.term]: term, [c.total]: sum(byGroup) };
    counts.groups.forEach((g, i) => {
      const uses = byGroup[i] ?? 0;
      row[g] = uses;
      row[`${g}_per10k`] = counts.tokens[i] > 0 ? (uses * RATE_BASE) / counts.tokens[i] : 0;
    });
    return row;
  });
  return { columns: [c.term, c.total, ...groupColumns], rows };
}

/** The most used formulations, most used first: the default rows of the dispersion plot. */
export function topSlogans(counts: SloganCounts, top: number): string[] {
  // The first column is the formulation, whatever name it has beside the groups' columns.
  const table = sloganTable(counts, { top });
  return table.rows.map((r) => String(r[table.columns[0]]));
}

/** One row per document: metadata, characters and word tokens (`tifa corpus`). */
export function overviewTable(corpus: ReportCorpus): ResultTable {
  return summariseCorpus(corpus.docs, corpus.segmenter);
}

/** Key terms of each group against the rest of the corpus, side by side (`tifa compare --by <field>`). */
export function keyTermsTable(corpus: ReportCorpus, stopwords: Set<string> | undefined): ResultTable {
  return keyTermsOf(countCorpus(corpus.docs, corpus.segmenter, keyTermsRequest(corpus, stopwords)));
}

function keyTermsRequest(corpus: ReportCorpus, stopwords: Set<string> | undefined): CountRequest {
  return { field: corpus.field, filter: { stopwords } };
}

function keyTermsOf(counts: GroupedCounts): ResultTable {
  return keynessOverview(counts, { ...KEYNESS_FILTER, measure: 'll', top: REPORT_LIMITS.keyTerms });
}

export interface SloganNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** N: sentences of the grouped documents. */
  sentences: number;
}

/**
 * Co-occurrence of lexicon slogans in sentences, pooled over groups, nodes coloured by top group
 * (`tifa cooc --slogans --by <field> --top 30`).
 */
export function sloganNetwork(corpus: ReportCorpus): SloganNetwork {
  return networkOf(countCooccurrence(corpus.docs, corpus.segmenter, networkRequest(corpus)));
}

function networkRequest(corpus: ReportCorpus): CoocRequest {
  return {
    field: corpus.field,
    unit: { kind: 'sentence', window: 0 }, // the window size counts only for window units
    terms: { kind: 'forms', forms: lexiconSurfaceForms(reportLexicon(corpus)) },
    top: REPORT_LIMITS.networkSlogans,
    min: 1,
    // The layouts (4 bytes a word token) wait on disk for the second pass, as `tifa cooc` keeps them.
    spill: fileSpill(),
  };
}

function networkOf(counts: CoocCounts): SloganNetwork {
  return { ...coocNetwork(counts, { measure: 'logdice' }), sentences: sum(counts.units) };
}

export interface SloganDispersion {
  positions: SloganPositions;
  table: ResultTable;
}

/** Where the chosen slogans are used across all documents (grouped or not), with Gries' DP. */
export function sloganDispersion(corpus: ReportCorpus, slogans: string[]): SloganDispersion {
  return dispersionOf(sloganPositions(corpus.docs, corpus.segmenter, slogans, { lexicon: reportLexicon(corpus), corpusQuotes: quotesOf(corpus), corpusNamed: namedOf(corpus), spill: fileSpill() }));
}

function dispersionOf(positions: SloganPositions): SloganDispersion {
  return { positions, table: dispersionTable(positions) };
}

/**
 * The groups of the report in reading order (the order every analysis finds them in, and the colour order), and
 * the documents without the field: left out of every grouped figure (not of the overview and dispersion).
 */
export function corpusGrouping(corpus: ReportCorpus): Grouping {
  if (corpus.grouping) return corpus.grouping;
  const groups = new GroupIndex(corpus.field);
  for (const doc of corpus.docs) groups.groupOf(doc);
  return { field: corpus.field, groups: groups.labels, leftOut: groups.leftOut };
}

/**
 * Uses of some terms along the grouping field (`tifa trend <terms> --by <field>`), rates per 10,000 word tokens
 * of each value's documents; `tokensOf` gives a value's tokens when they are counted already (the report's slogan
 * counts), else the corpus is counted for them.
 */
export function trendOfCorpus(corpus: ReportCorpus, terms: string[], options: TrendOptions = {}, tokensOf?: (value: string) => number): ResultTable {
  return trendOf(corpus, countTrend(corpus.docs, terms, corpus.field), options, tokensOf);
}

function trendOf(corpus: ReportCorpus, counts: TrendCounts, options: TrendOptions, tokensOf?: (value: string) => number): ResultTable {
  let tokens = tokensOf;
  if (!tokens) {
    const totals = countCorpus(corpus.docs, corpus.segmenter, { field: corpus.field, only: new Set() });
    tokens = (value) => totals.tokens[totals.groups.indexOf(value)] ?? 0;
  }
  return trendTable(counts, counts.values.map(tokens), options);
}

/**
 * The most used words of each group for its word cloud (`tifa freq --by <field> --min-length 2 --drop
 * numbers,latin` with the stopwords given): single characters, numbers and Latin tokens say little in a cloud.
 */
export function cloudPanels(corpus: ReportCorpus, stopwords: Set<string> | undefined, top: number): CloudPanel[] {
  const counts = countCorpus(corpus.docs, corpus.segmenter, { field: corpus.field, filter: { stopwords, minLength: 2, drop: ['numbers', 'latin'] } });
  return counts.groups.map((group, g) => {
    const words: CloudWord[] = [];
    for (const [term, tc] of counts.terms) if ((tc.byGroup[g] ?? 0) > 0) words.push({ term, count: tc.byGroup[g] });
    words.sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
    return { title: group, words: words.slice(0, top) };
  });
}

/** The numbers of every section of the report (see countReport). */
export interface ReportCounts {
  slogans: SloganCounts;
  grouping: Grouping;
  overview: ResultTable;
  /** Absent with fewer than two groups: there is no rest to compare a group with. */
  keyTerms?: ResultTable;
  network: SloganNetwork;
  /** The slogans asked for (--slogans), else the most used. */
  dispersion: SloganDispersion;
  /** Only when every group is a number or a date (a year): the dispersion slogans over it. */
  trend?: ResultTable;
}

/**
 * Every analysis of the report from one reading of the corpus through the token cache: each document is cut once
 * with tags (slogans, dispersion) and read once untagged (overview, key terms, network), and handed to every
 * section's counter, the same counters the single analyses above loop with, so each section is what its own
 * command gives. Two readings stay outside it: the texts before (readGroupings: the groups and the quoted and named
 * forms every slogan count needs from its first document), and, for a trend without --slogans, the texts after it,
 * searched for the most used slogans, which are known only once everything is counted.
 */
export function countReport(corpus: ReportCorpus, options: { stopwords?: Set<string>; slogans?: string[] }): ReportCounts {
  const grouping = corpusGrouping(corpus);
  const slogans = new SloganCollector(sloganOptions(corpus));
  const overview = new CorpusSummary();
  const keyTerms = grouping.groups.length >= 2 ? new SegmentedCounter(keyTermsRequest(corpus, options.stopwords)) : undefined;
  const network = new CoocCounter(networkRequest(corpus));
  // The uses of every formulation wait on disk until the most used are known.
  const positions = new SloganPositionRecorder(fileSpill());
  const timeline = grouping.groups.length > 0 && grouping.groups.every((g) => timeKey(g) !== undefined);
  const trend = timeline && options.slogans ? new TrendCounter(options.slogans, corpus.field) : undefined;
  for (const doc of corpus.docs) {
    const tagged = corpus.segmenter.cut(doc.text, { pos: true });
    const plain = corpus.segmenter.cut(doc.text);
    const hits = slogans.hitsOf(doc, tagged);
    slogans.add(doc, tagged, hits);
    positions.add(doc, tagged, hits);
    overview.add(doc, plain);
    keyTerms?.add(segmentedDocument(doc, plain, false));
    network.addDocument(doc, () => plain);
    trend?.add(doc);
  }
  const counts = slogans.counts;
  const chosen = options.slogans ?? topSlogans(counts, REPORT_LIMITS.dispersionSlogans);
  const tokensOf = (value: string) => counts.tokens[counts.groups.indexOf(value)] ?? 0;
  return {
    slogans: counts,
    grouping,
    overview: overview.table(),
    keyTerms: keyTerms && keyTermsOf(keyTerms.counts),
    network: networkOf(network.finish()),
    dispersion: dispersionOf(positions.positions(canonicalForms(chosen, slogans.matcher))),
    trend: timeline ? trendOf(corpus, trend ? trend.counts() : countTrend(corpus.docs, chosen, corpus.field), {}, tokensOf) : undefined,
  };
}
