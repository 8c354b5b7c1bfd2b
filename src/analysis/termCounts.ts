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

export class CountAccumulator {
  readonly counts: GroupedCounts;
  private readonly groupIndex = new Map<string, number>();
  private position = 0;

  constructor(private readonly options: CountOptions = {}) {
    this.counts = { field: options.field, groups: [], tokens: [], chars: [], docTokens: [], terms: new Map() };
  }

  private group(label: string): number {
    let g = this.groupIndex.get(label);
    if (g === undefined) {
      g = this.counts.groups.length;
      this.groupIndex.set(label, g);
      this.counts.groups.push(label);
      this.counts.tokens.push(0);
      this.counts.chars.push(0);
    }
    return g;
  }

  /**
   * Adds one document: `items` are its units (words or n-grams) in text order; all of them make up the
   * document's size, but with `only` just those terms are counted.
   */
  add(groupLabel: string, items: string[], charCount: number, only?: Set<string>): void {
    const local = localCounts(items, only);
    if (this.options.keepPositions) {
      items.forEach((item, i) => {
        if (local.has(item)) this.term(item).positions!.push(this.position + i);
      });
    }
    this.position += items.length;
    this.addCounts(groupLabel, [...local.keys()], [...local.values()], items.length, charCount);
  }

  /** Adds one document already counted elsewhere (a worker thread): its distinct terms and their counts. */
  addCounts(groupLabel: string, terms: string[], termCounts: number[], tokenCount: number, charCount: number): void {
    const { counts } = this;
    const g = this.group(groupLabel);
    const docIndex = counts.docTokens.length;
    counts.docTokens.push(tokenCount);
    counts.tokens[g] += tokenCount;
    counts.chars[g] += charCount;
    terms.forEach((item, i) => {
      const n = termCounts[i];
      const tc = this.term(item);
      while (tc.byGroup.length <= g) tc.byGroup.push(0);
      tc.byGroup[g] += n;
      tc.docs += 1;
      tc.perDoc?.push(docIndex, n);
    });
  }

  private term(item: string): TermCount {
    let tc = this.counts.terms.get(item);
    if (!tc) {
      tc = { byGroup: [], docs: 0 };
      if (this.options.keepPerDoc) tc.perDoc = [];
      if (this.options.keepPositions) tc.positions = [];
      this.counts.terms.set(item, tc);
    }
    return tc;
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

/** Occurrences of each distinct item of one document (only those in `only`, when given). */
export function localCounts(items: string[], only?: Set<string>): Map<string, number> {
  const local = new Map<string, number>();
  for (const item of items) {
    if (only && !only.has(item)) continue;
    local.set(item, (local.get(item) ?? 0) + 1);
  }
  return local;
}
