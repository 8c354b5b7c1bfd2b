/**
 * Appends to `out` the n-grams (n from min to max) of one run of words, joined by a space so their parts stay
 * visible; `onGram` sees the index in the run of each n-gram's first word.
 */
export function ngramsOf(run: readonly string[], [min, max]: [number, number], out: string[], onGram?: (first: number) => void): void {
  for (let i = 0; i < run.length; i++) {
    // Grown one word at a time: the n-gram of n words extends the one of n − 1.
    let gram = run[i];
    for (let n = 1; n <= max && i + n <= run.length; n++) {
      if (n > 1) gram += ` ${run[i + n - 1]}`;
      if (n >= min) {
        out.push(gram);
        onGram?.(i);
      }
    }
  }
}

/** Parses `2..4`, `2-4` or `3` into [min, max]. */
export function parseNgramRange(spec: string): [number, number] | undefined {
  const m = /^(\d+)(?:(?:\.\.|-)(\d+))?$/.exec(spec.trim());
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  return min >= 1 && max >= min && max <= 8 ? [min, max] : undefined;
}
