import { originalRange, type FoldedText } from '../lexicon/fold.js';
import type { LexiconIndex } from '../lexicon/lexiconIndex.js';
import type { WordList } from '../segment/wordList.js';
import type { ReorderedEnumeration } from './reorderedEnumerations.js';

/** Lists of one-character elements are short (黄赌毒, 食药环): longer forms are phrases, not lists. */
const LIST_LENGTHS = [3, 4];

function sortedChars(text: string): string {
  return [...text].sort().join('');
}

function permutations(chars: string[]): string[] {
  if (chars.length <= 1) return [chars.join('')];
  const out = new Set<string>();
  chars.forEach((c, i) => {
    for (const rest of permutations([...chars.slice(0, i), ...chars.slice(i + 1)])) out.add(c + rest);
  });
  return [...out];
}

/**
 * Canonical forms that are lists of one-character elements: the lexicon itself lists a reordering of them as a
 * variant (黄赌毒 beside 毒赌黄), so their order is a list's order, not a word's spelling.
 */
function characterLists(index: LexiconIndex): string[] {
  // Once per lexicon, not once per file (a scan of every form: most of a lint of many small files).
  let lists = CHARACTER_LISTS.get(index);
  if (!lists) CHARACTER_LISTS.set(index, (lists = characterListsOf(index)));
  return lists;
}

const CHARACTER_LISTS = new WeakMap<LexiconIndex, string[]>();

function characterListsOf(index: LexiconIndex): string[] {
  const lists = new Set<string>();
  for (const [form, { canonical }] of index.formOf) {
    if (form !== canonical && LIST_LENGTHS.includes([...canonical].length) && sortedChars(form) === sortedChars(canonical)) lists.add(canonical);
  }
  return [...lists];
}

/**
 * A one-character list written in an order the lexicon does not list (毒黄赌 for 黄赌毒): any permutation, not
 * only listed ones, unless that permutation is a word of its own.
 */
export function findReorderedCharacterLists(text: string, folded: FoldedText, index: LexiconIndex, words: WordList): ReorderedEnumeration[] {
  const found: ReorderedEnumeration[] = [];
  for (const canonical of characterLists(index)) {
    for (const written of permutations([...canonical])) {
      if (index.canonicalOf.has(written) || words.frequency(written) > 0) continue;
      for (let at = folded.text.indexOf(written); at !== -1; at = folded.text.indexOf(written, at + 1)) {
        const [start, end] = originalRange(folded, at, at + written.length);
        found.push({ start, end, written: text.slice(start, end), form: canonical, canonical });
      }
    }
  }
  return found;
}
