import { isWordToken } from '../segment/wordToken.js';
import type { Token } from '../segment/token.js';
import type { SloganHit } from './extract.js';
import { canonicalSurface } from '../lexicon/fold.js';

/** A recurring word sequence that may be a formulation the lexicon lacks. */
export interface NgramCandidate {
  /** The sequence as written (tokens joined, noise removed). */
  term: string;
  total: number;
  docs: number;
  /** How many groups use it. */
  groups: number;
  /** The weakest bond inside it: the minimum log-Dice of its adjacent token pairs. */
  score: number;
}

const MIN_N = 2;
const MAX_N = 4;
/** A candidate recurs: seen at least twice. */
const MIN_COUNT = 2;
/**
 * log-Dice at which two adjacent words count as bound even in one document: 2·O/(f1 + f2) ≥ 1/4, i.e. at
 * least a quarter of their uses are this pair (log-Dice 14 = always together).
 */
const HIGH_ASSOCIATION = 12;

/** An NgramCounter as JSON holds it (the shards of `slogans --discover`): words, adjacent pairs, every n-gram. */
export interface NgramCountsData {
  words: Array<[string, number]>;
  pairs: Array<[string, number]>;
  /** [parts, surface, count, documents, the numbers of the groups using it]. */
  grams: Array<[string[], string, number, number, number[]]>;
}

/** The n-gram counts of a shard, or undefined when the data is not what NgramCounter.toData writes. */
export function ngramCountsFromData(data: unknown): NgramCountsData | undefined {
  const d = data as NgramCountsData | undefined;
  const counted = (x: unknown) => Array.isArray(x) && x.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number');
  const grams = Array.isArray(d?.grams) && d.grams.every((g) => Array.isArray(g) && Array.isArray(g[0]) && typeof g[1] === 'string' && typeof g[2] === 'number' && typeof g[3] === 'number' && Array.isArray(g[4]));
  return d && counted(d.words) && counted(d.pairs) && grams ? d : undefined;
}

interface GramStats {
  parts: string[];
  surface: string;
  count: number;
  docs: number;
  lastDoc: number;
  groups: number[];
}

/**
 * Runs of word tokens in which n-grams are looked for: punctuation ends a run, spaces do not, and a lexicon
 * slogan ends it too (what is in the lexicon is no candidate, nor is a phrase around it).
 */
function wordRunsOutsideLexicon(text: string, tokens: Token[], hits: SloganHit[]): Token[][] {
  const inLexicon = new Uint8Array(text.length);
  for (const h of hits) if (h.kind === 'lexicon') inLexicon.fill(1, h.start, h.end);
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const t of tokens) {
    if (t.text.trim() === '') continue;
    if (isWordToken(t.text) && inLexicon.subarray(t.start, t.end).every((c) => c === 0)) {
      run.push(t);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Counts word 2- to 4-grams over a stream of documents, with the word and adjacent-pair counts that score them.
 * Memory grows with the number of distinct n-grams, so it is only used for `--discover`.
 */
export class NgramCounter {
  private readonly words = new Map<string, number>();
  private readonly pairs = new Map<string, number>();
  private readonly grams = new Map<string, GramStats>();
  private docIndex = -1;

  /** @param edgeStopwords words that may not open or close a candidate (的, 和, 推动 …). */
  constructor(private readonly edgeStopwords: ReadonlySet<string>) {}

  addDocument(group: number, text: string, tokens: Token[], hits: SloganHit[]): void {
    this.docIndex++;
    for (const run of wordRunsOutsideLexicon(text, tokens, hits)) {
      const parts = run.map((t) => t.text);
      parts.forEach((p, i) => {
        increment(this.words, p);
        if (i > 0) increment(this.pairs, gramKey([parts[i - 1], p]));
      });
      for (let i = 0; i < run.length; i++) {
        for (let n = MIN_N; n <= MAX_N && i + n <= run.length; n++) this.addGram(group, text, run.slice(i, i + n));
      }
    }
  }

  /**
   * Recurring n-grams: count ≥ 2, and in ≥ 2 documents or with every adjacent pair strongly associated
   * (log-Dice ≥ 12). An n-gram that only ever occurs inside a longer candidate (same count) is left out for it.
   */
  candidates(): NgramCandidate[] {
    const admitted = new Map<string, GramStats & { score: number }>();
    for (const [key, g] of this.grams) {
      if (g.count < MIN_COUNT) continue;
      const score = this.score(g.parts);
      if (g.docs >= 2 || score >= HIGH_ASSOCIATION) admitted.set(key, { ...g, score });
    }
    const subsumed = new Set<string>();
    for (const g of admitted.values()) {
      for (const inner of innerSequences(g.parts)) {
        const key = gramKey(inner);
        if (admitted.get(key)?.count === g.count) subsumed.add(key);
      }
    }
    return [...admitted]
      .filter(([key]) => !subsumed.has(key))
      .map(([, g]) => ({ term: g.surface, total: g.count, docs: g.docs, groups: g.groups.length, score: g.score }));
  }

  /** Every count, singletons included (a gram seen once in each of two shards recurs), for a shard. */
  toData(): NgramCountsData {
    return {
      words: [...this.words],
      pairs: [...this.pairs],
      grams: [...this.grams.values()].map((g) => [g.parts, g.surface, g.count, g.docs, g.groups]),
    };
  }

  /**
   * Adds the counts of a shard of later documents (shards taken in corpus order keep one run's first surfaces);
   * its group g is group `groupNumbers[g]` here. Documents are in one shard each, so their counts add up.
   */
  addData(data: NgramCountsData, groupNumbers: readonly number[]): void {
    for (const [word, n] of data.words) this.words.set(word, (this.words.get(word) ?? 0) + n);
    for (const [pair, n] of data.pairs) this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + n);
    for (const [parts, surface, count, docs, groups] of data.grams) {
      const key = gramKey(parts);
      let g = this.grams.get(key);
      if (!g) {
        g = { parts, surface, count: 0, docs: 0, lastDoc: -1, groups: [] };
        this.grams.set(key, g);
      }
      g.count += count;
      g.docs += docs;
      for (const shardGroup of groups) if (!g.groups.includes(groupNumbers[shardGroup])) g.groups.push(groupNumbers[shardGroup]);
    }
  }

  private addGram(group: number, text: string, run: Token[]): void {
    const parts = run.map((t) => t.text);
    if (this.edgeStopwords.has(parts[0]) || this.edgeStopwords.has(parts[parts.length - 1])) return;
    const key = gramKey(parts);
    let g = this.grams.get(key);
    if (!g) {
      const surface = canonicalSurface(text.slice(run[0].start, run[run.length - 1].end));
      g = { parts, surface, count: 0, docs: 0, lastDoc: -1, groups: [] };
      this.grams.set(key, g);
    }
    g.count++;
    if (g.lastDoc !== this.docIndex) {
      g.lastDoc = this.docIndex;
      g.docs++;
      if (!g.groups.includes(group)) g.groups.push(group);
    }
  }

  /**
   * The n-gram's weakest joint: the minimum over adjacent pairs of log-Dice (Rychlý 2008) = 14 + log2(2·O/(f1 + f2)),
   * O = how often the pair is adjacent, f1, f2 = how often each word occurs in runs. Computed here rather than with
   * association.ts, whose checks are for counts of units (sets), which adjacent token pairs (`a a a`) are not.
   */
  private score(parts: string[]): number {
    let min = Infinity;
    for (let i = 1; i < parts.length; i++) {
      const o = this.pairs.get(gramKey([parts[i - 1], parts[i]])) ?? 0;
      const f = (this.words.get(parts[i - 1]) ?? 0) + (this.words.get(parts[i]) ?? 0);
      min = Math.min(min, 14 + Math.log2((2 * o) / f));
    }
    return min;
  }
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Every shorter contiguous sequence of at least MIN_N parts inside `parts`. */
function innerSequences(parts: string[]): string[][] {
  const out: string[][] = [];
  for (let n = MIN_N; n < parts.length; n++) {
    for (let i = 0; i + n <= parts.length; i++) out.push(parts.slice(i, i + n));
  }
  return out;
}

/** Map key of a token sequence; U+0001 never occurs in a token. */
function gramKey(parts: string[]): string {
  return parts.join('\u0001');
}
