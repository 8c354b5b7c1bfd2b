import { countCooccurrence } from '../analysis/cooccurrence.js';
import { coocNetwork } from '../analysis/coocTables.js';
import { countCorpus } from '../analysis/countCorpus.js';
import { GroupIndex, type Grouping } from '../analysis/groups.js';
import { countTrend, trendTable, type TrendOptions } from '../analysis/trend.js';
import type { CloudPanel, CloudWord } from './charts/wordCloud.js';
import { summariseCorpus } from '../analysis/corpusSummary.js';
import { keynessOverview } from '../analysis/keynessTable.js';
import type { Document } from '../corpus/document.js';
import type { NetworkEdge, NetworkNode } from '../analysis/networkGraph.js';
import { computedColumns, type ResultTable, type Row } from '../resultTable.js';
import type { Segmenter } from '../segment/token.js';
import { collectSlogans, corpusQuotedForms, type SloganCounts } from '../slogans/collectSlogans.js';
import { lexiconSurfaceForms, loadBundledLexicon, type LexiconEntry } from '../lexicon/lexicon.js';
import { sloganTable } from '../slogans/sloganTable.js';
import { dispersionTable, sloganPositions, type SloganPositions } from './sloganPositions.js';
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
 * same lexicon and the same corpus-wide quote pass, so a formulation quoted once is counted at every use here too.
 */
export function countSlogans(corpus: ReportCorpus): SloganCounts {
  const lexicon = reportLexicon(corpus);
  return collectSlogans(corpus.docs, corpus.segmenter, { field: corpus.field, lexicon, corpusQuotes: corpusQuotedForms(corpus.docs, lexicon) });
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
  const counts = countCorpus(corpus.docs, corpus.segmenter, { field: corpus.field, filter: { stopwords } });
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
  const counts = countCooccurrence(corpus.docs, corpus.segmenter, {
    field: corpus.field,
    unit: { kind: 'sentence', window: 0 }, // the window size counts only for window units
    terms: { kind: 'forms', forms: lexiconSurfaceForms(reportLexicon(corpus)) },
    top: REPORT_LIMITS.networkSlogans,
    min: 1,
    // The layouts (4 bytes a word token) wait on disk for the second pass, as `tifa cooc` keeps them.
    spill: fileSpill(),
  });
  return { ...coocNetwork(counts, { measure: 'logdice' }), sentences: sum(counts.units) };
}

export interface SloganDispersion {
  positions: SloganPositions;
  table: ResultTable;
}

/** Where the chosen slogans are used across all documents (grouped or not), with Gries' DP. */
export function sloganDispersion(corpus: ReportCorpus, slogans: string[]): SloganDispersion {
  const lexicon = reportLexicon(corpus);
  const positions = sloganPositions(corpus.docs, corpus.segmenter, slogans, { lexicon, corpusQuotes: corpusQuotedForms(corpus.docs, lexicon) });
  return { positions, table: dispersionTable(positions) };
}

/**
 * The groups of the report in reading order (the order every analysis finds them in, and the colour order), and
 * the documents without the field: left out of every grouped figure (not of the overview and dispersion).
 */
export function corpusGrouping(corpus: ReportCorpus): Grouping {
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
  const counts = countTrend(corpus.docs, terms, corpus.field);
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
