/** How a written window differs from a lexicon form by exactly one character. */
export type SingleEdit =
  | { kind: 'substitution'; at: number; written: string; expected: string }
  | { kind: 'insertion'; at: number; written: string }
  | { kind: 'deletion'; at: number; expected: string };

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * The one edit that turns `form` into `window` (Levenshtein distance exactly 1), or undefined. `at` is an index
 * in `window` for a substitution or insertion and in `form` for a deletion.
 */
export function singleEdit(window: string, form: string): SingleEdit | undefined {
  const prefix = commonPrefix(window, form);
  const suffix = commonSuffix(window, form);
  if (window.length === form.length) {
    if (prefix + suffix !== form.length - 1) return undefined;
    return { kind: 'substitution', at: prefix, written: window[prefix], expected: form[prefix] };
  }
  if (window.length === form.length + 1 && prefix + suffix >= form.length) {
    return { kind: 'insertion', at: prefix, written: window[prefix] };
  }
  if (window.length === form.length - 1 && prefix + suffix >= window.length) {
    return { kind: 'deletion', at: prefix, expected: form[prefix] };
  }
  return undefined;
}
