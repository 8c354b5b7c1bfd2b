import type { Document } from '../corpus/document.js';
import type { ResultTable, Row } from '../resultTable.js';
import type { Token } from '../segment/token.js';
import { type DocumentTerms, type DocumentUnit } from './documentTerms.js';
import { groupOf } from './groups.js';

/**
 * Keywords of each document or group. Two methods, the two jieba offers:
 *
 * TF-IDF: tf = the term's count in the unit ÷ the unit's counted (kept) words; idf = ln((1 + N)/(1 + df)) + 1 with
 * N documents and df documents using the term (the smoothed idf of scikit-learn, finite for a term the reference
 * never uses), counted over the corpus itself or over a --reference corpus; score = tf·idf.
 *
 * TextRank (Mihalcea & Tarau 2004) exactly as jieba.analyse.textrank: an undirected graph whose edge weight is how
 * often two kept words stand within a window of 5 tokens (every token counts as a position, punctuation included;
 * a word near itself makes a loop), PageRank with d = 0.85 for 10 sweeps over the words in sorted order updated in
 * place, then scaled as jieba does, (w − min/10)/(max − min/10).
 */
export const KEYWORD_METHODS = ['tfidf', 'textrank'] as const;
export type KeywordMethod = (typeof KEYWORD_METHODS)[number];

/** idf of a term from its document frequency in a corpus of n documents (the smoothed form, see above). */
export function idf(df: number, n: number): number {
  return Math.log((1 + n) / (1 + df)) + 1;
}

/** The terms of a unit with their counts, summed over its documents. */
function unitCounts(dt: DocumentTerms, unit: DocumentUnit): Map<number, number> {
  const counts = new Map<number, number>();
  for (const d of unit.docs) {
    const row = dt.rows[d];
    row.ids.forEach((id, k) => counts.set(id, (counts.get(id) ?? 0) + row.counts[k]));
  }
  return counts;
}

function byScore(a: { term: string; score: number }, b: { term: string; score: number }): number {
  return b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}

/**
 * TF-IDF keywords: one row per unit and rank (`<unit column>`, rank, term, count, docfreq, tfidf). `reference`
 * gives the document frequencies (by term) and N of another corpus; without it, the corpus's own.
 */
export function tfidfKeywords(
  dt: DocumentTerms,
  units: DocumentUnit[],
  options: { top: number; unitColumn: string; reference?: { df: Map<string, number>; docs: number } },
): ResultTable {
  const own = dt.df;
  const dfOf = (id: number) => (options.reference ? (options.reference.df.get(dt.vocabulary[id]) ?? 0) : own[id]);
  const n = options.reference ? options.reference.docs : dt.documents;
  const rows: Row[] = [];
  for (const unit of units) {
    const counts = unitCounts(dt, unit);
    let kept = 0;
    for (const c of counts.values()) kept += c;
    const scored = [...counts].map(([id, count]) => ({ id, term: dt.vocabulary[id], count, score: (count / kept) * idf(dfOf(id), n) }));
    scored.sort(byScore);
    scored.slice(0, options.top).forEach((s, r) => {
      rows.push({ [options.unitColumn]: unit.label, rank: r + 1, term: s.term, count: s.count, docfreq: dfOf(s.id), tfidf: s.score });
    });
  }
  return { columns: [options.unitColumn, 'rank', 'term', 'count', 'docfreq', 'tfidf'], rows, decimals: { tfidf: 4 } };
}

/** jieba's window: a word and the 4 tokens after it. */
export const TEXTRANK_SPAN = 5;

/** Edge weights of one unit's TextRank graph, accumulated document by document. */
export class TextRankGraph {
  /** Word → neighbour → weight. jieba adds every pair in both directions, a loop (a word near itself) twice. */
  private readonly edges = new Map<string, Map<string, number>>();

  /** Adds one document's tokens; `keep` says which are candidate words (jieba's pair filter). */
  add(tokens: Token[], keep: (t: Token) => boolean): void {
    for (let i = 0; i < tokens.length; i++) {
      if (!keep(tokens[i])) continue;
      for (let j = i + 1; j < i + TEXTRANK_SPAN && j < tokens.length; j++) {
        if (keep(tokens[j])) this.link(tokens[i].text, tokens[j].text);
      }
    }
  }

  private link(a: string, b: string): void {
    this.bump(a, b);
    this.bump(b, a);
  }

  private bump(from: string, to: string): void {
    let out = this.edges.get(from);
    if (!out) this.edges.set(from, (out = new Map()));
    out.set(to, (out.get(to) ?? 0) + 1);
  }

  /** Scores by word, as jieba's UndirectWeightedGraph.rank. */
  rank(): Map<string, number> {
    const d = 0.85;
    const words = [...this.edges.keys()].sort();
    const ws = new Map<string, number>();
    const outSum = new Map<string, number>();
    for (const w of words) {
      ws.set(w, 1 / (words.length || 1));
      let total = 0;
      for (const weight of this.edges.get(w)!.values()) total += weight;
      outSum.set(w, total);
    }
    for (let sweep = 0; sweep < 10; sweep++) {
      for (const w of words) {
        let s = 0;
        for (const [v, weight] of this.edges.get(w)!) s += (weight / outSum.get(v)!) * ws.get(v)!;
        ws.set(w, 1 - d + d * s);
      }
    }
    let min = Infinity;
    let max = -Infinity;
    for (const w of ws.values()) [min, max] = [Math.min(min, w), Math.max(max, w)];
    const scaled = new Map<string, number>();
    for (const [w, v] of ws) scaled.set(w, max - min / 10 === 0 ? 1 : (v - min / 10) / (max - min / 10));
    return scaled;
  }
}

/**
 * The TextRank graph of each unit, built as documentTerms reads the corpus (pass `onTokens` to it): one per
 * document, or per value of `field` (the units of groupDocuments; documents without the field have none).
 */
export class TextRankGraphs {
  private readonly byLabel = new Map<string, TextRankGraph>();

  constructor(private readonly field: string | undefined) {}

  readonly onTokens = (doc: Pick<Document, 'id' | 'meta'>, tokens: Token[], keep: (t: Token) => boolean): void => {
    const label = this.field ? groupOf(doc, this.field) : doc.id;
    if (label === undefined) return;
    let graph = this.byLabel.get(label);
    if (!graph) this.byLabel.set(label, (graph = new TextRankGraph()));
    graph.add(tokens, keep);
  };

  /** The graphs of these units, in their order. */
  of(units: readonly DocumentUnit[]): TextRankGraph[] {
    return units.map((u) => this.byLabel.get(u.label) ?? new TextRankGraph());
  }
}

/** TextRank keywords: one row per unit and rank (`<unit column>`, rank, term, count, textrank). */
export function textrankKeywords(
  dt: DocumentTerms,
  units: DocumentUnit[],
  graphs: TextRankGraph[],
  options: { top: number; unitColumn: string },
): ResultTable {
  const rows: Row[] = [];
  units.forEach((unit, u) => {
    const counts = unitCounts(dt, unit);
    const countOf = new Map([...counts].map(([id, c]) => [dt.vocabulary[id], c]));
    const scored = [...graphs[u].rank()].map(([term, score]) => ({ term, score }));
    scored.sort(byScore);
    scored.slice(0, options.top).forEach((s, r) => {
      rows.push({ [options.unitColumn]: unit.label, rank: r + 1, term: s.term, count: countOf.get(s.term) ?? 0, textrank: s.score });
    });
  });
  return { columns: [options.unitColumn, 'rank', 'term', 'count', 'textrank'], rows, decimals: { textrank: 4 } };
}
