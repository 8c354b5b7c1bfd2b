/**
 * What a domain term needs from jieba's dictionary, computed from jieba's own dictionary (issue 16: a dictionary
 * that adds without moving).
 *
 * The frequency: Python jieba's `suggest_freq(word, tune=True)`. jieba picks the cut whose words have the largest
 * product of probabilities freq/total, so a word is kept whole once its probability beats that of the pieces it
 * is cut into today: freq = max(⌊total · Π freq(piece)/total⌋ + 1, freq(word)). Terms loaded so add almost nothing
 * to the total (two pieces of frequency 30 000 and 5 000 in a total of 60 million give 3); a flat 100 000 a term
 * added 36.7 million to a total of 60.1 million and made jieba prefer longer words everywhere.
 *
 * Whether the term needs an entry at all: only when jieba's own cut of it begins or ends with a lone content
 * character (市|域|社会|治理, 涉|黑|涉|恶, 零|容忍). Such a character can join the word beside it (对涉|黑涉|恶) and cut
 * through the term. A term that jieba already cuts into words at both edges (全过程|人民|民主, 国家|安全) has
 * token boundaries where it starts and ends, so the lexicon finds it as it stands, and adding it would only
 * change how its own words are cut (the SIGHAN PKU standard cuts 中国|特色|社会主义). A lone function character at
 * an edge (以|经济建设|为|中心: 以 is a preposition) does not join its neighbour, so it does not count either. A
 * term left out cannot break a common word around it (群众安全感 is 群众|安全感, so 人民群众安全感 keeps 人民群众).
 */

/** jieba part-of-speech tags of function words: prepositions, conjunctions, particles, interjections, onomatopoeia. */
const FUNCTION_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'y', 'e', 'o']);

/** The copula and the existential verb: a phrase with one of them inside makes a statement (科技是第一生产力). */
const PREDICATING = new Set(['是', '有']);
/** A piece that is part of a word: a letter or digit of any script, or the + of a formula (1+9+N). */
const WORD_CHARACTER = /[\p{L}\p{N}+]/u;

export class JiebaFrequencies {
  private readonly freq = new Map<string, number>();
  /** jieba's tag of each word asked about (and its substrings) that has one. */
  private readonly tags = new Map<string, string>();
  private readonly functionChars = new Set<string>();
  /** Sum of all frequencies, the denominator of every word probability. */
  readonly total: number;

  /**
   * @param dictText jieba's dictionary, `word freq [pos]` a line.
   * @param words the words that will be asked about: only their substrings are kept, so that reading the
   *   dictionary costs one pass over its text and no map of 350 000 words.
   */
  constructor(dictText: string, words: Iterable<string>) {
    const wanted = new Set<string>();
    for (const word of words) {
      for (let i = 0; i < word.length; i++) for (let j = i + 1; j <= word.length; j++) wanted.add(word.slice(i, j));
    }
    let total = 0;
    let start = 0;
    while (start < dictText.length) {
      let end = dictText.indexOf('\n', start);
      if (end < 0) end = dictText.length;
      const first = dictText.indexOf(' ', start);
      if (first > start && first < end) {
        const second = dictText.indexOf(' ', first + 1);
        const numberEnd = second > first && second < end ? second : end;
        const count = Number(dictText.slice(first + 1, numberEnd));
        if (count > 0) {
          total += count;
          if (first - start <= 2) {
            const word = dictText.slice(start, first);
            if ([...word].length === 1 && FUNCTION_TAGS.has(dictText.slice(numberEnd + 1, end).trim())) this.functionChars.add(word);
          }
          const word = dictText.slice(start, first);
          if (wanted.has(word)) {
            this.freq.set(word, count);
            if (numberEnd < end) this.tags.set(word, dictText.slice(numberEnd + 1, end).trim());
          }
        }
      }
      start = end + 1;
    }
    this.total = total;
  }

  /** A word's frequency in the dictionary, 0 when it is not there (or was not asked about). */
  frequency(word: string): number {
    return this.freq.get(word) ?? 0;
  }

  /**
   * jieba's cut without HMM (`cut(word, HMM=False)`): the route of largest Σ log(freq/total) through the DAG of
   * dictionary words, single characters always allowed (frequency 1 when unknown), ties to the longer word.
   */
  cut(text: string): string[] {
    const n = text.length;
    const logTotal = Math.log(this.total);
    const best = new Float64Array(n + 1);
    const next = new Int32Array(n + 1);
    for (let i = n - 1; i >= 0; i--) {
      best[i] = -Infinity;
      for (let j = i + 1; j <= n; j++) {
        const f = this.freq.get(text.slice(i, j));
        if (j > i + 1 && !f) continue;
        const score = Math.log(f || 1) - logTotal + best[j];
        if (score > best[i] || (score === best[i] && j > next[i])) {
          best[i] = score;
          next[i] = j;
        }
      }
    }
    const words: string[] = [];
    for (let i = 0; i < n; i = next[i]) words.push(text.slice(i, next[i]));
    return words;
  }

  /** The smallest frequency that makes jieba keep `word` whole (Python jieba's suggest_freq with tune). */
  suggest(word: string): number {
    let p = 1;
    for (const piece of this.cut(word)) p *= (this.freq.get(piece) || 1) / this.total;
    return Math.max(Math.floor(p * this.total) + 1, this.frequency(word));
  }

  /**
   * A formulation with the structure of a clause, not of a name (以经济建设为中心, 和平与发展, 发展是硬道理): inside
   * jieba's own cut of it, between its first and last pieces, stands a function word (a preposition, conjunction
   * or particle: 以…为, 与, 和, 的), the copula 是 or the existential 有 (it states something rather than names it),
   * or a punctuation mark; or it opens with a preposition or particle followed by a word (为|人民|服务, 以|德治国:
   * a phrase it governs). A name (两个确立, 枫桥经验, 中国特色社会主义, 专业+机制+大数据) has none of these. jieba
   * tags a character by its commonest use, and at an edge a lone character is often a bound part of the term,
   * so an edge counts only in that one case: not before a lone character (自|贸|试验区: 自 tagged p; 和|美|乡村: 和
   * tagged c), nor at the end (产学研|用).
   */
  isClause(word: string): boolean {
    const pieces = this.cut(word);
    const opener = pieces[0];
    if (pieces.length > 1 && opener.length === 1 && FUNCTION_TAGS.has(this.tags.get(opener) ?? '') && [...pieces[1]].length > 1) return true;
    for (let i = 1; i < pieces.length - 1; i++) {
      const piece = pieces[i];
      if (FUNCTION_TAGS.has(this.tags.get(piece) ?? '') || PREDICATING.has(piece) || !WORD_CHARACTER.test(piece)) return true;
    }
    return false;
  }

  /** The term must be in the dictionary to come out whole: jieba's cut of it has a lone content character at an edge. */
  needsEntry(word: string): boolean {
    const pieces = this.cut(word);
    if (pieces.length < 2) return false;
    const lone = (piece: string) => [...piece].length === 1 && !this.functionChars.has(piece);
    return lone(pieces[0]) || lone(pieces[pieces.length - 1]);
  }
}
