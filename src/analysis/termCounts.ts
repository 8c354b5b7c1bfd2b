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
    const tokenCount = items.length;
    const { counts, options } = this;
    const g = this.group(groupLabel);
    const docIndex = counts.docTokens.length;
    counts.docTokens.push(tokenCount);
    counts.tokens[g] += tokenCount;
    counts.chars[g] += charCount;
    const local = new Map<string, number>();
    items.forEach((item, i) => {
      if (only && !only.has(item)) return;
      local.set(item, (local.get(item) ?? 0) + 1);
      if (options.keepPositions) this.term(item).positions!.push(this.position + i);
    });
    this.position += items.length;
    for (const [item, n] of local) {
      const tc = this.term(item);
      while (tc.byGroup.length <= g) tc.byGroup.push(0);
      tc.byGroup[g] += n;
      tc.docs += 1;
      tc.perDoc?.push(docIndex, n);
    }
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
