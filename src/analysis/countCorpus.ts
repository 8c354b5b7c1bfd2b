import type { Document, Meta } from '../corpus/document.js';
import type { Segmenter, Token, Words } from '../segment/token.js';
import { ngramsOf } from './ngrams.js';
import { CountAccumulator, type CountedUnits, type CountOptions, type GroupedCounts } from './termCounts.js';
import { isWordToken } from '../segment/wordToken.js';
import { wordFilter, wordRuns, type FilterOptions } from './tokenFilter.js';

export interface CountRequest extends CountOptions {
  filter?: FilterOptions;
  /** Count n-grams of n in [min, max] instead of single words. */
  ngram?: [number, number];
  /** Count only these terms (rates still use all tokens as the denominator). */
  only?: Set<string>;
}

/**
 * The counted units of a segmented text (kept words, or n-grams inside runs of kept words) and its size in word
 * tokens, with the word index of each unit when Juilland's D needs it.
 */
export function countedItems(cut: Words, request: CountRequest, keep = wordFilter(request.filter ?? {}), withIndex = false): CountedUnits {
  const { words, tags } = cut;
  const items: string[] = [];
  const wordIndex: number[] | undefined = withIndex ? [] : undefined;
  if (request.ngram) {
    const { runs, wordCount } = wordRuns(cut, keep);
    for (const run of runs) ngramsOf(run.words, request.ngram, items, wordIndex && ((i) => wordIndex.push(run.first + i)));
    return { items, words: wordCount, wordIndex };
  }
  // Without filter options keep is isWordToken itself, already asked below: once per token of the corpus.
  const filtered = keep !== isWordToken;
  let wordCount = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!isWordToken(word)) continue;
    if (!filtered || keep(word, tags?.[i])) {
      items.push(word);
      wordIndex?.push(wordCount);
    }
    wordCount++;
  }
  return { items, words: wordCount, wordIndex };
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

/** Counts segmented documents one at a time (documents without the grouping field in `leftOut`): countCorpus, and the report's one reading of the corpus. */
export class SegmentedCounter {
  private readonly acc: CountAccumulator;
  private readonly keep: ReturnType<typeof wordFilter>;

  constructor(private readonly request: CountRequest) {
    this.acc = new CountAccumulator(request);
    this.keep = wordFilter(request.filter ?? {});
  }

  add(doc: SegmentedDocument): void {
    const label = this.acc.groupOf(doc);
    if (label !== undefined) this.acc.add(label, countedItems(doc.cut, this.request, this.keep, Boolean(this.request.keepPositions)), charCount(doc.text), this.request.only);
  }

  get counts(): GroupedCounts {
    return this.acc.counts;
  }
}

/** A document and its tokens as SegmentedCounter takes them (tags only when the count filters on them). */
export function segmentedDocument(doc: Document, tokens: Token[], tagging: boolean): SegmentedDocument {
  const cut: Words = { words: tokens.map((t) => t.text) };
  if (tagging) cut.tags = tokens.map((t) => t.pos ?? '');
  return { id: doc.id, meta: doc.meta, text: doc.text, cut };
}

/** Segments and counts a stream of documents in one pass (documents without the grouping field in `leftOut`). */
export function countCorpus(docs: Iterable<Document>, segmenter: Segmenter, request: CountRequest = {}): GroupedCounts {
  const tagging = Boolean(request.filter?.pos);
  const counter = new SegmentedCounter(request);
  for (const doc of docs) counter.add(segmentedDocument(doc, segmenter.cut(doc.text, { pos: tagging }), tagging));
  return counter.counts;
}
