import type { ResultTable } from '../format/table.js';

/** One merge of agglomerative clustering: clusters a and b (leaf i is i, merge m is n + m) joined at `height`. */
export interface Merge {
  a: number;
  b: number;
  height: number;
  size: number;
}

/**
 * Average-linkage (UPGMA) hierarchical clustering of n items from a distance matrix: repeatedly joins the two
 * closest clusters, the distance between clusters being the mean of the distances between their members. Ties go
 * to the pair with the lowest ids, so the tree is deterministic. O(n³), for the tens of documents or groups it is for.
 */
export function averageLinkage(distance: number[][]): Merge[] {
  const n = distance.length;
  const members = new Map<number, number[]>(distance.map((_, i) => [i, [i]]));
  const merges: Merge[] = [];
  const between = (x: number[], y: number[]) => x.reduce((s, i) => s + y.reduce((t, j) => t + distance[i][j], 0), 0) / (x.length * y.length);
  while (members.size > 1) {
    const ids = [...members.keys()];
    let best: { a: number; b: number; d: number } | undefined;
    for (let p = 0; p < ids.length; p++) {
      for (let q = p + 1; q < ids.length; q++) {
        const d = between(members.get(ids[p])!, members.get(ids[q])!);
        if (!best || d < best.d - 1e-12) best = { a: ids[p], b: ids[q], d };
      }
    }
    const joined = [...members.get(best!.a)!, ...members.get(best!.b)!];
    members.delete(best!.a);
    members.delete(best!.b);
    members.set(n + merges.length, joined);
    merges.push({ a: best!.a, b: best!.b, height: best!.d, size: joined.length });
  }
  return merges;
}

/** The merges as a table: step, the two clusters (a leaf's label, or `#k` for the cluster made at step k), height, size. */
export function mergeTable(merges: Merge[], labels: string[]): ResultTable {
  const name = (id: number) => (id < labels.length ? labels[id] : `#${id - labels.length + 1}`);
  return {
    columns: ['step', 'a', 'b', 'height', 'size'],
    rows: merges.map((m, k) => ({ step: k + 1, a: name(m.a), b: name(m.b), height: m.height, size: m.size })),
    decimals: { height: 3 },
  };
}
