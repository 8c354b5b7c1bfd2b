/**
 * Moves heap[i] down a binary min-heap until neither child comes `before` it: the one step both k-way merges of
 * sorted runs (cooc's pair records, --discover's n-gram runs) repeat after taking or advancing the top.
 */
export function siftDown<T>(heap: T[], i: number, before: (a: T, b: T) => boolean): void {
  for (;;) {
    const [l, r] = [2 * i + 1, 2 * i + 2];
    let m = i;
    if (l < heap.length && before(heap[l], heap[m])) m = l;
    if (r < heap.length && before(heap[r], heap[m])) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m], heap[i]];
    i = m;
  }
}
