import type { Meta } from '../corpus/document.js';

/** The fixed columns of the tables that give each group columns of its own (freq, slogans, themes, side by side). */
const FIXED_COLUMNS = new Set(['term', 'total', 'per10k', 'per10k_chars', 'docfreq', 'dp', 'juilland_d', 'rank', 'theme', 'share', 'docs', 'quoted', 'variants', 'kind', 'first']);

/**
 * The label of a group: its value, or for a value named like a fixed column (a city called `total`) the value
 * and the field (`total_city`), whose column would otherwise overwrite the fixed one.
 */
export function groupLabel(value: string, field: string): string {
  return FIXED_COLUMNS.has(value) ? `${value}_${field}` : value;
}

/** The group a document belongs to, or undefined when it lacks the field (it is then left out). */
export function groupOf(doc: { meta: Meta }, field: string | undefined): string | undefined {
  if (!field) return 'all';
  const value = doc.meta[field];
  return value ? groupLabel(value, field) : undefined;
}

/**
 * The groups of one grouped count, numbered in order of first appearance. Every count (word frequency,
 * co-occurrence, slogans, merged shards, KWIC) keeps its per-group arrays indexed by these numbers, and `labels`
 * is the counts' `groups` list itself.
 */
export class GroupIndex {
  readonly labels: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** `onNew(g)` runs for each new group, to grow the arrays kept in parallel with `labels`. */
  constructor(private readonly onNew: (g: number) => void = () => {}) {}

  /** The label's number; a label seen for the first time is numbered next. */
  numberOf(label: string): number {
    let g = this.numbers.get(label);
    if (g === undefined) {
      g = this.labels.push(label) - 1;
      this.numbers.set(label, g);
      this.onNew(g);
    }
    return g;
  }
}
