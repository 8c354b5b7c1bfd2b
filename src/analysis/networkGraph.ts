/** A term of a co-occurrence network: its token count, overall and per group, and who uses it most. */
export interface NetworkNode {
  term: string;
  count: number;
  /** Token count per group value (empty when the corpus is not grouped). */
  byGroup: Record<string, number>;
  /** The group with the highest rate per 10,000 tokens (undefined when not grouped). */
  topGroup?: string;
}

/** An undirected edge between two terms: units with both, and association scores by name. */
export interface NetworkEdge {
  source: string;
  target: string;
  both: number;
  scores: Record<string, number>;
}
