import type { Meta } from '../corpus/document.js';
import { GroupIndex, type Grouping, type LeftOutDocument } from './groups.js';
import { emptyTally, tallyDocument, type SearchTally } from './searchTally.js';
/** Counts of one term: per group, in how many documents, and where (only when dispersion is asked for). */
export interface TermCount {
  byGroup: number[];
  docs: number;
  /** [document index, count] pairs for Gries' DP across documents. */
  perDoc?: number[];
  /** Corpus-wide token positions, for Juilland's D over equal parts. */
  positions?: number[];
}

/**
 * Everything frequency, keyness and dispersion need, counted in one pass. Memory grows with the vocabulary
 * (and with occurrences only when positions are kept for --parts), not with the text.
 */
export interface GroupedCounts extends Grouping {
  groups: string[];
  leftOut: LeftOutDocument[];
  tokens: number[];
  chars: number[];
  docTokens: number[];
  terms: Map<string, TermCount>;
  /** With CountOptions.search: the occurrences of those terms in the text, per group (trend's counts). */
  search?: SearchTally;
}

/**
 * The counted units of a segmented text and its size. The size is its word tokens whatever is counted, so that a
 * term's rate does not move when stopwords, POS or length filters drop other words, and n-gram rates are per
 * 10,000 words too.
 */
export interface CountedUnits {
  /** Kept words, or n-grams inside runs of kept words, in text order. */
  items: string[];
  /** Word tokens (punctuation and whitespace excluded). */
  words: number;
  /** The word index (of the first word) of each item, when asked for: Juilland's D places items among words. */
  wordIndex?: number[];
}

export interface CountOptions {
  field?: string;
  keepPerDoc?: boolean;
  keepPositions?: boolean;
  /** Terms searched in the text as kwic finds them (searchTally.ts), counted per group in the same pass. */
  search?: string[];
}

/** What a document adds besides its terms: its size in word tokens and characters, the positions and search matches asked for. */
export interface DocumentSize {
  size: number;
  chars: number;
  /** Word positions within the document by term id (CountOptions.keepPositions). */
  positions?: Map<number, number[]>;
  /** The occurrences of each CountOptions.search term. */
  matches?: number[];
}

/** One document's distinct terms in order of first use, and how often each occurs. */
export interface DocumentTerms {
  terms: string[];
  counts: number[];
}

/**
 * Counts the items of one document at a time. Terms get ids that last across documents, so an item costs
 * one Map lookup (a fresh string from the segmenter, hashed and compared) and its count lives in a typed
 * array; a Map per document merged into the corpus counts costs a second lookup per distinct term. The ids
 * also let a worker thread send its counts as arrays (countMessages.ts).
 */
export class DocumentCounter {
  private readonly ids = new Map<string, number>();
  /** Terms by id, in order of first sight. */
  readonly vocabulary: string[] = [];
  private perId = new Int32Array(4096);
  /** Distinct term ids of the document being counted, in order of first use (their counts are in perId). */
  private docIds: number[] = [];

  /** The id of a term, a new one on first sight. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.vocabulary.push(term) - 1;
      this.ids.set(term, id);
      if (id === this.perId.length) {
        const grown = new Int32Array(2 * id);
        grown.set(this.perId);
        this.perId = grown;
      }
    }
    return id;
  }

  /**
   * Counts some items of the current document (only those in `only`, when given), in text order; a document
   * may come in chunks. `onItem` sees the id and index (within these items) of every counted item.
   */
  addItems(items: readonly string[], only?: Set<string>, onItem?: (id: number, index: number) => void): void {
    const { docIds } = this;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (only !== undefined && !only.has(item)) continue;
      const id = this.id(item);
      if (this.perId[id]++ === 0) docIds.push(id);
      onItem?.(id, i);
    }
  }

  /** Counts one occurrence of a term id (of `id`) in the current document. */
  addId(id: number): void {
    if (this.perId[id]++ === 0) this.docIds.push(id);
  }

  /** Ends the current document: its distinct term ids in order of first use and their counts. */
  take(): { ids: number[]; counts: number[] } {
    const ids = this.docIds;
    const counts = new Array<number>(ids.length);
    for (let k = 0; k < ids.length; k++) {
      counts[k] = this.perId[ids[k]];
      this.perId[ids[k]] = 0;
    }
    this.docIds = [];
    return { ids, counts };
  }

  /** Counts a whole document's items: addItems, then take. */
  count(items: readonly string[], only?: Set<string>, onItem?: (id: number, index: number) => void): { ids: number[]; counts: number[] } {
    this.addItems(items, only, onItem);
    return this.take();
  }
}

export class CountAccumulator {
  readonly counts: GroupedCounts;
  private readonly groupIndex: GroupIndex;
  /** Its term ids: a FileCounter in this thread counts documents with the same counter, so its ids are these. */
  readonly counter = new DocumentCounter();
  /** The TermCount of each of the counter's term ids, once the term is counted here. */
  private readonly byId: TermCount[] = [];
  private position = 0;

  constructor(private readonly options: CountOptions = {}) {
    const counts: GroupedCounts = { field: options.field, groups: [], leftOut: [], tokens: [], chars: [], docTokens: [], terms: new Map() };
    if (options.search) counts.search = emptyTally(options.search.length);
    this.groupIndex = new GroupIndex(options.field, () => (counts.tokens.push(0), counts.chars.push(0)));
    counts.groups = this.groupIndex.labels;
    counts.leftOut = this.groupIndex.leftOut;
    this.counts = counts;
  }

  /** The group label of a document (groupOf), or undefined when it lacks the field: it is then noted as left out. */
  groupOf(doc: { id: string; meta: Meta }): string | undefined {
    const g = this.groupIndex.groupOf(doc);
    return g === undefined ? undefined : this.groupIndex.labels[g];
  }

  /** Notes a document left out of the grouping elsewhere (in a worker thread, or a memo of one). */
  leaveOut(doc: { id: string; meta: Meta }): void {
    this.groupIndex.leaveOut(doc);
  }

  /**
   * Adds one document: its counted units in text order and its size in word tokens; with `only`, just those
   * terms are counted. Returns the document's own counts.
   */
  add(groupLabel: string, units: CountedUnits, charCount: number, only?: Set<string>): DocumentTerms {
    const positions = this.options.keepPositions ? new Map<number, number[]>() : undefined;
    const { ids, counts } = this.counter.count(units.items, only, positions && positionsOf(units, 0, positions));
    this.addIds(groupLabel, ids, counts, { size: units.words, chars: charCount, positions });
    return { terms: ids.map((id) => this.counter.vocabulary[id]), counts };
  }

  /** Adds one document already counted elsewhere (a memo): its distinct terms and their counts. */
  addCounts(groupLabel: string, terms: string[], termCounts: ArrayLike<number>, doc: DocumentSize): void {
    const g = this.document(groupLabel, doc);
    for (let i = 0; i < terms.length; i++) this.addTerm(g, this.termOf(this.counter.id(terms[i])), termCounts[i]);
  }

  /** The id under which this accumulator counts a term (ids are given in order of first sight). */
  termId(term: string): number {
    return this.counter.id(term);
  }

  /**
   * Adds one document counted elsewhere (with `counter`, or in a worker thread) whose terms are given as ids of
   * termId; with positions kept, `doc.positions` holds each term's word positions within the document.
   */
  addIds(groupLabel: string, ids: ArrayLike<number>, termCounts: ArrayLike<number>, doc: DocumentSize): void {
    const g = this.document(groupLabel, doc);
    const { positions } = doc;
    for (let i = 0; i < ids.length; i++) this.addTerm(g, this.termOf(ids[i]), termCounts[i]);
    if (!this.options.keepPositions) return;
    if (!positions) throw new Error('positions need the word positions of each term');
    for (const [id, list] of positions) {
      const kept = this.termOf(id).positions!;
      for (const p of list) kept.push(this.position + p);
    }
    this.position += doc.size;
  }

  /** Opens a document's entry; returns its group index. */
  private document(groupLabel: string, doc: DocumentSize): number {
    const { counts } = this;
    const g = this.groupIndex.numberOf(groupLabel);
    counts.docTokens.push(doc.size);
    counts.tokens[g] += doc.size;
    counts.chars[g] += doc.chars;
    if (counts.search) {
      if (!doc.matches) throw new Error('a search needs the matches of each document');
      tallyDocument(counts.search, g, doc.matches);
    }
    return g;
  }

  private addTerm(g: number, tc: TermCount, n: number): void {
    while (tc.byGroup.length <= g) tc.byGroup.push(0);
    tc.byGroup[g] += n;
    tc.docs += 1;
    tc.perDoc?.push(this.counts.docTokens.length - 1, n);
  }

  /** The TermCount of a term id, made when the term is first counted (terms enter in order of first sight). */
  private termOf(id: number): TermCount {
    let tc = this.byId[id];
    if (!tc) {
      tc = { byGroup: [], docs: 0 };
      if (this.options.keepPerDoc) tc.perDoc = [];
      if (this.options.keepPositions) tc.positions = [];
      this.counts.terms.set(this.counter.vocabulary[id], tc);
      this.byId[id] = tc;
    }
    return tc;
  }
}

/**
 * The `onItem` of DocumentCounter.addItems that notes, by term id, the word position of each counted unit of
 * `units`, counted from `at` (where these units start in their document): what Juilland's D needs.
 */
export function positionsOf(units: CountedUnits, at: number, positions: Map<number, number[]>): (id: number, index: number) => void {
  const { wordIndex } = units;
  if (!wordIndex) throw new Error('positions need the word index of each counted unit');
  return (id, i) => {
    const list = positions.get(id);
    if (list) list.push(at + wordIndex[i]);
    else positions.set(id, [at + wordIndex[i]]);
  };
}

export function termTotal(tc: TermCount): number {
  let sum = 0;
  for (const n of tc.byGroup) sum += n;
  return sum;
}

export function groupCount(tc: TermCount, g: number): number {
  return tc.byGroup[g] ?? 0;
}
