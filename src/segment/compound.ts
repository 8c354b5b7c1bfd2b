import { CodeUnitTrie } from '../lexicon/charTrie.js';
import { endsWords, isEndsWords } from './endsWords.js';
import { NodeTable } from './nodeTable.js';
import { wordEnds } from './offsets.js';
import type { WordNodes, Words } from './token.js';

/**
 * Joins multi-word phrases into one token after segmentation (quanteda's tokens_compound), with --compound only:
 * by default tokens are words and a formulation stays as the words jieba cuts it into (segmenterVocabulary says
 * why). jieba cuts at 、 · and spaces before it looks at its dictionary, so `市县主战、派出所主防` can only be one
 * token here.
 * A phrase is joined only where it starts and ends on word boundaries, so no other word changes; at each word
 * the longest phrase starting there wins (leftmost-longest, as the lexicon index matches).
 *
 * The text is matched as written, not folded: a token is a stretch of the text, and a term with a space or a
 * comma inside (`专业 + 机制`) would be a new word in every table. Slogans and lint see such forms through the fold.
 */
/** startsJoin's answers. */
const UNKNOWN = 0;
const STARTS = 1;
const DOES_NOT_START = 2;

/** Words copied by one call at most (a call takes its arguments on the stack). */
const STRETCH = 4096;

export class PhraseJoin {
  private readonly trie = new CodeUnitTrie();
  /** 1 at the trie nodes where a phrase ends. */
  private readonly phraseEnd: Uint8Array;
  private readonly empty: boolean;
  /** 1 at each code unit some phrase starts with: about half the words open one, the rest are answered here. */
  private readonly opens = new Uint8Array(0x10000);
  /** 1 at the trie nodes some phrase goes on from. */
  private readonly goesOn: Uint8Array;
  /**
   * Whether the dictionary word at each node of the segmenter's trie (Words.nodes) is a proper prefix of a phrase,
   * the only kind of word a join can start at: UNKNOWN until first met, then answered with one read. Most
   * words that open a phrase by their first unit go no further (发展 and 发展新质生产力, but 发 of 发挥 too).
   */
  private readonly startsJoin = new NodeTable((length) => new Uint8Array(length));

  /** `phrases`: lexicon forms that hold a segmenter cut (LexiconIndex forms, see createSegmenter). */
  constructor(phrases: Iterable<string>) {
    // One unit is one word at most: nothing to join.
    const joinable = [...phrases].filter((phrase) => phrase.length >= 2);
    this.empty = joinable.length === 0;
    const ends = joinable.map((phrase) => this.trie.insert(phrase));
    this.phraseEnd = new Uint8Array(this.trie.size);
    this.goesOn = new Uint8Array(this.trie.size);
    for (const end of ends) this.phraseEnd[end] = 1;
    for (const phrase of joinable) {
      this.opens[phrase.charCodeAt(0)] = 1;
      let node = CodeUnitTrie.ROOT;
      for (let k = 0; k < phrase.length - 1; k++) this.goesOn[(node = this.trie.next(node, phrase.charCodeAt(k)))] = 1;
    }
  }

  /** Whether text[start, end) is a proper prefix of some phrase. */
  private prefixOfPhrase(text: string, start: number, end: number): boolean {
    let node = CodeUnitTrie.ROOT;
    for (let i = start; i < end && node >= 0; i++) node = this.trie.next(node, text.charCodeAt(i));
    return node >= 0 && this.goesOn[node] === 1;
  }

  /** The cut with its phrases joined, and the end offset of each of its words in `text` (Words.ends). */
  apply(text: string, cut: Words): Words {
    // Contiguous words (endsWords) are matched by their ends alone, so that joining makes no string per word.
    const contiguous = isEndsWords(cut);
    const { tags } = cut;
    const ends = cut.ends ?? wordEnds(text, cut.words, 0, text.length);
    const count = ends.length;
    const unchanged = () => (contiguous ? cut : { ...cut, ends });
    if (this.empty || count < 2) return unchanged();
    const { trie, phraseEnd, opens } = this;
    const startOf = contiguous ? (i: number) => (i === 0 ? 0 : ends[i - 1]) : (i: number) => ends[i] - cut.words[i].length;
    const joins: Array<[number, number]> = [];
    const startsJoin = cut.nodes && this.startsJoin.for(cut.nodes);
    const nodeIds = cut.nodes?.ids;
    for (let first = 0; first < count; first++) {
      const start = startOf(first);
      if (opens[text.charCodeAt(start)] === 0) continue;
      const word = nodeIds ? nodeIds[first] : -1;
      if (word >= 0) {
        let known = startsJoin![word];
        if (known === UNKNOWN) known = startsJoin![word] = this.prefixOfPhrase(text, start, ends[first]) ? STARTS : DOES_NOT_START;
        if (known === DOES_NOT_START) continue;
      }
      // The walk meets phrase ends in increasing order and word ends increase too: one pointer finds the
      // word ending at each phrase end, no map of every word's end per chunk.
      let last = -1;
      let k = first;
      for (let i = start, node = CodeUnitTrie.ROOT; i < text.length; i++) {
        node = trie.next(node, text.charCodeAt(i));
        if (node < 0) break;
        if (phraseEnd[node] === 0) continue;
        const end = i + 1;
        while (k < count && ends[k] < end) k++;
        if (k >= count) break;
        if (ends[k] !== end) continue;
        while (k + 1 < count && ends[k + 1] === end) k++;
        if (k > first) last = k;
      }
      if (last > first) {
        joins.push([first, last]);
        first = last;
      }
    }
    if (joins.length === 0) return unchanged();
    const joinedCount = count - joins.reduce((n, [first, last]) => n + last - first, 0);
    if (contiguous) return endsWords(text, joinedEnds(ends, joins, joinedCount), tags && joinedTags(tags, joins), cut.nodes && joinedNodes(cut.nodes, joins, joinedCount));
    const { words } = cut;
    // The words between joins are copied a stretch at a time (push of a slice, set of a subarray): a chunk
    // holds a few joins and thousands of words. A stretch goes in parts so that no call takes too many arguments.
    const outWords: string[] = [];
    const outTags: string[] = [];
    const outEnds = new Uint32Array(joinedCount);
    let next = 0;
    const keep = (to: number) => {
      outEnds.set(ends.subarray(next, to), outWords.length);
      for (let from = next; from < to; from += STRETCH) {
        outWords.push(...words.slice(from, Math.min(to, from + STRETCH)));
        if (tags) outTags.push(...tags.slice(from, Math.min(to, from + STRETCH)));
      }
    };
    for (const [first, last] of joins) {
      keep(first);
      outEnds[outWords.length] = ends[last];
      outWords.push(text.slice(startOf(first), ends[last]));
      if (tags) outTags.push('nz');
      next = last + 1;
    }
    keep(words.length);
    return tags ? { words: outWords, tags: outTags, ends: outEnds } : { words: outWords, ends: outEnds };
  }
}

/**
 * Per-word values of words joined at `joins` ([first, last] word indexes, in order) into `out` (length: the joined count):
 * the values of unjoined words are copied, a joined phrase gets `phrase(last)`.
 */
function joinedValues<T extends Uint32Array | Int32Array>(values: T, out: T, joins: Array<[number, number]>, phrase: (last: number) => number): T {
  let next = 0;
  let at = 0;
  for (const [first, last] of joins) {
    out.set(values.subarray(next, first), at);
    at += first - next;
    out[at++] = phrase(last);
    next = last + 1;
  }
  out.set(values.subarray(next), at);
  return out;
}

/** The ends of words joined at `joins`: a joined phrase ends where its last word does. */
function joinedEnds(ends: Uint32Array, joins: Array<[number, number]>, count: number): Uint32Array {
  return joinedValues(ends, new Uint32Array(count), joins, (last) => ends[last]);
}

/** The trie nodes of words joined at `joins`: a joined phrase is no word of the dictionary (NO_NODE, -1). */
function joinedNodes(nodes: WordNodes, joins: Array<[number, number]>, count: number): WordNodes {
  return { dictionary: nodes.dictionary, ids: joinedValues(nodes.ids, new Int32Array(count), joins, () => -1) };
}

/** The tags of words joined at `joins`: a joined phrase is tagged nz. */
function joinedTags(tags: string[], joins: Array<[number, number]>): string[] {
  const out: string[] = [];
  let next = 0;
  for (const [first, last] of joins) {
    for (let i = next; i < first; i++) out.push(tags[i]);
    out.push('nz');
    next = last + 1;
  }
  for (let i = next; i < tags.length; i++) out.push(tags[i]);
  return out;
}
