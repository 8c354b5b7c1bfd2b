import type { Token } from './token.js';

/**
 * Joins multi-token phrases into one token after segmentation (quanteda's tokens_compound). jieba cuts at
 * 、 · and spaces before it looks at its dictionary, so `市县主战、派出所主防` can only be kept whole here.
 * A phrase is joined only where it starts and ends on token boundaries, so no other token changes.
 */
export function compoundPhrases(text: string, tokens: Token[], phrases: readonly string[]): Token[] {
  if (phrases.length === 0 || tokens.length === 0) return tokens;
  const startIndex = new Map<number, number>();
  const endIndex = new Map<number, number>();
  tokens.forEach((t, i) => {
    startIndex.set(t.start, i);
    endIndex.set(t.end, i);
  });
  const joins: Array<[number, number]> = [];
  for (const phrase of phrases) {
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
      const first = startIndex.get(at);
      const last = endIndex.get(at + phrase.length);
      if (first !== undefined && last !== undefined && last > first) joins.push([first, last]);
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
