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
  /** The counts but their terms, which are made from the arrays below when asked for (counts). */
  private readonly base: GroupedCounts;
  private readonly groupIndex: GroupIndex;
  /** Its term ids: a FileCounter in this thread counts documents with the same counter, so its ids are these. */
  readonly counter = new DocumentCounter();
  /**
   * By the counter's term id: in how many documents the term occurs, and per group how often. Arrays by id, not
   * an object per term: a document's distinct terms (a few thousand) then cost a read and a write each in two
   * arrays, where an object per term and its array of group counts, scattered over the heap, took 400 ns a term
   * (freq on 20 MB of reports: 0.3–0.5 s of the counting thread).
   */
  private docs = new Int32Array(1024);
  private readonly byGroup: Float64Array[] = [];
  /** The term ids in order of first count: the order of `terms`. */
  private readonly order: number[] = [];
  /** By term id, with keepPerDoc: [document index, count] pairs; with keepPositions: corpus-wide word positions. */
  private readonly perDoc: number[][] = [];
  private readonly positionsOf: number[][] = [];
  private position = 0;
  /** The counts as last asked for, until a document is added. */
  private made: GroupedCounts | undefined;

  constructor(private readonly options: CountOptions = {}) {
    const counts: GroupedCounts = { field: options.field, groups: [], leftOut: [], tokens: [], chars: [], docTokens: [], terms: new Map() };
    if (options.search) counts.search = emptyTally(options.search.length);
    this.groupIndex = new GroupIndex(options.field, () => (counts.tokens.push(0), counts.chars.push(0), this.byGroup.push(new Float64Array(1024))));
    counts.groups = this.groupIndex.labels;
    counts.leftOut = this.groupIndex.leftOut;
    this.base = counts;
  }

  /** Everything counted so far, each term with its TermCount, in order of first count. */
  get counts(): GroupedCounts {
    if (this.made) return this.made;
    const terms = new Map<string, TermCount>();
    const { vocabulary } = this.counter;
    for (const id of this.order) {
      let groups = this.byGroup.length;
      while (groups > 0 && !(this.byGroup[groups - 1][id] > 0)) groups--;
      const byGroup = new Array<number>(groups);
      for (let g = 0; g < groups; g++) byGroup[g] = this.byGroup[g][id] ?? 0;
      const tc: TermCount = { byGroup, docs: this.docs[id] };
      if (this.options.keepPerDoc) tc.perDoc = this.perDoc[id];
      if (this.options.keepPositions) tc.positions = this.positionsOf[id] ?? [];
      terms.set(vocabulary[id], tc);
    }
    return (this.made = { ...this.base, terms });
  }

  /** The group label of a document (groupOf), or undefined when it lacks the field: it is then noted as left out. */
  groupOf(doc: { id: string; meta: Meta }): string | undefined {
    const g = this.groupIndex.groupOf(doc);
    return g === undefined ? undefined : this.groupIndex.labels[g];
  }

  /** Notes a document left out of the grouping elsewhere (in a worker thread, or a memo of one). */
  leaveOut(doc: { id: string; meta: Meta }): void {
    this.made = undefined;
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
    const ids = new Array<number>(terms.length);
    for (let i = 0; i < terms.length; i++) ids[i] = this.counter.id(terms[i]);
    this.addIds(groupLabel, ids, termCounts, doc);
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
    // Every id is the counter's (termId), so below its vocabulary's length.
    this.reach(g, this.counter.vocabulary.length - 1);
    const { docs, order, perDoc } = this;
    const inGroup = this.byGroup[g];
    const docIndex = this.base.docTokens.length - 1;
    const keepPerDoc = Boolean(this.options.keepPerDoc);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (docs[id]++ === 0) order.push(id);
      inGroup[id] += termCounts[i];
      if (keepPerDoc) (perDoc[id] ??= []).push(docIndex, termCounts[i]);
    }
    if (!this.options.keepPositions) return;
    if (!doc.positions) throw new Error('positions need the word positions of each term');
    for (const [id, list] of doc.positions) {
      const kept = (this.positionsOf[id] ??= []);
      for (const p of list) kept.push(this.position + p);
    }
    this.position += doc.size;
  }

  /** Grows the arrays by id to hold term ids up to `id`: the documents', and group g's counts. */
  private reach(g: number, id: number): void {
    const grow = <A extends Int32Array | Float64Array>(array: A, make: (length: number) => A): A => {
      if (id < array.length) return array;
      let length = array.length;
      while (length <= id) length *= 2;
      const grown = make(length);
      grown.set(array);
      return grown;
    };
    this.docs = grow(this.docs, (n) => new Int32Array(n));
    this.byGroup[g] = grow(this.byGroup[g], (n) => new Float64Array(n));
  }

  /** Opens a document's entry; returns its group index. */
  private document(groupLabel: string, doc: DocumentSize): number {
    this.made = undefined;
    const counts = this.base;
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
