import { isWordToken } from '../segment/wordToken.js';
import type { Token } from '../segment/token.js';
import type { SloganHit } from './extract.js';
import { canonicalSurface } from '../lexicon/fold.js';
import { CountMinSketch } from '../analysis/countMinSketch.js';
import type { Spill, SpillStream } from '../analysis/spill.js';
import { byKey, keyCountRuns, mergeNgramRuns, rankedRuns, writeNgramRun, type ItemRuns, type NgramRecord, type RankedCandidate } from './ngramRuns.js';

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

/** Joins the tokens of an n-gram's map key; U+0001 never occurs in a token. */
const SEPARATOR = '\u0001';
const MIN_N = 2;
const MAX_N = 4;
/** A candidate recurs: seen at least twice. */
const MIN_COUNT = 2;
/**
 * log-Dice at which two adjacent words count as bound even in one document: 2·O/(f1 + f2) ≥ 1/4, i.e. at
 * least a quarter of their uses are this pair (log-Dice 14 = always together).
 */
const HIGH_ASSOCIATION = 12;
/**
 * N-grams held in memory at most when the counts may spill (some 100 bytes each): a full table is written out
 * as a sorted run between two documents, and so are the subsumption checks and the ranking of the candidates.
 * 2^14 rather than 2^16: peak RSS of --discover on 16 MB of reports 435 → 358 MB (2^12: 356 MB), the same output.
 */
const SPILL_GRAMS = 1 << 14;
/**
 * Runs of the counts merged into one as soon as this many of one size wait (a run of size k + 1 is k-runs
 * merged): the final merge then holds a buffer for at most this many runs of each size, a few sizes however
 * long the corpus, instead of one per table written; each count is rewritten once per size.
 */
const MERGE_RUNS = 32;

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

/** An NgramCounter as JSON holds it (the shards of `slogans --discover`): words, adjacent pairs, every n-gram. */
export interface NgramCountsData {
  words: Array<[string, number]>;
  pairs: Array<[string, number]>;
  /**
   * [its words joined by U+0001, count, documents, the numbers of the groups using it in order of first use, and
   * its written form where that is not its words run together].
   */
  grams: Array<[string, number, number, number[], string?]>;
}

/** The n-gram counts of a shard, or undefined when the data is not what NgramCounter.toData writes. */
export function ngramCountsFromData(data: unknown): NgramCountsData | undefined {
  const d = data as NgramCountsData | undefined;
  const counted = (x: unknown) => Array.isArray(x) && x.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number');
  const gram = (g: unknown[]) =>
    typeof g[0] === 'string' && typeof g[1] === 'number' && typeof g[2] === 'number' && Array.isArray(g[3]) && g[3].length > 0 && (g[4] === undefined || typeof g[4] === 'string');
  return d && counted(d.words) && counted(d.pairs) && Array.isArray(d.grams) && d.grams.every((g) => Array.isArray(g) && gram(g)) ? d : undefined;
}

/** Typed-array columns of the n-gram table, grown by doubling. */
function grown(column: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size < column.length) return column;
  const bigger = new Int32Array(2 * column.length);
  bigger.set(column);
  return bigger;
}

/**
 * Counts word 2- to 4-grams over a stream of documents, with the word and adjacent-pair counts that score them.
 * Memory grows with the number of distinct n-grams (not with the text), so it is only used for `--discover`.
 * Most n-grams are seen once, so each costs little more than its key: its numbers sit in typed arrays, and its
 * written form and groups are kept apart only where the key does not give them (other characters between its
 * words; more than one group).
 */
export class NgramCounter {
  private readonly words = new Map<string, number>();
  private readonly pairs = new Map<string, number>();
  /** Each n-gram's row in the columns below, by gramKey, in order of first sight. */
  private readonly grams = new Map<string, number>();
  private count = new Int32Array(1024);
  private docs = new Int32Array(1024);
  private lastDoc = new Int32Array(1024);
  /** The group of its first use. */
  private firstGroup = new Int32Array(1024);
  /** Every group of the n-grams used in more than one, in order of first use. */
  private readonly groupLists = new Map<number, number[]>();
  /** The written form of the n-grams whose text is not their words run together. */
  private readonly surfaces = new Map<number, string>();
  private docIndex = -1;
  /** The tables written out so far, when the counts spill; the runs keep the rows' order of first sight. */
  private readonly runs: SpillStream[] = [];
  /** The size of each run (0: one table; k + 1: mergeRuns runs of size k merged), never increasing along `runs`. */
  private readonly sizes: number[] = [];
  /** Tables written so far: the number of the next run, which orders first sights. */
  private written = 0;
  /** Whether the spilled counts were read into candidates (they are then gone). */
  private drained = false;

  /**
   * @param edgeStopwords words that may not open or close a candidate (的, 和, 推动 …).
   * @param seen a sketch of every n-gram of the documents to come (sketchNgrams): an n-gram it saw once at
   *   most is not counted at all, since it cannot recur. It changes no candidate (every count, document and
   *   group of a recurring n-gram is still counted from its first use), but toData then lacks the singletons.
   * @param spill where the table goes in sorted runs once it holds `spillGrams` n-grams (the same candidates in
   *   memory of a fixed size; toData is then not available: a shard holds every count).
   */
  constructor(
    private readonly edgeStopwords: ReadonlySet<string>,
    private readonly seen?: CountMinSketch,
    private readonly spill?: Spill,
    private readonly spillGrams = SPILL_GRAMS,
    private readonly mergeRuns = MERGE_RUNS,
  ) {}

  addDocument(group: number, text: string, tokens: Token[], hits: SloganHit[]): void {
    // Between documents, so that each document's counts are in one run (its document count adds up).
    if (this.spill && this.grams.size >= this.spillGrams) this.writeRun();
    this.docIndex++;
    for (const run of wordRunsOutsideLexicon(text, tokens, hits)) {
      const parts = run.map((t) => t.text);
      parts.forEach((p, i) => {
        increment(this.words, p);
        if (i > 0) increment(this.pairs, gramKey([parts[i - 1], p]));
      });
      for (let i = 0; i < run.length; i++) {
        for (let n = MIN_N; n <= MAX_N && i + n <= run.length; n++) this.addGram(group, text, run, i, i + n);
      }
    }
  }

  /**
   * Recurring n-grams: count ≥ 2, and in ≥ 2 documents or with every adjacent pair strongly associated
   * (log-Dice ≥ 12). An n-gram that only ever occurs inside a longer candidate (same count) is left out for it.
   * They come ranked (byRank: most uses, then documents, then term, then first sight), one at a time: once the
   * counts have spilled, the ranking is an external sort too, so the candidates are never all in memory, and
   * they can then be read only once.
   */
  *rankedCandidates(): Generator<NgramCandidate> {
    if (this.runs.length > 0) {
      yield* this.spilledCandidates();
      return;
    }
    if (this.drained) throw new Error('NgramCounter.rankedCandidates read again after its counts spilled');
    const admitted = new Map<string, { row: number; score: number }>();
    for (const [key, row] of this.grams) {
      if (this.count[row] < MIN_COUNT) continue;
      const score = this.score(key.split(SEPARATOR));
      if (this.docs[row] >= 2 || score >= HIGH_ASSOCIATION) admitted.set(key, { row, score });
    }
    const subsumed = new Set<string>();
    for (const [key, { row }] of admitted) {
      for (const inner of innerSequences(key.split(SEPARATOR))) {
        const innerKey = gramKey(inner);
        const found = admitted.get(innerKey);
        if (found && this.count[found.row] === this.count[row]) subsumed.add(innerKey);
      }
    }
    const ranked = rankedRuns(undefined, 0);
    for (const [key, { row, score }] of admitted) {
      if (subsumed.has(key)) continue;
      const term = this.surfaces.get(row) ?? key.split(SEPARATOR).join('');
      ranked.add({ term, total: this.count[row], docs: this.docs[row], groups: this.groupLists.get(row)?.length ?? 1, score, run: 0, row });
    }
    yield* withoutFirstSight(ranked.sorted());
  }

  /**
   * rankedCandidates() from the runs: the merged counts stream by in key order, the admitted n-grams go to a run
   * of their own as they come, each claims its inner sequences with its count (sorted runs of their own), and one
   * more merge of the two drops each admitted n-gram claimed with its own count; the rest go to sorted runs in
   * rank order, merged as they are read.
   */
  private *spilledCandidates(): Generator<NgramCandidate> {
    const spill = this.spill!;
    this.writeRun();
    this.drained = true;
    const claims = keyCountRuns(spill, this.spillGrams);
    this.sizes.length = 0;
    const admitted = writeNgramRun(spill, this.admittedOf(mergeNgramRuns(this.runs.splice(0)), claims));
    const ranked = rankedRuns(spill, this.spillGrams);
    const claimed = claims.sorted();
    try {
      let claim = claimed.next();
      for (const record of mergeNgramRuns([admitted])) {
        while (!claim.done && byKey(claim.value.key, record.key) < 0) claim = claimed.next();
        let subsumed = false;
        for (; !claim.done && claim.value.key === record.key; claim = claimed.next()) if (claim.value.count === record.count) subsumed = true;
        if (subsumed) continue;
        // The score is not in the run: it is computed again from the words and pairs, which stay in memory.
        const term = record.surface ?? record.key.split(SEPARATOR).join('');
        ranked.add({ term, total: record.count, docs: record.docs, groups: record.groups.length, score: this.score(record.key.split(SEPARATOR)), run: record.run, row: record.row });
      }
    } finally {
      // The claims past the last admitted n-gram are not read: their runs are freed all the same.
      claimed.return(undefined);
    }
    yield* withoutFirstSight(ranked.sorted());
  }

  /** The merged records that are candidates before subsumption; each claims its inner sequences. */
  private *admittedOf(records: Iterable<NgramRecord>, claims: ItemRuns<{ key: string; count: number }>): Generator<NgramRecord> {
    for (const record of records) {
      if (record.count < MIN_COUNT) continue;
      const parts = record.key.split(SEPARATOR);
      if (record.docs < 2 && this.score(parts) < HIGH_ASSOCIATION) continue;
      for (const inner of innerSequences(parts)) claims.add({ key: gramKey(inner), count: record.count });
      yield record;
    }
  }

  /** Writes the table out as a run sorted by key, and empties it. */
  private writeRun(): void {
    const run = this.written++;
    const rows = [...this.grams].sort((a, b) => byKey(a[0], b[0]));
    this.runs.push(
      writeNgramRun(
        this.spill!,
        rows.map(([key, row]) => ({ key, count: this.count[row], docs: this.docs[row], groups: this.groupLists.get(row) ?? [this.firstGroup[row]], surface: this.surfaces.get(row), run, row })),
      ),
    );
    this.sizes.push(0);
    this.grams.clear();
    this.groupLists.clear();
    this.surfaces.clear();
    // The last runs are consecutive, so merged they keep every n-gram's first sight, groups and counts.
    for (let n = this.runs.length; n >= this.mergeRuns && this.sizes[n - this.mergeRuns] === this.sizes[n - 1]; n = this.runs.length) {
      const size = this.sizes[n - 1];
      this.sizes.splice(n - this.mergeRuns);
      this.runs.push(writeNgramRun(this.spill!, mergeNgramRuns(this.runs.splice(n - this.mergeRuns))));
      this.sizes.push(size + 1);
    }
  }

  /** Every count, singletons included (an n-gram seen once in each of two shards recurs), for a shard. */
  toData(): NgramCountsData {
    if (this.runs.length > 0 || this.drained) throw new Error('NgramCounter.toData after its counts spilled: a shard counts without a spill');
    const grams = [...this.grams].map(([key, row]): NgramCountsData['grams'][number] => {
      const gram: NgramCountsData['grams'][number] = [key, this.count[row], this.docs[row], this.groupLists.get(row) ?? [this.firstGroup[row]]];
      const surface = this.surfaces.get(row);
      if (surface !== undefined) gram.push(surface);
      return gram;
    });
    return { words: [...this.words], pairs: [...this.pairs], grams };
  }

  /**
   * Adds the counts of a shard of later documents (shards taken in corpus order keep one run's order and written
   * forms); its group g is group `groupNumbers[g]` here. Each document is in one shard, so the counts add up.
   */
  addData(data: NgramCountsData, groupNumbers: readonly number[]): void {
    for (const [word, n] of data.words) this.words.set(word, (this.words.get(word) ?? 0) + n);
    for (const [pair, n] of data.pairs) this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + n);
    for (const [key, count, docs, groups, surface] of data.grams) {
      const row = this.grams.get(key) ?? this.newRow(key, groupNumbers[groups[0]], surface);
      this.count[row] += count;
      this.docs[row] += docs;
      for (const g of groups) this.addGroup(row, groupNumbers[g]);
    }
  }

  /** A row for an n-gram first seen in `group`, written `surface` (undefined: its words run together). */
  private newRow(key: string, group: number, surface: string | undefined): number {
    const row = this.grams.size;
    this.grams.set(key, row);
    this.count = grown(this.count, row);
    this.docs = grown(this.docs, row);
    this.lastDoc = grown(this.lastDoc, row);
    this.firstGroup = grown(this.firstGroup, row);
    // Zeroed: the columns are reused for the next table once one is written out.
    this.count[row] = 0;
    this.docs[row] = 0;
    this.lastDoc[row] = -1;
    this.firstGroup[row] = group;
    if (surface !== undefined) this.surfaces.set(row, surface);
    return row;
  }

  /** Counts the n-gram of tokens [from, to) of a run. */
  private addGram(group: number, text: string, run: Token[], from: number, to: number): void {
    const first = run[from].text;
    const last = run[to - 1].text;
    if (this.edgeStopwords.has(first) || this.edgeStopwords.has(last)) return;
    let key = first;
    for (let k = from + 1; k < to; k++) key += SEPARATOR + run[k].text;
    let row = this.grams.get(key);
    if (row === undefined) {
      if (this.seen && this.seen.estimate(key) < MIN_COUNT) return;
      const surface = canonicalSurface(text.slice(run[from].start, run[to - 1].end));
      row = this.newRow(key, group, surface !== key.split(SEPARATOR).join('') ? surface : undefined);
    }
    this.count[row]++;
    if (this.lastDoc[row] !== this.docIndex) {
      this.lastDoc[row] = this.docIndex;
      this.docs[row]++;
      this.addGroup(row, group);
    }
  }

  private addGroup(row: number, group: number): void {
    const list = this.groupLists.get(row);
    if (list) {
      if (!list.includes(group)) list.push(group);
    } else if (group !== this.firstGroup[row]) this.groupLists.set(row, [this.firstGroup[row], group]);
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

/**
 * The sketch that lets NgramCounter skip the n-grams seen once, in fixed memory (3 × 8M one-byte counters):
 * the first of two passes over the same tokens. It adds every n-gram of the runs of word tokens, lexicon
 * slogans not taken out, so it sees each n-gram NgramCounter counts at least as often as it is counted (a
 * run split at a slogan has only n-grams the whole run has) and no estimate falls below a true count.
 */
export class NgramSketch {
  readonly seen = new CountMinSketch(23, 3);

  constructor(private readonly edgeStopwords: ReadonlySet<string>) {}

  addDocument(tokens: Token[]): void {
    let run: string[] = [];
    const addRun = () => {
      for (let i = 0; i < run.length; i++) {
        if (this.edgeStopwords.has(run[i])) continue;
        let key = run[i];
        for (let n = MIN_N; n <= MAX_N && i + n <= run.length; n++) {
          key += SEPARATOR + run[i + n - 1];
          if (!this.edgeStopwords.has(run[i + n - 1])) this.seen.add(key);
        }
      }
      run = [];
    };
    for (const t of tokens) {
      if (t.text.trim() === '') continue;
      if (isWordToken(t.text)) run.push(t.text);
      else addRun();
    }
    addRun();
  }
}

/** The candidates without the first sight that ranked them. */
function* withoutFirstSight(ranked: Iterable<RankedCandidate>): Generator<NgramCandidate> {
  for (const { term, total, docs, groups, score } of ranked) yield { term, total, docs, groups, score };
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

/** Map key of a token sequence. */
function gramKey(parts: string[]): string {
  return parts.join(SEPARATOR);
}
