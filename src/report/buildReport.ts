import type { ResultTable } from '../resultTable.js';
import { themeTable } from '../slogans/themeTable.js';
import { countReport, REPORT_LIMITS, sloganRateTable, type ReportCorpus, type SloganDispersion, type SloganNetwork } from './analyses.js';
import { reportPage } from './page.js';
import { dispersionSection } from './sections/dispersion.js';
import { keyTermsSection } from './sections/keyTerms.js';
import { networkSection } from './sections/network.js';
import { overviewSection } from './sections/overview.js';
import { sloganHeatmapSection } from './sections/sloganHeatmap.js';
import { themesSection } from './sections/themes.js';
import { trendSection } from './sections/trend.js';

export interface ReportOptions {
  /** Stopwords removed before keyness, and the list names to state in the note ('' for none). */
  stopwords: { names: string; words?: Set<string> };
  /** Slogans for the dispersion plot; default the most used ones. */
  slogans?: string[];
  /** What was read, shown under the title (paths as given). */
  sources: string;
}

/** Every number the report shows, computed before anything is drawn. */
export interface ReportData {
  field: string;
  groups: string[];
  groupTokens: number[];
  leftOut: string[];
  segmenter: string;
  sources: string;
  stopwords: string;
  overview: ResultTable;
  sloganRates: ResultTable;
  themes: ResultTable;
  /** Absent with fewer than two groups: there is no rest to compare a group with. */
  keyTerms?: ResultTable;
  network: SloganNetwork;
  dispersion: SloganDispersion;
  /** Only when every value of the field is a number or a date (a year): the dispersion slogans over it. */
  trend?: ResultTable;
  slogansChosen: boolean;
}

/** Runs every analysis of the report over the corpus (countReport: one reading of it through the token cache). */
export function analyseReport(corpus: ReportCorpus, options: ReportOptions): ReportData {
  const counts = countReport(corpus, { stopwords: options.stopwords.words, slogans: options.slogans });
  const groups = [...counts.grouping.groups];
  return {
    field: corpus.field,
    groups,
    groupTokens: groups.map((g) => counts.slogans.tokens[counts.slogans.groups.indexOf(g)] ?? 0),
    leftOut: counts.grouping.leftOut.map((doc) => doc.id),
    segmenter: corpus.segmenter.name,
    sources: options.sources,
    stopwords: options.stopwords.names,
    overview: counts.overview,
    sloganRates: sloganRateTable(counts.slogans, REPORT_LIMITS.heatmapSlogans),
    themes: themeTable(counts.slogans),
    keyTerms: counts.keyTerms,
    network: counts.network,
    dispersion: counts.dispersion,
    trend: counts.trend,
    slogansChosen: options.slogans !== undefined,
  };
}

/** The report page: contents, then one section per figure, each with its table and note. */
export function renderReport(data: ReportData): string {
  const { field, groups } = data;
  const sections = [
    overviewSection(data.overview, { field, groups, groupTokens: data.groupTokens, leftOut: data.leftOut, segmenter: data.segmenter }),
    sloganHeatmapSection(data.sloganRates, groups, data.groupTokens, field),
    keyTermsSection(data.keyTerms, groups, field, data.stopwords),
    themesSection(data.themes, groups, field),
    networkSection(data.network, groups, field),
    dispersionSection(data.dispersion, data.slogansChosen),
    ...(data.trend ? [trendSection(data.trend, field, data.slogansChosen)] : []),
  ];
  return reportPage('tifa report: slogans, key terms and themes by ' + field, data.sources, sections);
}
