import { LayoutBuilder, type UnitKind, type UnitLayout } from '../analysis/units.js';
import { prepareFile, type NoWords } from './fileWords.js';
import type { FileTokenizer } from './tokenizeFile.js';

/** What one file laid out for co-occurrence in a worker sends back: its layout in the worker's term ids, or why it has none. */
export type LayoutMessage = { kind: 'layout'; label: string; layout: UnitLayout; first: number; newTerms: string[] } | NoWords;

/**
 * Reads, segments and lays out one file in this thread (a worker's task) into a UnitLayout of the term ids
 * `wordId` gives, which number `vocabulary`: the message names the terms the file added to it. The cut is
 * stored in the token cache as `freq` stores it.
 */
export function layOutFile(tokenizer: FileTokenizer, path: string, field: string | undefined, unit: UnitKind, wordId: (word: string, tag: string | undefined) => number, vocabulary: readonly string[]): LayoutMessage {
  const prepared = prepareFile(tokenizer, path, field);
  if (prepared.kind !== 'cut') return prepared;
  const { file, label } = prepared;
  const first = vocabulary.length;
  const builder = new LayoutBuilder(unit, wordId);
  const recorder = tokenizer.recorder(file);
  const bounds = tokenizer.chunks(file);
  for (let k = 1; k < bounds.length; k++) {
    const cut = tokenizer.chunkWords(file, bounds[k - 1], bounds[k]);
    builder.add(cut.words, cut.tags);
    recorder?.add(bounds[k - 1], cut);
  }
  recorder?.finish();
  return { kind: 'layout', label, layout: builder.finish(), first, newTerms: vocabulary.slice(first) };
}
