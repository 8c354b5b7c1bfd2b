/**
 * A seeded pseudo-random generator (mulberry32: 32-bit state, uniform in [0, 1)), so that --sample and topic
 * models give the same result for the same --seed on every machine and Node version; Math.random cannot be seeded.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n items drawn without replacement (a partial Fisher–Yates shuffle), returned in their original order. */
export function sampleOf<T>(items: readonly T[], n: number, random: () => number): T[] {
  const index = items.map((_, i) => i);
  const k = Math.min(n, items.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (index.length - i));
    [index[i], index[j]] = [index[j], index[i]];
  }
  return index.slice(0, k).sort((a, b) => a - b).map((i) => items[i]);
}
