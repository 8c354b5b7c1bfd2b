import { UsageError } from '../errors.js';
import { themeTable } from '../slogans/themeTable.js';
import {
  countSlogans,
  corpusGrouping,
  keyTermsTable,
  REPORT_LIMITS,
  sloganDispersion,
  sloganNetwork,
  sloganRateTable,
  cloudPanels,
  topSlogans,
  trendOfCorpus,
  type ReportCorpus,
} from './analyses.js';
import { wordCloudSvg } from './charts/wordCloud.js';
import { dispersionFigure, keyTermsFigure, networkFigure, sloganHeatmapFigure, themeSharesFigure, trendFigure } from './figures.js';

/** Words per cloud: enough to fill a panel, few enough to read. */
const CLOUD_WORDS = 60;

export const PLOT_KINDS = ['heatmap', 'keyness', 'themes', 'network', 'dispersion', 'trend', 'cloud'] as const;
export type PlotKind = (typeof PLOT_KINDS)[number];

export interface PlotOptions {
  stopwords?: Set<string>;
  /** Slogans of the dispersion plot; default the most used ones. */
  slogans?: string[];
  /** Terms of the trend chart; default the most used slogans. */
  terms?: string[];
  /** Trend: the measure plotted. */
  per?: '10k' | 'share';
}

/** One figure of the report as a standalone SVG, computing only the analysis it needs. */
export function plotFigure(kind: PlotKind, corpus: ReportCorpus, options: PlotOptions): string {
  const groups = [...corpusGrouping(corpus).groups];
  switch (kind) {
    case 'heatmap':
      return sloganHeatmapFigure(sloganRateTable(countSlogans(corpus), REPORT_LIMITS.heatmapSlogans), groups);
    case 'themes':
      return themeSharesFigure(themeTable(countSlogans(corpus)), groups);
    case 'keyness':
      if (groups.length < 2) throw new UsageError(`keyness needs at least two values of "${corpus.field}"; found ${groups.length}`);
      return keyTermsFigure(keyTermsTable(corpus, options.stopwords), groups);
    case 'network':
      return networkFigure(sloganNetwork(corpus), groups);
    case 'dispersion': {
      const slogans = options.slogans ?? topSlogans(countSlogans(corpus), REPORT_LIMITS.dispersionSlogans);
      return dispersionFigure(sloganDispersion(corpus, slogans).positions);
    }
    case 'cloud':
      return wordCloudSvg(cloudPanels(corpus, options.stopwords, CLOUD_WORDS));
    case 'trend': {
      const terms = options.terms ?? topSlogans(countSlogans(corpus), REPORT_LIMITS.dispersionSlogans);
      return trendFigure(trendOfCorpus(corpus, terms, { per: options.per }), corpus.field, options.per);
    }
  }
}
