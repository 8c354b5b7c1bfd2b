import type { Document, Meta } from '../corpus/document.js';
import type { Segmenter, Token } from '../segment/token.js';
import { ngramsOf } from './ngrams.js';
import { CountAccumulator, type CountOptions, type GroupedCounts } from './termCounts.js';
import { tokenFilter, wordRuns, type FilterOptions } from './tokenFilter.js';

export interface CountRequest extends CountOptions {
  filter?: FilterOptions;
  /** Count n-grams of n in [min, max] instead of single words. */
  ngram?: [number, number];
  /** Count only these terms (rates still use all tokens as the denominator). */
  only?: Set<string>;
}

/** The group a document belongs to, or undefined when it lacks the field (it is then left out). */
export function groupOf(doc: { meta: Meta }, field: string | undefined): string | undefined {
  if (!field) return 'all';
  const value = doc.meta[field];
  return value ? value : undefined;
}

/** The counted units of one segmented document: kept words, or n-grams inside runs of kept words. */
export function countedItems(tokens: Token[], request: CountRequest, keep = tokenFilter(request.filter ?? {})): string[] {
  return request.ngram ? ngramsOf(wordRuns(tokens, keep), request.ngram) : tokens.filter(keep).map((t) => t.text);
}

/** Characters of a text without whitespace: the denominator of `--per chars`. */
export function charCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 0x3000) n++;
  }
  return n;
}

/** A segmented document: what counting needs and nothing more. */
export interface SegmentedDocument {
  id: string;
  meta: Meta;
  text: string;
  tokens: Token[];
}

/** Counts a stream of segmented documents in one pass. */
export function countSegmented(
  docs: Iterable<SegmentedDocument>,
  request: CountRequest,
  onLeftOut: (doc: { id: string; meta: Meta }) => void = () => {},
): GroupedCounts {
  const acc = new CountAccumulator(request);
  const keep = tokenFilter(request.filter ?? {});
  for (const doc of docs) {
    const label = groupOf(doc, request.field);
    if (label === undefined) onLeftOut(doc);
    else acc.add(label, countedItems(doc.tokens, request, keep), charCount(doc.text), request.only);
  }
  return acc.counts;
}

/** Segments and counts a stream of documents in one pass. */
export function countCorpus(
  docs: Iterable<Document>,
  segmenter: Segmenter,
  request: CountRequest = {},
  onLeftOut: (doc: { id: string; meta: Meta }) => void = () => {},
): GroupedCounts {
  const tagging = Boolean(request.filter?.pos);
  function* segmented(): Generator<SegmentedDocument> {
    for (const doc of docs) yield { id: doc.id, meta: doc.meta, text: doc.text, tokens: segmenter.cut(doc.text, { pos: tagging }) };
  }
  return countSegmented(segmented(), request, onLeftOut);
}
