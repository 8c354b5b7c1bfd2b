import type { Token } from './token.js';

/** Index of the token that starts exactly at `offset`, or -1 (tokens are sorted and contiguous). */
function tokenStartingAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = tokens[mid].start;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Joins multi-token phrases into one token after segmentation (quanteda's tokens_compound). jieba cuts at
 * 、 · and spaces before it looks at its dictionary, so `市县主战、派出所主防` can only be kept whole here.
 * A phrase is joined only where it starts and ends on token boundaries, so no other token changes.
 * Texts without any phrase (most of them) cost one indexOf per phrase and nothing else.
 */
export function compoundPhrases(text: string, tokens: Token[], phrases: readonly string[]): Token[] {
  const joins: Array<[number, number]> = [];
  for (const phrase of phrases) {
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
      const first = tokenStartingAt(tokens, at);
      const after = tokenStartingAt(tokens, at + phrase.length);
      const last = after === -1 ? (tokens[tokens.length - 1]?.end === at + phrase.length ? tokens.length - 1 : -1) : after - 1;
      if (first !== -1 && last > first) joins.push([first, last]);
    }
  }
  if (joins.length === 0) return tokens;
  // Longest phrase wins where two overlap: sort by start, then by length descending.
  joins.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: Token[] = [];
  let next = 0;
  for (const [first, last] of joins) {
    if (first < next) continue;
    while (next < first) out.push(tokens[next++]);
    const start = tokens[first].start;
    const end = tokens[last].end;
    const joined: Token = { text: text.slice(start, end), start, end };
    if (tokens[first].pos !== undefined) joined.pos = 'nz';
    out.push(joined);
    next = last + 1;
  }
  while (next < tokens.length) out.push(tokens[next++]);
  return out;
}
