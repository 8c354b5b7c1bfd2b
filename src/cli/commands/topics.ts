import { Command, Option } from 'commander';
import { documentTerms, groupDocuments } from '../../analysis/documentTerms.js';
import { fitTopics, topicShares, topicSummary, topicWords } from '../../analysis/topics.js';
import { topicBarsSvg } from '../../report/charts/topicBars.js';
import { UsageError } from '../../errors.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { noteLeftOut } from '../leftOut.js';
import {
  corpusOptions,
  filterFrom,
  filterOptions,
  nonNegativeInt,
  nonNegativeNumber,
  outputOptions,
  positiveInt,
  type CorpusFlags,
  type FilterFlags,
  type OutputFlags,
} from '../options.js';
import { writeFileAtomic } from '../writeOutput.js';

interface TopicsFlags extends CorpusFlags, FilterFlags, OutputFlags {
  k: number;
  seed: number;
  iterations: number;
  alpha?: number;
  beta: number;
  minDocs: number;
  top: number;
  show: 'summary' | 'words' | 'docs';
  by?: string;
  svg?: string;
}

export function topicsCommand(): Command {
  const cmd = new Command('topics')
    .description('LDA topic model (collapsed Gibbs sampling, reproducible per --seed): topics with top terms and UMass coherence, or shares per document/group')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .requiredOption('--k <n>', 'number of topics', positiveInt)
    .option('--seed <s>', 'random seed: the same seed gives the same topics', nonNegativeInt, 1)
    .option('--iterations <n>', 'Gibbs sweeps over the corpus', positiveInt, 500)
    .option('--alpha <a>', 'document–topic prior (default 50/k, Griffiths & Steyvers)', nonNegativeNumber)
    .option('--beta <b>', 'topic–word prior', nonNegativeNumber, 0.01)
    .option('--min-docs <n>', 'model only terms used in at least n documents', positiveInt, 2)
    .option('--top <n>', 'top terms per topic', positiveInt, 10)
    .addOption(new Option('--show <table>', 'summary (topic, share, umass, terms), words (tidy top terms with weights) or docs (topic shares)').choices(['summary', 'words', 'docs']).default('summary'))
    .option('--by <field>', 'docs: mean topic shares per value of this field instead of per document')
    .option('--svg <file>', 'also write the topics as small-multiple bar charts (SVG)');
  filterOptions(cmd);
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((paths: string[], flags: TopicsFlags) => {
    if (flags.by && flags.show !== 'docs' && flags.format !== 'xlsx') throw new UsageError('--by groups topic shares: it goes with --show docs');
    if (flags.beta === 0 || flags.alpha === 0) throw new UsageError('--alpha and --beta must be above 0');
    const corpus = openCorpus(paths, flags, { pos: Boolean(flags.pos) });
    const dt = documentTerms(corpus.docs, corpus.segmenter, filterFrom(flags));
    const model = fitTopics(dt, { k: flags.k, seed: flags.seed, iterations: flags.iterations, alpha: flags.alpha ?? 50 / flags.k, beta: flags.beta, minDocs: flags.minDocs });
    if (model.vocabulary.length === 0) throw new UsageError(`no term is used in ${flags.minDocs} or more documents; lower --min-docs`);
    if (flags.svg) writeFileAtomic(flags.svg, topicBarsSvg(topicWords(model, flags.top)), Boolean(flags.force));
    if (flags.format === 'xlsx') {
      // A workbook holds every table of the model, one sheet each.
      printTable(topicSummary(model, flags.top), { ...flags, sheet: 'topics' }, [
        { name: 'words', table: topicWords(model, flags.top) },
        { name: 'documents', table: topicShares(model, dt) },
        ...(flags.by ? [{ name: flags.by, table: topicShares(model, dt, flags.by) }] : []),
      ]);
      return;
    }
    if (flags.show === 'docs') {
      noteLeftOut(groupDocuments(dt, flags.by));
      printTable(topicShares(model, dt, flags.by), flags);
    } else printTable(flags.show === 'words' ? topicWords(model, flags.top) : topicSummary(model, flags.top), flags);
  });
}
