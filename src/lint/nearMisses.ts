import { originalRange, type FoldedText } from '../lexicon/fold.js';
import { sharedReading } from './homophone.js';
import { singleEdit, type SingleEdit } from './singleEdit.js';
import { MIN_INDEL_LENGTH, type FormHalf, type LexiconIndex } from '../lexicon/lexiconIndex.js';
import type { LocatedForm, SloganOccurrence } from './sloganOccurrences.js';
import type { WordList } from '../segment/wordList.js';

const HAN = /^\p{Script=Han}$/u;
/** Numbered formulations differ by their number (三网融合 is not 警网融合, 六项规定 not 八项规定): never a typo. */
const NUMERAL = /^[〇零一二三四五六七八九十百千万两双]$/u;
const OPENING_QUOTES = '“「『‘"';
const CLOSING_QUOTES = '”」』’"';
/** Longest dictionary word looked for around a changed character. */
const MAX_WORD = 4;

/** A window one character away from a lexicon form: a probable typo of the slogan. */
export interface NearMiss extends LocatedForm {
  edit: SingleEdit;
  /** The toneless reading the written and expected characters share, for a substitution by a homophone. */
  reading?: string;
}

interface Candidate {
  from: number;
  to: number;
  form: string;
}

/** Windows that hold one half of a form unchanged, at the lengths one edit allows. */
function candidateWindows(folded: string, p: number, end: number, half: FormHalf): Candidate[] {
  const length = half.form.length;
  const lengths = length >= MIN_INDEL_LENGTH ? [length, length - 1, length + 1] : [length];
  return lengths
    .map((n) => (half.side === 'left' ? { from: p, to: p + n } : { from: end - n, to: end }))
    .filter(({ from, to }) => from >= 0 && to <= folded.length)
    .map((window) => ({ ...window, form: half.form }));
}

/**
 * Whether the written character makes a known word with its neighbours (实战实用 for 实战实训, 完善大安全 for
 * 五大安全): then the text most likely means that word, not a misspelt slogan. `at` is an offset in `text`.
 */
function makesAWord(text: string, at: number, words: WordList): boolean {
  for (let from = Math.max(0, at - MAX_WORD + 1); from <= at; from++) {
    for (let to = at + 1; to <= Math.min(text.length, from + MAX_WORD); to++) {
      if (to - from >= 2 && words.frequency(text.slice(from, to)) > 0) return true;
    }
  }
  return false;
}

/** Whether the window is the whole of a quotation: the writer marked it as a formulation. */
function isQuoted(text: string, start: number, end: number): boolean {
  return OPENING_QUOTES.includes(text[start - 1] ?? '') && CLOSING_QUOTES.includes(text[end] ?? '');
}

/** Only a Han character other than a numeral counts as changed; punctuation, digits and numbers never do. */
function isChangeable(char: string): boolean {
  return HAN.test(char) && !NUMERAL.test(char);
}

function changesWordCharacters(edit: SingleEdit): boolean {
  if (edit.kind === 'substitution') return isChangeable(edit.written) && isChangeable(edit.expected);
  return isChangeable(edit.kind === 'insertion' ? edit.written : edit.expected);
}

/**
 * Whether [from, to) overlaps an exact occurrence. They come in text order without overlapping, so their ends
 * rise too: a binary search finds the first that ends after `from` (a scan of them all made a long text quadratic).
 */
function overlaps(from: number, to: number, occurrences: readonly SloganOccurrence[]): boolean {
  let low = 0;
  let high = occurrences.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (occurrences[mid].foldedEnd <= from) low = mid + 1;
    else high = mid;
  }
  return low < occurrences.length && occurrences[low].foldedStart < to;
}

/** Substitutions by a homophone first, then other substitutions, then a character too many or too few. */
function rank(miss: NearMiss): number {
  if (miss.edit.kind !== 'substitution') return 2;
  return miss.reading === undefined ? 1 : 0;
}

/**
 * Lexicon forms of 4+ characters written with one Han character swapped, or one Han character too many or too
 * few (6+ characters). A swap for a homophone is what an input method does and is looked for everywhere; any
 * other near miss only inside quotation marks, where the writer marked a formulation: in running text it is far
 * more often another phrase (命案全破 beside 命案必破, 公安工作的现代化 beside 公安工作现代化). Never reported: a
 * window that is itself a lexicon form, that overlaps an exact occurrence, or whose written character makes a
 * dictionary word with its neighbours.
 */
export function findNearMisses(
  text: string,
  folded: FoldedText,
  index: LexiconIndex,
  exact: readonly SloganOccurrence[],
  words: WordList,
): NearMiss[] {
  // Windows already looked at, by where they start: a window starts at most a form's length before p, so what
  // starts further back is let go and memory follows the longest form, not the text.
  const seen = new Map<number, Set<string>>();
  let longest = 0;
  const misses: NearMiss[] = [];
  for (let p = 0; p < folded.text.length; p++) {
    seen.delete(p - longest - 2);
    index.halves.walk(folded.text, p, (end, halves) => {
      for (const half of halves) {
        longest = Math.max(longest, half.form.length);
        for (const { from, to, form } of candidateWindows(folded.text, p, end, half)) {
          const key = `${to}:${form}`;
          const at = seen.get(from) ?? new Set<string>();
          if (at.has(key)) continue;
          at.add(key);
          seen.set(from, at);
          const window = folded.text.slice(from, to);
          const edit = singleEdit(window, form);
          if (!edit || !changesWordCharacters(edit) || index.canonicalOf.has(window) || overlaps(from, to, exact)) continue;
          if (edit.kind !== 'deletion' && makesAWord(folded.text, from + edit.at, words)) continue;
          const [start, stop] = originalRange(folded, from, to);
          const reading = edit.kind === 'substitution' ? sharedReading(edit.written, edit.expected) : undefined;
          if (reading === undefined && !isQuoted(text, start, stop)) continue;
          misses.push({ start, end: stop, foldedStart: from, foldedEnd: to, written: text.slice(start, stop), form, canonical: index.canonicalOf.get(form) ?? form, edit, reading });
        }
      }
    });
  }
  return keepBestNonOverlapping(misses);
}

function keepBestNonOverlapping(misses: NearMiss[]): NearMiss[] {
  const kept: NearMiss[] = [];
  const byQuality = [...misses].sort((a, b) => rank(a) - rank(b) || b.form.length - a.form.length || a.start - b.start);
  for (const miss of byQuality) {
    if (!kept.some((k) => miss.foldedStart < k.foldedEnd && k.foldedStart < miss.foldedEnd)) kept.push(miss);
  }
  return kept.sort((a, b) => a.start - b.start);
}
