import { Command } from 'commander';
import { loadStopwords } from '../../segment/stopwords.js';
import { readGroupings, type ReportCorpus } from '../../report/analyses.js';
import { analyseReport, renderReport } from '../../report/buildReport.js';
import { chooseLexicon } from '../../lexicon/lexicon.js';
import { corpusPaths, openCorpus } from '../openCorpus.js';
import { DEFAULT_FIELD, DEFAULT_GROUPING_HELP, defaultGrouping, FALLBACK_FIELD } from '../defaultGrouping.js';
import { checkOutputFirst, commaList, corpusOptions, type CorpusFlags } from '../options.js';
import { writeFileAtomic } from '../writeOutput.js';

interface ReportFlags extends CorpusFlags {
  by?: string;
  slogans?: string;
  stopwords: string;
  output: string;
  force?: boolean;
}

/** Content words make better key terms than 的 and 是; `--stopwords ''` keeps every word. */
export const REPORT_STOPWORDS = 'zh,domain';

/**
 * The corpus of report and plot: opened to be read more than once, grouped by --by or by the default grouping
 * (defaultGrouping), the documents without the field noted on stderr; the groupings it may choose from and the
 * corpus's quoted and named forms come from one first reading of the texts (readGroupings).
 */
export async function openReportCorpus(paths: string[], flags: CorpusFlags & { by?: string }): Promise<ReportCorpus> {
  const { docs, segmenter } = openCorpus(paths, flags, { rereads: true });
  const lexicon = chooseLexicon(flags);
  const first = readGroupings(docs, flags.by !== undefined ? [flags.by] : [DEFAULT_FIELD, FALLBACK_FIELD], lexicon, segmenter);
  const { field, grouping } = await defaultGrouping(flags.by, (by) => first.groupings.get(by)!);
  return { docs, segmenter, field, lexicon, grouping, quotes: first.quotes, named: first.named };
}

export function reportCommand(): Command {
  const cmd = new Command('report')
    .description('one self-contained HTML page: overview, slogan heatmap, key terms, themes, co-occurrence network, dispersion')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--by <field>', DEFAULT_GROUPING_HELP)
    .option('--slogans <list>', 'slogans for the dispersion plot (comma-separated; default: the 8 most used)')
    .option('--stopwords <lists>', "stopwords removed before keyness: zh, domain or a file, comma-separated; '' for none", REPORT_STOPWORDS)
    .requiredOption('-o, --output <file>', 'the HTML file to write (atomically)')
    .option('--force', 'overwrite an existing --output file');
  checkOutputFirst(cmd);
  corpusOptions(cmd);
  return cmd.action(async (paths: string[], flags: ReportFlags) => {
    const corpus = await openReportCorpus(paths, flags);
    const data = analyseReport(corpus, {
      stopwords: { names: flags.stopwords, words: flags.stopwords ? loadStopwords(flags.stopwords) : undefined },
      slogans: flags.slogans ? commaList(flags.slogans) : undefined,
      sources: corpusPaths(paths).join(', '),
    });
    writeFileAtomic(flags.output, renderReport(data), Boolean(flags.force));
  });
}
