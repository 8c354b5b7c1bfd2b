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
export interface GroupedCounts {
  field?: string;
  groups: string[];
  tokens: number[];
  chars: number[];
  docTokens: number[];
  terms: Map<string, TermCount>;
}

export interface CountOptions {
  field?: string;
  keepPerDoc?: boolean;
  keepPositions?: boolean;
}

/** One document's distinct terms in order of first use, and how often each occurs. */
export interface DocumentTerms {
  terms: string[];
  counts: number[];
}

/**
 * Counts the items of one document at a time. Terms get ids that last across documents, so an item costs
 * one Map lookup and its count lives in a typed array; a Map per document and a merge of it into the corpus
 * counts cost more (every item is a fresh string from the segmenter, hashed and compared at each lookup).
 */
export class DocumentCounter {
  private readonly ids = new Map<string, number>();
  /** Terms by id, in order of first sight. */
  readonly vocabulary: string[] = [];
  private perId = new Int32Array(4096);

  /** The id of a term, a new one on first sight. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.vocabulary.push(term) - 1;
      this.ids.set(term, id);
      if (id === this.perId.length) this.perId = grown(this.perId, 2 * id);
    }
    return id;
  }

  /**
   * Counts a document's items (only those in `only`, when given): its distinct term ids in order of first use
   * and their counts. `onItem` sees the id and index of every counted item.
   */
  count(items: string[], only?: Set<string>, onItem?: (id: number, index: number) => void): { ids: number[]; counts: number[] } {
    const ids: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (only !== undefined && !only.has(item)) continue;
      const id = this.id(item);
      if (this.perId[id]++ === 0) ids.push(id);
      onItem?.(id, i);
    }
    const counts = new Array<number>(ids.length);
    for (let k = 0; k < ids.length; k++) {
      counts[k] = this.perId[ids[k]];
      this.perId[ids[k]] = 0;
    }
    return { ids, counts };
  }

  /** `count`, with the terms themselves. */
  terms(items: string[], only?: Set<string>): DocumentTerms {
    const { ids, counts } = this.count(items, only);
    return { terms: ids.map((id) => this.vocabulary[id]), counts };
  }
}

function grown<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/**
 * Adds up documents into GroupedCounts. While counting, totals live in typed arrays indexed by term id (a
 * document's terms are not scattered objects to touch); `result` builds the per-term records once at the end.
 */
export class CountAccumulator {
  private readonly groupIndex = new Map<string, number>();
  private readonly groups: string[] = [];
  private readonly tokens: number[] = [];
  private readonly chars: number[] = [];
  private readonly docTokens: number[] = [];
  private readonly counter = new DocumentCounter();
  private capacity = 4096;
  /** Count of each term id, per group. */
  private readonly byGroup: Float64Array[] = [];
  /** Documents using each term id. */
  private docs = new Float64Array(this.capacity);
  private readonly perDoc: number[][] = [];
  private readonly positions: number[][] = [];
  private position = 0;

  constructor(private readonly options: CountOptions = {}) {}

  private group(label: string): number {
    let g = this.groupIndex.get(label);
    if (g === undefined) {
      g = this.groups.push(label) - 1;
      this.groupIndex.set(label, g);
      this.tokens.push(0);
      this.chars.push(0);
      this.byGroup.push(new Float64Array(this.capacity));
    }
    return g;
  }

  /**
   * Adds one document: `items` are its units (words or n-grams) in text order; all of them make up the
   * document's size, but with `only` just those terms are counted. Returns the document's own counts.
   */
  add(groupLabel: string, items: string[], charCount: number, only?: Set<string>): DocumentTerms {
    const g = this.document(groupLabel, items.length, charCount);
    const at = this.position;
    const onItem = this.options.keepPositions ? (id: number, i: number) => this.positionsOf(id).push(at + i) : undefined;
    const { ids, counts } = this.counter.count(items, only, onItem);
    this.position += items.length;
    const terms = new Array<string>(ids.length);
    for (let k = 0; k < ids.length; k++) {
      terms[k] = this.counter.vocabulary[ids[k]];
      this.addTerm(g, ids[k], counts[k]);
    }
    return { terms, counts };
  }

  /** Adds one document already counted elsewhere (a memo): its distinct terms and their counts. */
  addCounts(groupLabel: string, terms: string[], termCounts: ArrayLike<number>, tokenCount: number, charCount: number): void {
    const g = this.document(groupLabel, tokenCount, charCount);
    for (let i = 0; i < terms.length; i++) this.addTerm(g, this.counter.id(terms[i]), termCounts[i]);
  }

  /** The id under which this accumulator counts a term (ids are given in order of first sight). */
  termId(term: string): number {
    return this.counter.id(term);
  }

  /** Adds one document counted elsewhere (a worker thread) whose terms are given as ids of termId. */
  addIds(groupLabel: string, ids: ArrayLike<number>, termCounts: ArrayLike<number>, tokenCount: number, charCount: number): void {
    const g = this.document(groupLabel, tokenCount, charCount);
    for (let i = 0; i < ids.length; i++) this.addTerm(g, ids[i], termCounts[i]);
  }

  /** Opens a document's entry; returns its group index. */
  private document(groupLabel: string, tokenCount: number, charCount: number): number {
    const g = this.group(groupLabel);
    this.docTokens.push(tokenCount);
    this.tokens[g] += tokenCount;
    this.chars[g] += charCount;
    return g;
  }

  private addTerm(g: number, id: number, n: number): void {
    if (id >= this.capacity) this.grow(id);
    this.byGroup[g][id] += n;
    this.docs[id] += 1;
    if (this.options.keepPerDoc) (this.perDoc[id] ??= []).push(this.docTokens.length - 1, n);
  }

  private positionsOf(id: number): number[] {
    return (this.positions[id] ??= []);
  }

  private grow(id: number): void {
    while (this.capacity <= id) this.capacity *= 2;
    this.docs = grown(this.docs, this.capacity);
    this.byGroup.forEach((counts, g) => (this.byGroup[g] = grown(counts, this.capacity)));
  }

  /** The counts so far, one record per term in order of first sight. */
  result(): GroupedCounts {
    const terms = new Map<string, TermCount>();
    this.counter.vocabulary.forEach((term, id) => {
      // A term's byGroup runs to the last group that uses it, as code reading it with `?? 0` expects.
      let last = this.groups.length - 1;
      while (last >= 0 && this.byGroup[last][id] === 0) last--;
      const tc: TermCount = { byGroup: Array.from({ length: last + 1 }, (_, g) => this.byGroup[g][id]), docs: this.docs[id] };
      if (this.options.keepPerDoc) tc.perDoc = this.perDoc[id] ?? [];
      if (this.options.keepPositions) tc.positions = this.positions[id] ?? [];
      terms.set(term, tc);
    });
    const { field } = this.options;
    return { field, groups: [...this.groups], tokens: [...this.tokens], chars: [...this.chars], docTokens: [...this.docTokens], terms };
  }
}

export function termTotal(tc: TermCount): number {
  let sum = 0;
  for (const n of tc.byGroup) sum += n;
  return sum;
}

export function groupCount(tc: TermCount, g: number): number {
  return tc.byGroup[g] ?? 0;
}
