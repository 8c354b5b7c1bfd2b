import { Command } from 'commander';
import { summariseCorpus } from '../../analysis/corpusSummary.js';
import { printTable } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { corpusOptions, outputOptions, type CorpusFlags, type OutputFlags } from '../options.js';

export function corpusCommand(): Command {
  const cmd = new Command('corpus')
    .description('list the documents of a corpus: id, metadata, characters, tokens')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)');
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((paths: string[], flags: CorpusFlags & OutputFlags) => {
    const corpus = openCorpus(paths, flags);
    printTable(summariseCorpus(corpus.docs, corpus.segmenter), flags);
  });
}
