import { Command } from 'commander';
import { readTextFile } from '../../corpus/readTextFile.js';
import { termCoverage } from '../../analysis/termCoverage.js';
import { segmenterVocabulary } from '../../segment/createSegmenter.js';
import { printTable, warn } from '../terminal.js';
import { openCorpus } from '../openCorpus.js';
import { corpusOptions, outputOptions, type CorpusFlags, type OutputFlags } from '../options.js';

/** The terms of a --terms file: one a line; blank lines and `#` lines are skipped. */
function termList(file: string): string[] {
  return readTextFile(file, 'terms file')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export function termsCommand(): Command {
  const cmd = new Command('terms')
    .description('check the dictionary: each term found in the corpus, kept whole or split by the segmenter')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .option('--terms <file>', 'check the terms of FILE (one a line, # comments) instead of the dictionary terms');
  corpusOptions(cmd);
  outputOptions(cmd);
  return cmd.action((paths: string[], flags: CorpusFlags & OutputFlags & { terms?: string }) => {
    const { entries, phrases } = segmenterVocabulary(flags.dict, { lexicon: flags.lexicon, bundledLexicon: flags.bundledLexicon });
    const vocabulary = new Map<string, string>(phrases.map((p) => [p, 'phrase']));
    for (const e of entries) vocabulary.set(e.word, 'word');
    const kinds = flags.terms ? new Map(termList(flags.terms).map((t) => [t, vocabulary.get(t) ?? 'unlisted'])) : vocabulary;
    const corpus = openCorpus(paths, flags);
    const table = termCoverage(corpus.docs, corpus.segmenter, kinds);
    const sum = (key: string) => table.rows.reduce((n, r) => n + (r[key] as number), 0);
    warn(
      `${table.rows.length} ${flags.terms ? 'listed' : 'dictionary'} terms occur ${sum('occurrences')} times: ${sum('whole')} whole, ` +
        `${sum('inside')} inside a longer token or term, ${sum('as_words')} as words on token boundaries, ` +
        `${sum('overlap')} overlapping another term, ${sum('split')} split (segmenter ${flags.segmenter})`,
    );
    printTable(table, flags);
  });
}
