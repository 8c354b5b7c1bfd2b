import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import type { ResultTable, Row } from '../format/table.js';

/**
 * Correspondence analysis of a groups × terms contingency table, as KH Coder draws it (Greenacre 2007): with
 * P = N/n, row masses r and column masses c, S = D_r^−½ (P − r cᵀ) D_c^−½ = U Σ Vᵀ (SVD by ml-matrix). Principal
 * inertias λ_k = σ_k² sum to the total inertia χ²/n; principal coordinates are F = D_r^−½ U Σ (rows) and
 * G = D_c^−½ V Σ (columns), so that distances between points of one set are their χ² distances.
 */
export interface Correspondence {
  rows: string[];
  columns: string[];
  rowMass: number[];
  columnMass: number[];
  /** λ_k per dimension, largest first. */
  inertia: number[];
  /** [row][dim] and [column][dim] principal coordinates. */
  rowCoords: number[][];
  columnCoords: number[][];
}

export function correspondence(rowLabels: string[], columnLabels: string[], counts: number[][]): Correspondence {
  const n = counts.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0);
  if (n === 0) throw new RangeError('correspondence analysis of an empty table');
  const r = counts.map((row) => row.reduce((t, x) => t + x, 0) / n);
  const c = columnLabels.map((_, j) => counts.reduce((s, row) => s + row[j], 0) / n);
  const s = new Matrix(counts.map((row, i) => row.map((x, j) => (r[i] > 0 && c[j] > 0 ? (x / n - r[i] * c[j]) / Math.sqrt(r[i] * c[j]) : 0))));
  const svd = new SingularValueDecomposition(s, { autoTranspose: true });
  // Dimensions beyond min(rows, columns) − 1 carry no inertia (σ ≈ 0 up to rounding): they are not kept.
  const dims = Math.max(0, Math.min(rowLabels.length, columnLabels.length) - 1);
  const sigma = svd.diagonal.slice(0, dims);
  const u = svd.leftSingularVectors;
  const v = svd.rightSingularVectors;
  // An SVD's signs are arbitrary: each dimension is turned so that its largest row coordinate is positive.
  const sign = sigma.map((_, k) => {
    let at = 0;
    for (let i = 1; i < rowLabels.length; i++) if (Math.abs(u.get(i, k)) > Math.abs(u.get(at, k))) at = i;
    return u.get(at, k) < 0 ? -1 : 1;
  });
  return {
    rows: rowLabels,
    columns: columnLabels,
    rowMass: r,
    columnMass: c,
    inertia: sigma.map((x) => x * x),
    rowCoords: r.map((m, i) => sigma.map((x, k) => (m > 0 ? (sign[k] * u.get(i, k) * x) / Math.sqrt(m) : 0))),
    columnCoords: c.map((m, j) => sigma.map((x, k) => (m > 0 ? (sign[k] * v.get(j, k) * x) / Math.sqrt(m) : 0))),
  };
}

/** Inertia per dimension: dim, inertia (λ), share (of the total), cumulative share. */
export function inertiaTable(ca: Correspondence): ResultTable {
  const total = ca.inertia.reduce((s, x) => s + x, 0);
  let cumulative = 0;
  const rows: Row[] = ca.inertia.map((lambda, k) => {
    cumulative += lambda;
    return { dim: k + 1, inertia: lambda, share: total > 0 ? lambda / total : 0, cumulative: total > 0 ? cumulative / total : 0 };
  });
  return { columns: ['dim', 'inertia', 'share', 'cumulative'], rows, decimals: { inertia: 4, share: 3, cumulative: 3 } };
}

/** Coordinates of both sets on the first `dims` dimensions: kind (row | column), label, mass, dim1 … */
export function coordinateTable(ca: Correspondence, dims: number, rowKind: string): ResultTable {
  const d = Math.min(dims, ca.inertia.length);
  const dimColumns = Array.from({ length: d }, (_, k) => `dim${k + 1}`);
  const row = (kind: string, label: string, mass: number, coords: number[]): Row => {
    const out: Row = { kind, label, mass };
    dimColumns.forEach((c, k) => (out[c] = coords[k]));
    return out;
  };
  const rows = [
    ...ca.rows.map((label, i) => row(rowKind, label, ca.rowMass[i], ca.rowCoords[i])),
    ...ca.columns.map((label, j) => row('term', label, ca.columnMass[j], ca.columnCoords[j])),
  ];
  return { columns: ['kind', 'label', 'mass', ...dimColumns], rows, decimals: { mass: 4, ...Object.fromEntries(dimColumns.map((c) => [c, 3])) } };
}
