import type { Document } from '../corpus/document.js';
import type { ResultTable, Row } from '../resultTable.js';
import type { Segmenter } from '../segment/token.js';

/**
 * For every dictionary term that occurs in the corpus: how often the segmenter kept it as one token and how
 * often it cut it (an occurrence inside a longer token counts as `inside`, not as a failure of the term).
 */
export function termCoverage(docs: Iterable<Document>, segmenter: Segmenter, terms: Iterable<string>): ResultTable {
  const unique = [...new Set(terms)];
  const stats = new Map<string, { occurrences: number; whole: number; inside: number }>();
  for (const doc of docs) {
    const tokens = segmenter.cut(doc.text);
    const starts = new Map<number, number>();
    const tokenAt: number[] = new Array(doc.text.length);
    tokens.forEach((t, i) => {
      starts.set(t.start, t.end);
      for (let k = t.start; k < t.end; k++) tokenAt[k] = i;
    });
    for (const term of unique) {
      for (let at = doc.text.indexOf(term); at !== -1; at = doc.text.indexOf(term, at + term.length)) {
        const s = stats.get(term) ?? { occurrences: 0, whole: 0, inside: 0 };
        s.occurrences++;
        const end = at + term.length;
        if (starts.get(at) === end) s.whole++;
        else if (tokenAt[at] === tokenAt[end - 1]) s.inside++;
        stats.set(term, s);
      }
    }
  }
  const rows: Row[] = [...stats].map(([term, s]) => ({ term, ...s, split: s.occurrences - s.whole - s.inside }));
  rows.sort((a, b) => (b.split as number) - (a.split as number) || (b.occurrences as number) - (a.occurrences as number));
  return { columns: ['term', 'occurrences', 'whole', 'inside', 'split'], rows };
}
