import type { Document, Meta } from '../corpus/document.js';
import type { Segmenter, Words } from '../segment/token.js';
import { ngramsOf } from './ngrams.js';
import { CountAccumulator, type CountOptions, type GroupedCounts } from './termCounts.js';
import { wordFilter, wordRuns, type FilterOptions } from './tokenFilter.js';

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
export function countedItems(cut: Words, request: CountRequest, keep = wordFilter(request.filter ?? {})): string[] {
  if (request.ngram) return ngramsOf(wordRuns(cut, keep), request.ngram);
  const { words, tags } = cut;
  const items: string[] = [];
  for (let i = 0; i < words.length; i++) if (keep(words[i], tags?.[i])) items.push(words[i]);
  return items;
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
  cut: Words;
}

/** Counts a stream of segmented documents in one pass. */
export function countSegmented(
  docs: Iterable<SegmentedDocument>,
  request: CountRequest,
  onLeftOut: (doc: { id: string; meta: Meta }) => void = () => {},
): GroupedCounts {
  const acc = new CountAccumulator(request);
  const keep = wordFilter(request.filter ?? {});
  for (const doc of docs) {
    const label = groupOf(doc, request.field);
    if (label === undefined) onLeftOut(doc);
    else acc.add(label, countedItems(doc.cut, request, keep), charCount(doc.text), request.only);
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
    for (const doc of docs) {
      const tokens = segmenter.cut(doc.text, { pos: tagging });
      const cut: Words = { words: tokens.map((t) => t.text) };
      if (tagging) cut.tags = tokens.map((t) => t.pos ?? '');
      yield { id: doc.id, meta: doc.meta, text: doc.text, cut };
    }
  }
  return countSegmented(segmented(), request, onLeftOut);
}
