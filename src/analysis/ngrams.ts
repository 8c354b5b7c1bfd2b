/** N-grams (n from min to max) inside each run of words, joined by a space so their parts stay visible. */
export function ngramsOf(runs: string[][], [min, max]: [number, number]): string[] {
  const out: string[] = [];
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      for (let n = min; n <= max && i + n <= run.length; n++) out.push(run.slice(i, i + n).join(' '));
    }
  }
  return out;
}

/** Parses `2..4`, `2-4` or `3` into [min, max]. */
export function parseNgramRange(spec: string): [number, number] | undefined {
  const m = /^(\d+)(?:(?:\.\.|-)(\d+))?$/.exec(spec.trim());
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  return min >= 1 && max >= min && max <= 8 ? [min, max] : undefined;
}
