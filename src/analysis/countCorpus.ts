import type { Document } from '../corpus/document.js';
import type { Segmenter } from '../segment/token.js';
import { CountAccumulator, type CountOptions, type GroupedCounts } from './termCounts.js';
import { tokenFilter, wordRuns, type FilterOptions } from './tokenFilter.js';
import { ngramsOf } from './ngrams.js';

export interface CountRequest extends CountOptions {
  filter?: FilterOptions;
  /** Count n-grams of n in [min, max] instead of single words. */
  ngram?: [number, number];
  /** Count only these terms (rates still use all tokens as the denominator). */
  only?: Set<string>;
}

/** The group a document belongs to, or undefined when it lacks the field (it is then left out). */
export function groupOf(doc: Document, field: string | undefined): string | undefined {
  if (!field) return 'all';
  const value = doc.meta[field];
  return value ? value : undefined;
}

/** Segments and counts a stream of documents in one pass. */
export function countCorpus(
  docs: Iterable<Document>,
  segmenter: Segmenter,
  request: CountRequest = {},
  onLeftOut: (doc: Document) => void = () => {},
): GroupedCounts {
  const acc = new CountAccumulator(request);
  const keep = tokenFilter(request.filter ?? {});
  const tagging = Boolean(request.filter?.pos);
  for (const doc of docs) {
    const label = groupOf(doc, request.field);
    if (label === undefined) {
      onLeftOut(doc);
      continue;
    }
    const tokens = segmenter.cut(doc.text, { pos: tagging });
    const items = request.ngram
      ? ngramsOf(wordRuns(tokens, keep), request.ngram)
      : tokens.filter(keep).map((t) => t.text);
    acc.add(label, items, doc.text.replace(/\s/g, '').length, request.only);
  }
  return acc.counts;
}
