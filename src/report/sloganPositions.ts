import { griesDP } from '../analysis/dispersion.js';
import type { Document } from '../corpus/document.js';
import type { ResultTable, Row } from '../resultTable.js';
import type { Segmenter, Token } from '../segment/token.js';
import { isWordToken } from '../segment/wordToken.js';
import { createSloganMatcher, extractSlogans, type SloganHit, type SloganMatcher } from '../slogans/extract.js';
import { memorySpill, NumberReader, NumberWriter, type Spill } from '../analysis/spill.js';
import { corpusQuoteMatcher } from '../slogans/collectSlogans.js';
import { loadBundledLexicon, type LexiconEntry } from '../lexicon/lexicon.js';
import { canonicalSurface } from '../lexicon/fold.js';

/** Where chosen slogans are used, in word-token positions of the whole corpus (documents in reading order). */
export interface SloganPositions {
  /** Every document: its id, the corpus position of its first word token and its word-token count. */
  documents: { id: string; start: number; tokens: number }[];
  totalTokens: number;
  /** The slogans in the order asked for (canonical forms), each with the positions of its uses, ascending. */
  slogans: { term: string; positions: number[] }[];
}

/** Index of the first word token that starts at or after each character offset asked for (offsets ascending). */
function wordIndexAt(tokens: Token[], offsets: number[]): number[] {
  const out: number[] = [];
  let words = 0;
  let t = 0;
  for (const offset of offsets) {
    for (; t < tokens.length && tokens[t].start < offset; t++) if (isWordToken(tokens[t].text)) words++;
    out.push(words);
  }
  return out;
}

export interface SloganPositionsOptions {
  /** The slogan lexicon; default the bundled one. */
  lexicon?: readonly LexiconEntry[];
  /** The corpus's quoted formulations (corpusQuotedForms), counted at every use as `tifa slogans` counts them. */
  corpusQuotes?: ReadonlySet<string>;
  /** The corpus's named formulations (corpusNamedForms), counted at every use as `tifa slogans` counts them. */
  corpusNamed?: ReadonlySet<string>;
  /** Where the uses wait until every document is read (default: in memory). */
  spill?: Spill;
}

/** The canonical forms of slogans as the user names them (any written form), each once, in the order given. */
export function canonicalForms(slogans: string[], matcher: SloganMatcher): string[] {
  return [...new Set(slogans.map((s) => matcher.canonicalOf(s) ?? canonicalSurface(s)))];
}

/**
 * The word-token position of every use of every formulation, one document at a time (`add`, with its tagged tokens
 * and its hits), kept in a spill (two numbers a use), so that the slogans to show can be chosen once every document
 * is counted (the report's most used); `positions` then reads them back for those.
 */
export class SloganPositionRecorder {
  private readonly documents: SloganPositions['documents'] = [];
  private start = 0;
  private readonly ids = new Map<string, number>();
  private readonly uses: NumberWriter;

  constructor(spill: Spill = memorySpill) {
    this.uses = new NumberWriter(spill.create(), 1 << 16);
  }

  add(doc: Pick<Document, 'id'>, tokens: Token[], hits: SloganHit[]): void {
    const at = wordIndexAt(tokens, hits.map((h) => h.start));
    hits.forEach((h, i) => {
      let id = this.ids.get(h.canonical);
      if (id === undefined) this.ids.set(h.canonical, (id = this.ids.size));
      this.uses.int(id);
      this.uses.int(this.start + at[i]);
    });
    const size = tokens.filter((t) => isWordToken(t.text)).length;
    this.documents.push({ id: doc.id, start: this.start, tokens: size });
    this.start += size;
  }

  /** The uses of these canonical forms; read once. */
  positions(terms: string[]): SloganPositions {
    const wanted = new Map(terms.map((t) => [this.ids.get(t) ?? -1, [] as number[]]));
    const byTerm = terms.map((t) => wanted.get(this.ids.get(t) ?? -1)!);
    this.uses.flush();
    const reader = new NumberReader(this.uses.stream, 1 << 16);
    try {
      while (reader.more()) {
        const [id, position] = [reader.int(), reader.int()];
        wanted.get(id)?.push(position);
      }
    } finally {
      this.uses.stream.dispose();
    }
    return { documents: this.documents, totalTokens: this.start, slogans: terms.map((term, i) => ({ term, positions: byTerm[i] })) };
  }
}

/**
 * Finds the uses of the given slogans (any written form; counted under the canonical form, as `tifa slogans`
 * counts them: tagged tokens, the corpus's quoted forms at every use) in every document, as word-token positions:
 * a use at position p is preceded by p word tokens of the corpus. Word tokens are tokens with a letter or digit,
 * the denominator of every rate in tifa.
 */
export function sloganPositions(docs: Iterable<Document>, segmenter: Segmenter, slogans: string[], options: SloganPositionsOptions = {}): SloganPositions {
  const matcher = createSloganMatcher(options.lexicon ?? loadBundledLexicon());
  const corpus = corpusQuoteMatcher(options.corpusQuotes);
  const named = corpusQuoteMatcher(options.corpusNamed);
  const terms = canonicalForms(slogans, matcher);
  const recorder = new SloganPositionRecorder(options.spill);
  for (const doc of docs) {
    const tokens = segmenter.cut(doc.text, { pos: true });
    recorder.add(doc, tokens, extractSlogans(doc.text, tokens, matcher, corpus, named));
  }
  return recorder.positions(terms);
}

/**
 * How many of the positions (ascending) fall in each document (in corpus order, each starting where the one
 * before ends): one sweep, not a scan of every position per document.
 */
function usesPerDocument(positions: number[], documents: SloganPositions['documents']): number[] {
  const counts = new Array<number>(documents.length).fill(0);
  let d = 0;
  for (const p of positions) {
    while (d < documents.length && p >= documents[d].start + documents[d].tokens) d++;
    if (d < documents.length && p >= documents[d].start) counts[d]++;
  }
  return counts;
}

/**
 * One row per slogan: `term`, `total` uses, one count per document (column = document id) and `dp`, Gries' DP over
 * the documents as parts with their word-token counts as sizes (0 = spread as the document sizes predict, near 1 =
 * concentrated; NaN when unused).
 */
export function dispersionTable(data: SloganPositions): ResultTable {
  const sizes = data.documents.map((d) => d.tokens);
  const rows = data.slogans.map(({ term, positions }) => {
    const perDoc = usesPerDocument(positions, data.documents);
    const row: Row = { term, total: positions.length };
    data.documents.forEach((d, i) => (row[d.id] = perDoc[i]));
    row.dp = data.totalTokens > 0 ? griesDP(perDoc, sizes) : NaN;
    return row;
  });
  return { columns: ['term', 'total', ...data.documents.map((d) => d.id), 'dp'], rows, decimals: { dp: 3 } };
}
