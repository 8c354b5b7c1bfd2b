import type { Document } from '../corpus/document.js';
import type { ResultTable, Row } from '../resultTable.js';
import type { Segmenter } from '../segment/token.js';

/** How one occurrence of a term came out of the segmenter. */
type Outcome = 'whole' | 'inside' | 'as_words' | 'overlap' | 'split';

/**
 * For every dictionary term that occurs in the corpus, how the segmenter cut its occurrences:
 * - `whole`: one token;
 * - `inside`: inside a longer token, or inside an occurrence of a longer term that is itself not split
 *   (作风建设 in 纪律作风建设, which jieba cuts 纪律作风|建设): the longer term holds it, which is not a failure of the term;
 * - `as_words`: the term starts and ends on token boundaries and is cut into words inside (两个|确立): slogans, lint
 *   and kwic find it whole there, and --compound makes it one token;
 * - `overlap`: cut where another term that is not split reaches across its edge (全面深化改革强警: 全面深化改革 and
 *   改革强警 share 改革, and a segmentation can keep only one of the two whole);
 * - `split`: a word reaches across its start or end (对涉|黑涉|恶), and no longer or overlapping term explains it.
 * `kind` (each term's, as given) says what the term should be: `word` (it is in jieba's dictionary: whole
 * expected), `phrase` (jieba cuts it into words: whole with --compound, as_words without) or `unlisted` (a term of
 * the user's list that neither the dictionary nor the lexicon holds).
 */
export function termCoverage(docs: Iterable<Document>, segmenter: Segmenter, kind: ReadonlyMap<string, string>): ResultTable {
  const stats = new Map<string, Record<Outcome, number>>();
  for (const doc of docs) {
    const tokens = segmenter.cut(doc.text);
    const starts = new Set<number>();
    const ends = new Set<number>();
    const tokenAt: number[] = new Array(doc.text.length);
    tokens.forEach((t, i) => {
      starts.add(t.start);
      ends.add(t.end);
      for (let k = t.start; k < t.end; k++) tokenAt[k] = i;
    });
    const found: Array<{ term: string; at: number; end: number; outcome: Outcome }> = [];
    for (const term of kind.keys()) {
      for (let at = doc.text.indexOf(term); at !== -1; at = doc.text.indexOf(term, at + term.length)) {
        const end = at + term.length;
        const oneToken = tokenAt[at] === tokenAt[end - 1];
        const bounded = starts.has(at) && ends.has(end);
        const outcome: Outcome = oneToken ? (bounded ? 'whole' : 'inside') : bounded ? 'as_words' : 'split';
        found.push({ term, at, end, outcome });
      }
    }
    const held = found.filter((f) => f.outcome !== 'split');
    for (const f of found) {
      if (f.outcome === 'split') {
        if (held.some((h) => h.end - h.at > f.end - f.at && h.at <= f.at && h.end >= f.end)) f.outcome = 'inside';
        else if (held.some((h) => h.at < f.end && f.at < h.end && (h.at < f.at || h.end > f.end))) f.outcome = 'overlap';
      }
      const s = stats.get(f.term) ?? { whole: 0, inside: 0, as_words: 0, overlap: 0, split: 0 };
      s[f.outcome]++;
      stats.set(f.term, s);
    }
  }
  const rows: Row[] = [...stats].map(([term, s]) => ({
    term,
    occurrences: s.whole + s.inside + s.as_words + s.overlap + s.split,
    whole: s.whole,
    inside: s.inside,
    split: s.split,
    as_words: s.as_words,
    overlap: s.overlap,
    kind: kind.get(term)!,
  }));
  rows.sort((a, b) => (b.split as number) - (a.split as number) || (b.occurrences as number) - (a.occurrences as number) || (String(a.term) < String(b.term) ? -1 : String(a.term) > String(b.term) ? 1 : 0));
  return { columns: ['term', 'occurrences', 'whole', 'inside', 'split', 'as_words', 'overlap', 'kind'], rows };
}
