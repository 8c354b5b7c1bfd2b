import type { Row } from '../format/table.js';
import { isWordToken } from '../segment/wordToken.js';
import type { Segmenter } from '../segment/token.js';

/**
 * How concordance lines are ordered, as in AntConc: `left` by the left context read from the match outwards
 * (its last character first), `right` by the right context, `L1`…`L3` / `R1`…`R3` by the k-th word before or
 * after the match, then by the next words outwards. Words are the word tokens of the context as the segmenter
 * cuts it; text is compared in Chinese collation order (pinyin for Hanzi, as ICU orders zh).
 */
export const KWIC_SORTS = ['left', 'right', 'L1', 'L2', 'L3', 'R1', 'R2', 'R3'] as const;
export type KwicSort = (typeof KWIC_SORTS)[number];

const collator = new Intl.Collator('zh', { numeric: true });

/** The word tokens of a context, nearest the match first. */
function wordsOutwards(text: string, side: 'left' | 'right', segmenter: Segmenter): string[] {
  const words = segmenter.cut(text).map((t) => t.text).filter(isWordToken);
  return side === 'left' ? words.reverse() : words;
}

function compareLists(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === undefined) return -1;
    if (b[i] === undefined) return 1;
    const c = collator.compare(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** The rows (left, match, right cells) sorted by `sort`; rows that compare equal keep their order (stable). */
export function sortKwic(rows: Row[], sort: KwicSort, segmenter: Segmenter): Row[] {
  const side = sort === 'left' || sort.startsWith('L') ? 'left' : 'right';
  const keyed = rows.map((row, i) => {
    const context = String(row[side] ?? '');
    let key: string[];
    if (sort === 'left') key = [[...context].reverse().join('')];
    else if (sort === 'right') key = [context];
    else key = wordsOutwards(context, side, segmenter).slice(Number(sort.slice(1)) - 1);
    return { row, i, key };
  });
  keyed.sort((x, y) => compareLists(x.key, y.key) || x.i - y.i);
  return keyed.map((k) => k.row);
}
