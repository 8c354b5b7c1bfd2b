import { Command, Option } from 'commander';
import { documentTerms, groupDocuments } from '../../analysis/documentTerms.js';
import { KEYWORD_METHODS, TextRankGraphs, textrankKeywords, tfidfKeywords, type KeywordMethod } from '../../analysis/keywords.js';
import { UsageError } from '../../errors.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { noteLeftOut } from '../leftOut.js';
import {
  corpusOptions,
  filterFrom,
  filterOptions,
  outputOptions,
  positiveInt,
  type CorpusFlags,
  type FilterFlags,
  type OutputFlags,
} from '../options.js';

interface KeywordsFlags extends CorpusFlags, FilterFlags, OutputFlags {
  method: KeywordMethod;
  by?: string;
  top: number;
  reference?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function keywordsCommand(): Command {
  const cmd = new Command('keywords')
    .description('keywords of each document (or group): TF-IDF against the corpus or a --reference corpus, or TextRank as jieba')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .addOption(new Option('--method <name>', 'tfidf or textrank (window 5, as jieba)').choices([...KEYWORD_METHODS]).default('tfidf'))
    .option('--by <field>', 'keywords per value of this metadata field instead of per document')
    .option('--top <n>', 'keywords per document or group', positiveInt, 10)
    .option('--reference <path>', 'tfidf: document frequencies from this corpus instead (repeatable)', collect);
  filterOptions(cmd);
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((paths: string[], flags: KeywordsFlags) => {
    if (flags.reference && flags.method !== 'tfidf') throw new UsageError('--reference gives document frequencies: it goes with --method tfidf');
    // Single characters are never keywords, as in jieba (its filter needs two characters).
    const filter = { ...filterFrom(flags), minLength: Math.max(2, flags.minLength) };
    const corpus = openCorpus(paths, flags, { pos: Boolean(flags.pos) });
    const graphs = flags.method === 'textrank' ? new TextRankGraphs(flags.by) : undefined;
    // With --by each value's documents are pooled into one row as they are read: memory follows the groups.
    const dt = documentTerms(corpus.docs, corpus.segmenter, filter, graphs?.onTokens, flags.by);
    const grouping = groupDocuments(dt, flags.by);
    noteLeftOut(grouping);
    const { units } = grouping;
    const unitColumn = flags.by ?? 'doc';
    if (flags.method === 'textrank') {
      printTable(textrankKeywords(dt, units, graphs!.of(units), { top: flags.top, unitColumn }), flags);
      return;
    }
    let reference: { df: Map<string, number>; docs: number } | undefined;
    if (flags.reference) {
      const referenceCorpus = openCorpus(flags.reference, flags, { pos: Boolean(flags.pos) });
      const ref = documentTerms(referenceCorpus.docs, referenceCorpus.segmenter, filter);
      reference = { df: new Map(ref.vocabulary.map((term, id) => [term, ref.df[id]])), docs: ref.documents };
    }
    printTable(tfidfKeywords(dt, units, { top: flags.top, unitColumn, reference }), flags);
  });
}
