/**
 * tifa as a library: read a corpus, segment it, count it, and build the tables the CLI prints, with typed rows.
 * Every function here is the one the CLI calls; the CLI only parses flags and formats what comes back.
 *
 *   import { readCorpus, createSegmenter, countCorpus, frequencyTable } from 'tifa';
 *   const docs = [...readCorpus(['texts/'])];
 *   const table = frequencyTable(countCorpus(docs, createSegmenter()), { top: 10 });
 *
 * Errors a caller can cause are TifaError (UsageError for a bad option value, InputError for bad data); their
 * messages name the library's options, not command-line flags.
 */
import type { GroupedCounts } from './analysis/termCounts.js';
import { frequencyTable as frequencyRows, type FrequencyTableOptions } from './analysis/frequencyTable.js';
import { keynessTable as keynessRows, type KeynessOptions } from './analysis/keynessTable.js';
import type { ResultTable, Row } from './resultTable.js';
import { sloganTable as sloganRows, type SloganTableOptions } from './slogans/sloganTable.js';
import type { SloganCounts } from './slogans/collectSlogans.js';

// Reading
export { readCorpus, readDocument, type ReadOptions } from './corpus/readCorpus.js';
export type { Document, Meta, OriginMap } from './corpus/document.js';
// Segmenting
export { createSegmenter, BACKENDS, type Backend, type SegmenterOptions } from './segment/createSegmenter.js';
export type { Token, Segmenter, WordSegmenter, Words } from './segment/token.js';
// Counting
export { countCorpus, type CountRequest } from './analysis/countCorpus.js';
export type { GroupedCounts, TermCount } from './analysis/termCounts.js';
export type { FilterOptions } from './analysis/tokenFilter.js';
// Grouping: every grouped count returns its groups and the documents it left out (lacking the field)
export { checkGrouping, type Grouping, type LeftOutDocument } from './analysis/groups.js';
// Tables
export type { Cell, Row, ResultTable, PagedTable } from './resultTable.js';
export type { FrequencyTableOptions } from './analysis/frequencyTable.js';
export type { KeynessOptions } from './analysis/keynessTable.js';
export { countCooccurrence, type CoocCounts, type TermSet } from './analysis/cooccurrence.js';
export { cooccurrenceTable, cooccurrenceRows, cooccurrenceMatrix, coocNetwork, COOC_MEASURES, type CoocMeasure } from './analysis/coocTables.js';
export type { NetworkEdge, NetworkNode } from './analysis/networkGraph.js';
export { kwicRows, searchPattern } from './analysis/kwic.js';
export { concordance, type Concordance, type ConcordanceRequest } from './analysis/concordance.js';
// Slogans and themes
export { collectSlogans, type CollectOptions, type SloganCounts, type SloganStats } from './slogans/collectSlogans.js';
export { themeTable } from './slogans/themeTable.js';
export type { SloganTableOptions } from './slogans/sloganTable.js';
// The lexicon
export { loadBundledLexicon, parseLexicon, THEMES, type LexiconEntry } from './lexicon/lexicon.js';
export { buildLexiconIndex, type LexiconIndex, type LexiconOccurrence } from './lexicon/lexiconIndex.js';
export { foldText, type FoldedText } from './lexicon/fold.js';
// Lint
export { lintTexts, type LintInput, type LintOptions } from './lint/linter.js';
export type { LintMessage, LintResult, Severity } from './lint/types.js';
// Errors
export { TifaError, UsageError, InputError } from './errors.js';

/** A row of frequencyTable: the fixed columns; per group `<group>` and `<group>_per10k`, and dp/juilland_d on request. */
export interface FrequencyRow extends Row {
  term: string;
  total: number;
  per10k: number;
  docfreq: number;
}

/** A row of keynessTable: the 2×2 table (a, b: the term in target and reference; c, d: their sizes) and the scores. */
export interface KeynessRow extends Row {
  term: string;
  a: number;
  b: number;
  c: number;
  d: number;
  ll: number;
  p: number;
  chi2: number;
  log_ratio: number;
  pct_diff: number | null;
}

/** A row of sloganTable; per group a count column named after the group. */
export interface SloganRow extends Row {
  term: string;
  total: number;
  docs: number;
  quoted: number;
  theme: string;
  variants: string;
  kind: string;
  first: string;
}

/** The word list: term, total, rate, counts and rates per group, document frequency (and dispersion on request). */
export function frequencyTable(counts: GroupedCounts, options: FrequencyTableOptions = {}): ResultTable<FrequencyRow> {
  return frequencyRows(counts, options) as ResultTable<FrequencyRow>;
}

/** Keyness of the terms of a target group against a reference (the rest, or one group). */
export function keynessTable(counts: GroupedCounts, options: KeynessOptions): ResultTable<KeynessRow> {
  return keynessRows(counts, options) as ResultTable<KeynessRow>;
}

/** One row per formulation found, most used first. */
export function sloganTable(counts: SloganCounts, options: SloganTableOptions = {}): ResultTable<SloganRow> {
  return sloganRows(counts, options) as ResultTable<SloganRow>;
}
