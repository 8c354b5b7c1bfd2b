import { Command } from 'commander';
import { termCoverage } from '../../analysis/termCoverage.js';
import { segmenterVocabulary } from '../../segment/createSegmenter.js';
import { printTable, warn } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { corpusOptions, outputOptions, type CorpusFlags, type OutputFlags } from '../options.js';

export function termsCommand(): Command {
  const cmd = new Command('terms')
    .description('check the dictionary: each term found in the corpus, kept whole or split by the segmenter')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)');
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((paths: string[], flags: CorpusFlags & OutputFlags) => {
    const { entries, phrases } = segmenterVocabulary(flags.dict);
    const corpus = openCorpus(paths, flags);
    const table = termCoverage(corpus.docs, corpus.segmenter, [...entries.map((e) => e.word), ...phrases]);
    const sum = (key: string) => table.rows.reduce((n, r) => n + (r[key] as number), 0);
    warn(
      `${table.rows.length} dictionary terms occur ${sum('occurrences')} times: ${sum('whole')} whole, ` +
        `${sum('inside')} inside a longer token, ${sum('split')} split (segmenter ${flags.segmenter})`,
    );
    printTable(table, flags);
  });
}
