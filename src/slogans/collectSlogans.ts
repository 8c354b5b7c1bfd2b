import { GroupIndex, groupOf, type Grouping, type LeftOutDocument } from '../analysis/groups.js';
import type { Document } from '../corpus/document.js';
import type { Segmenter, Token } from '../segment/token.js';
import type { CountMinSketch } from '../analysis/countMinSketch.js';
import { isWordToken } from '../segment/wordToken.js';
import { createLexiconMatcher, createSloganMatcher, extractSlogans, quotedHits, SLOGAN_KINDS, type LexiconMatcher, type SloganHit, type SloganKind, type SloganMatcher } from './extract.js';
import { loadBundledLexicon, type LexiconEntry } from '../lexicon/lexicon.js';
import { NgramCounter, NgramSketch } from './ngramCandidates.js';
import type { Spill } from '../analysis/spill.js';

/** Everything the tables say about one canonical formulation. */
export interface SloganStats {
  canonical: string;
  /** The strongest source that found it anywhere (lexicon > numbered > formula > local > quoted). */
  kind: SloganKind;
  /** The lexicon theme; '' for a formulation found by a pattern only. */
  theme: string;
  /** Uses per group, indexed like SloganCounts.groups. */
  byGroup: number[];
  /** Documents that use it. */
  docs: number;
  /** Uses that are the whole content of a pair of quotes. */
  quoted: number;
  /** Written forms seen that differ from the canonical one, in order of first appearance. */
  variants: Set<string>;
  /** Where it is first used, in reading order: document id and the original line and column. */
  first: { doc: string; line: number; column: number };
  /** Every use is one word of the segmentation in quotes (“帽子”): not a formulation, only a --discover candidate. */
  singleWord: boolean;
}

/** What the slogan and theme tables need, counted in one pass; no text is kept. */
export interface SloganCounts extends Grouping {
  groups: string[];
  leftOut: LeftOutDocument[];
  /** Word tokens per group (tokens holding a letter or digit): the denominator of rates and keyness. */
  tokens: number[];
  /** Canonical formulations in order of first use. */
  slogans: Map<string, SloganStats>;
  /**
   * The n-gram counts of discovery, only when it was asked for: the recurring n-grams outside the lexicon
   * (NgramCounter.rankedCandidates), and every n-gram's counts for a --discover shard (NgramCounter.toData).
   */
  ngramCounter?: NgramCounter;
}

export interface CollectOptions {
  /** Metadata field whose values are the groups; without it every document is in the group `all`. */
  field?: string;
  /** The slogan lexicon (default: the bundled dict/slogans.tsv). */
  lexicon?: readonly LexiconEntry[];
  /**
   * Also count word n-grams for discovery; these words may not open or close one. `sketch`: read the documents
   * twice, first into a fixed-size sketch of their n-grams, so that only the recurring ones are counted (memory
   * follows the corpus's recurring n-grams, not all of them; the same candidates), leaving the singletons out
   * of ngramCounter (a shard needs them). `spill`: where the n-gram counts go in sorted runs once they fill a
   * table of a fixed size (NgramCounter), so that memory does not follow the corpus's n-grams; not with a shard.
   */
  discover?: { edgeStopwords: ReadonlySet<string>; sketch?: boolean; spill?: Spill };
  /**
   * Formulations the corpus quotes somewhere (corpusQuotedForms over the same documents): each is counted at
   * every use, quoted or not. Without it a formulation outside the lexicon is counted where it is quoted.
   */
  corpusQuotes?: ReadonlySet<string>;
  /**
   * Formulations the wording of some document names (corpusNamedForms over the same documents): each is counted at
   * every use, kind `named`. Without it a named form is counted in the documents that name it.
   */
  corpusNamed?: ReadonlySet<string>;
}

/** The shortest operand of a quoted + formula that is counted on its own: two characters are one word or a fragment. */
const MIN_OPERAND = 3;

/**
 * The operands of a quoted + formula that are formulations of their own (“容缺审批+承诺制” → 容缺审批, 承诺制): the author
 * quotes the formula as a unit of named parts, and a document that goes on to cite a part alone (容缺审批, forty
 * times in a table) is using that part. Only Han operands of MIN_OPERAND characters or more: not a placeholder (N),
 * a letter code or a number (1+9+N), nor a two-character word (党建). Counting (corpusHits) further needs a use to
 * span more than one word, so an operand that is one dictionary word (互联网, 承诺制) is not counted at its uses.
 */
export function quotedFormulaOperands(form: string): string[] {
  if (!/[+＋]/u.test(form)) return [];
  return form.split(/\s*[+＋]\s*/u).filter((o) => [...o].length >= MIN_OPERAND && /^\p{Script=Han}+$/u.test(o));
}

/**
 * First pass over a corpus: the formulations outside the lexicon that some document puts in quotes (the rule of
 * isQuotedFormulation), with the operands of quoted + formulas (quotedFormulaOperands). Reads the texts only;
 * nothing is segmented and no text is kept.
 */
export function corpusQuotedForms(docs: Iterable<Document>, lexicon: readonly LexiconEntry[] = loadBundledLexicon()): Set<string> {
  const matcher = createLexiconMatcher(lexicon);
  const forms = new Set<string>();
  for (const doc of docs) {
    for (const h of quotedHits(doc.text, matcher)) {
      if (h.kind !== 'quoted') continue;
      forms.add(h.canonical);
      // An operand that is itself a lexicon form is counted as that slogan already.
      for (const operand of quotedFormulaOperands(h.canonical)) if (matcher.canonicalOf(operand) === undefined) forms.add(operand);
    }
  }
  return forms;
}

/**
 * The matcher of the corpus's quoted forms or of its named forms (a lexicon without themes or variants) that
 * extractSlogans takes as `corpus` and `corpusNamed`; undefined when there are none. One for `slogans`,
 * `slogans --show` and the report alike.
 */
export function corpusQuoteMatcher(forms: Iterable<string> | undefined): LexiconMatcher | undefined {
  const entries = [...(forms ?? [])].map((canonical) => ({ canonical, variants: [], theme: '', expansion: [], note: '', extra: {} }));
  return entries.length > 0 ? createLexiconMatcher(entries) : undefined;
}

function strongerKind(a: SloganKind, b: SloganKind): SloganKind {
  return SLOGAN_KINDS.indexOf(a) <= SLOGAN_KINDS.indexOf(b) ? a : b;
}

/** Adds one document's hits; `themeOf` gives the lexicon theme of a canonical form. */
function addHits(
  counts: SloganCounts,
  group: number,
  doc: Document,
  hits: SloganHit[],
  themeOf: (canonical: string) => string | undefined,
): void {
  const seenHere = new Set<string>();
  for (const h of hits) {
    let stats = counts.slogans.get(h.canonical);
    if (!stats) {
      const { line, column } = doc.origin.locate(h.start);
      stats = {
        canonical: h.canonical,
        kind: h.kind,
        theme: themeOf(h.canonical) ?? '',
        byGroup: [],
        docs: 0,
        quoted: 0,
        variants: new Set(),
        first: { doc: doc.id, line, column },
        singleWord: true,
      };
      counts.slogans.set(h.canonical, stats);
    }
    stats.kind = strongerKind(stats.kind, h.kind);
    if (!h.singleWord) stats.singleWord = false;
    while (stats.byGroup.length <= group) stats.byGroup.push(0);
    stats.byGroup[group]++;
    if (h.quoted) stats.quoted++;
    if (h.surface !== h.canonical) stats.variants.add(h.surface);
    if (!seenHere.has(h.canonical)) {
      seenHere.add(h.canonical);
      stats.docs++;
    }
  }
}

/** The n-gram sketch of the grouped documents, cut as collectSlogans cuts them (through the token cache, once). */
function sketchNgrams(docs: Iterable<Document>, segmenter: Segmenter, field: string | undefined, edgeStopwords: ReadonlySet<string>) {
  const sketch = new NgramSketch(edgeStopwords);
  for (const doc of docs) if (groupOf(doc, field) !== undefined) sketch.addDocument(segmenter.cut(doc.text, { pos: true }));
  return sketch.seen;
}

/**
 * The slogan counts of a corpus, one document at a time: collectSlogans's loop, and one of the analyses the report
 * feeds from its one reading of the corpus. `hitsOf` extracts a document's formulations (extractSlogans with the
 * lexicon and the corpus's quoted and named forms), `add` counts them in its group; a document without the grouping field
 * is not counted (it is in `leftOut`).
 */
export class SloganCollector {
  readonly counts: SloganCounts;
  readonly matcher: SloganMatcher;
  private readonly corpus?: LexiconMatcher;
  private readonly named?: LexiconMatcher;
  private readonly groupIndex: GroupIndex;
  private readonly ngrams?: NgramCounter;

  /** `sketch`: discover's sketch of the n-grams of the documents to come (sketchNgrams). */
  constructor(options: CollectOptions = {}, sketch?: CountMinSketch) {
    this.matcher = createSloganMatcher(options.lexicon ?? loadBundledLexicon());
    this.corpus = corpusQuoteMatcher(options.corpusQuotes);
    this.named = corpusQuoteMatcher(options.corpusNamed);
    this.counts = { field: options.field, groups: [], leftOut: [], tokens: [], slogans: new Map() };
    this.groupIndex = new GroupIndex(options.field, () => this.counts.tokens.push(0));
    this.counts.groups = this.groupIndex.labels;
    this.counts.leftOut = this.groupIndex.leftOut;
    const discover = options.discover;
    if (discover) this.counts.ngramCounter = this.ngrams = new NgramCounter(discover.edgeStopwords, sketch, discover.spill);
  }

  /** A document's formulations, from its tagged tokens. */
  hitsOf(doc: Document, tokens: Token[]): SloganHit[] {
    return extractSlogans(doc.text, tokens, this.matcher, this.corpus, this.named);
  }

  /** Counts a document (cut with tags) in its group; `hits` are its hitsOf when they are at hand. */
  add(doc: Document, tokens: Token[], hits?: SloganHit[]): void {
    const group = this.groupIndex.groupOf(doc);
    if (group === undefined) return;
    const found = hits ?? this.hitsOf(doc, tokens);
    this.counts.tokens[group] += tokens.filter((t) => isWordToken(t.text)).length;
    addHits(this.counts, group, doc, found, (canonical) => this.matcher.themeOf(canonical));
    this.ngrams?.addDocument(group, doc.text, tokens, found);
  }
}

/**
 * Streams documents once (twice with discover's sketch): segments each, extracts its formulations (extractSlogans), counts them per group, and
 * forgets the text. Documents without the grouping field are not counted (they are in `leftOut`).
 */
export function collectSlogans(docs: Iterable<Document>, segmenter: Segmenter, options: CollectOptions = {}): SloganCounts {
  const discover = options.discover;
  const collector = new SloganCollector(options, discover?.sketch ? sketchNgrams(docs, segmenter, options.field, discover.edgeStopwords) : undefined);
  for (const doc of docs) {
    // Tagged: numbered and + formulas take the nouns that continue them (三大科创高地, 产业大脑+未来工厂). A document
    // without the field is left out uncut.
    collector.add(doc, groupOf(doc, options.field) === undefined ? [] : segmenter.cut(doc.text, { pos: true }));
  }
  return collector.counts;
}
