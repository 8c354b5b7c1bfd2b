import type { ResultTable, Row } from '../resultTable.js';
import { type DocumentTerms, type DocumentUnit } from './documentTerms.js';
import { idf } from './keywords.js';

/**
 * Cosine similarity of documents or groups on tf-idf vectors: tf = a term's count in the unit ÷ the unit's counted
 * words, idf = ln((1 + N)/(1 + df)) + 1 over the N documents (as `tifa keywords`); cos = a·b/(|a||b|), 1 for
 * units with the same profile, 0 for units sharing no term.
 */
export function tfidfVectors(dt: DocumentTerms, units: DocumentUnit[]): Array<Map<number, number>> {
  const { df, documents: n } = dt;
  return units.map((unit) => {
    const counts = new Map<number, number>();
    for (const d of unit.docs) dt.rows[d].ids.forEach((id, j) => counts.set(id, (counts.get(id) ?? 0) + dt.rows[d].counts[j]));
    let kept = 0;
    for (const c of counts.values()) kept += c;
    const vector = new Map<number, number>();
    for (const [id, c] of counts) vector.set(id, (c / kept) * idf(df[id], n));
    return vector;
  });
}

export function cosine(a: Map<number, number>, b: Map<number, number>): number {
  let dot = 0;
  for (const [id, x] of a) dot += x * (b.get(id) ?? 0);
  const norm = (v: Map<number, number>) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
  const denominator = norm(a) * norm(b);
  return denominator > 0 ? dot / denominator : 0;
}

/** The similarity matrix: the unit column, then one column per unit, in the units' order. */
export function similarityMatrix(labels: string[], vectors: Array<Map<number, number>>, unitColumn: string): { table: ResultTable; matrix: number[][] } {
  // A unit against itself is 1 exactly, not 1 − rounding.
  const matrix = vectors.map((a, i) => vectors.map((b, j) => (i === j && a.size > 0 ? 1 : cosine(a, b))));
  const rows: Row[] = labels.map((label, i) => {
    const row: Row = { [unitColumn]: label };
    labels.forEach((other, j) => (row[other] = matrix[i][j]));
    return row;
  });
  return { table: { columns: [unitColumn, ...labels], rows, decimals: Object.fromEntries(labels.map((l) => [l, 3])) }, matrix };
}
