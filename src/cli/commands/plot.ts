import { Argument, Command, Option } from 'commander';
import { PLOT_KINDS, plotFigure, type PlotKind } from '../../report/plotFigure.js';
import { loadStopwords } from '../../segment/stopwords.js';
import { checkOutputFirst, commaList, corpusOptions, type CorpusFlags } from '../options.js';
import { writeFileAtomic } from '../writeOutput.js';
import { DEFAULT_GROUPING_HELP, DEFAULT_TREND_FIELD } from '../defaultGrouping.js';
import { openReportCorpus, REPORT_STOPWORDS } from './report.js';

interface PlotFlags extends CorpusFlags {
  by?: string;
  slogans?: string;
  terms?: string;
  per: '10k' | 'share';
  stopwords: string;
  output: string;
  force?: boolean;
}

export function plotCommand(): Command {
  const cmd = new Command('plot')
    .description('one chart of the report as an SVG file: slogan heatmap, key terms, themes, co-occurrence network, dispersion, trend (--by a numeric or date field) or word clouds per group')
    .addArgument(new Argument('<kind>', 'the chart').choices([...PLOT_KINDS]))
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--by <field>', `${DEFAULT_GROUPING_HELP}; trend: the numeric or date field (default: ${DEFAULT_TREND_FIELD})`)
    .option('--slogans <list>', 'dispersion: the slogans to plot (comma-separated; default: the 8 most used)')
    .option('--terms <list>', 'trend: the terms to plot, comma-separated (default: the 8 most used slogans)')
    .addOption(new Option('--per <measure>', 'trend: rate per 10,000 word tokens, or share of the terms’ uses').choices(['10k', 'share']).default('10k'))
    .option('--stopwords <lists>', "keyness, cloud: stopwords removed first (zh, domain or a file, comma-separated; '' for none)", REPORT_STOPWORDS)
    .requiredOption('-o, --output <file>', 'the SVG file to write (atomically)')
    .option('--force', 'overwrite an existing --output file');
  checkOutputFirst(cmd);
  corpusOptions(cmd);
  return cmd.action(async (kind: PlotKind, paths: string[], flags: PlotFlags) => {
    // A trend goes along years, as tifa trend does, not along the groups of the other charts.
    const corpus = await openReportCorpus(paths, { ...flags, by: flags.by ?? (kind === 'trend' ? DEFAULT_TREND_FIELD : undefined) });
    const svg = plotFigure(kind, corpus, {
      stopwords: flags.stopwords ? loadStopwords(flags.stopwords) : undefined,
      slogans: flags.slogans ? commaList(flags.slogans) : undefined,
      terms: flags.terms ? commaList(flags.terms) : undefined,
      per: flags.per,
    });
    writeFileAtomic(flags.output, svg, Boolean(flags.force));
  });
}
