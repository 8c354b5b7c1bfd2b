import { Command } from 'commander';
import { loadStopwords } from '../../segment/stopwords.js';
import { corpusGrouping, type ReportCorpus } from '../../report/analyses.js';
import { analyseReport, renderReport } from '../../report/buildReport.js';
import { chooseLexicon } from '../../lexicon/lexicon.js';
import { corpusPaths, openCorpus } from '../openCorpus.js';
import { noteLeftOut } from '../leftOut.js';
import { checkOutputFirst, commaList, corpusOptions, type CorpusFlags } from '../options.js';
import { writeFileAtomic } from '../writeOutput.js';

interface ReportFlags extends CorpusFlags {
  by: string;
  slogans?: string;
  stopwords: string;
  output: string;
  force?: boolean;
}

/** Content words make better key terms than 的 and 是; `--stopwords ''` keeps every word. */
export const REPORT_STOPWORDS = 'zh,domain';

/** Notes on stderr the documents without the grouping field; none having it is a usage error (a typo, most likely). */
export function reportLeftOut(corpus: ReportCorpus): void {
  noteLeftOut(corpusGrouping(corpus));
}

export function reportCommand(): Command {
  const cmd = new Command('report')
    .description('one self-contained HTML page: overview, slogan heatmap, key terms, themes, co-occurrence network, dispersion')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--by <field>', 'metadata field that defines the groups', 'city')
    .option('--slogans <list>', 'slogans for the dispersion plot (comma-separated; default: the 8 most used)')
    .option('--stopwords <lists>', "stopwords removed before keyness: zh, domain or a file, comma-separated; '' for none", REPORT_STOPWORDS)
    .requiredOption('-o, --output <file>', 'the HTML file to write (atomically)')
    .option('--force', 'overwrite an existing --output file');
  checkOutputFirst(cmd);
  corpusOptions(cmd);
  return cmd.action((paths: string[], flags: ReportFlags) => {
    const { docs, segmenter } = openCorpus(paths, flags, { rereads: true });
    const corpus = { docs, segmenter, field: flags.by, lexicon: chooseLexicon(flags) };
    reportLeftOut(corpus);
    const data = analyseReport(corpus, {
      stopwords: { names: flags.stopwords, words: flags.stopwords ? loadStopwords(flags.stopwords) : undefined },
      slogans: flags.slogans ? commaList(flags.slogans) : undefined,
      sources: corpusPaths(paths).join(', '),
    });
    writeFileAtomic(flags.output, renderReport(data), Boolean(flags.force));
  });
}
