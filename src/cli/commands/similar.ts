import { Command, Option } from 'commander';
import { averageLinkage, mergeTable } from '../../analysis/clustering.js';
import { documentTerms, groupDocuments } from '../../analysis/documentTerms.js';
import { similarityMatrix, tfidfVectors } from '../../analysis/similarity.js';
import { dendrogramSvg } from '../../report/charts/dendrogram.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { noteLeftOut } from '../leftOut.js';
import { corpusOptions, filterFrom, filterOptions, outputOptions, type CorpusFlags, type FilterFlags, type OutputFlags } from '../options.js';
import { writeFileAtomic } from '../writeOutput.js';

interface SimilarFlags extends CorpusFlags, FilterFlags, OutputFlags {
  by?: string;
  show: 'matrix' | 'merges';
  svg?: string;
}

export function similarCommand(): Command {
  const cmd = new Command('similar')
    .description('similarity of documents (or groups): cosine of tf-idf vectors, and their average-linkage clustering')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--by <field>', 'compare the values of this metadata field (their documents pooled) instead of documents')
    .addOption(new Option('--show <table>', 'matrix (cosine, unit × unit) or merges (the clustering, step by step)').choices(['matrix', 'merges']).default('matrix'))
    .option('--svg <file>', 'also write the clustering as a dendrogram (SVG)');
  filterOptions(cmd);
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((paths: string[], flags: SimilarFlags) => {
    const corpus = openCorpus(paths, flags, { pos: Boolean(flags.pos) });
    // With --by each value's documents are pooled into one row as they are read: memory follows the groups.
    const dt = documentTerms(corpus.docs, corpus.segmenter, filterFrom(flags), undefined, flags.by);
    const grouping = groupDocuments(dt, flags.by);
    noteLeftOut(grouping);
    const { units } = grouping;
    const labels = units.map((u) => u.label);
    const { table, matrix } = similarityMatrix(labels, tfidfVectors(dt, units), flags.by ?? 'doc');
    const merges = averageLinkage(matrix.map((row) => row.map((cos) => 1 - cos)));
    if (flags.svg) writeFileAtomic(flags.svg, dendrogramSvg(labels, merges), Boolean(flags.force));
    if (flags.format === 'xlsx') printTable(table, { ...flags, sheet: 'similarity' }, [{ name: 'clustering', table: mergeTable(merges, labels) }]);
    else printTable(flags.show === 'merges' ? mergeTable(merges, labels) : table, flags);
  });
}
