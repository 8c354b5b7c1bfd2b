import { originalRange, type FoldedText } from '../lexicon/fold.js';
import type { LexiconIndex } from '../lexicon/lexiconIndex.js';

/** Shorter forms doubled are ordinary words (两两, 人人): only forms of three characters or more. */
const MIN_LENGTH = 3;
const HAN = /\p{Script=Han}/u;

/** A lexicon form written with one of its characters typed twice (两个个确立). */
export interface DoubledCharacter {
  start: number;
  end: number;
  written: string;
  canonical: string;
  doubled: string;
}

/**
 * Each Han character written twice in a row whose removal leaves a lexicon form there, where the text as written
 * holds no form at that place (a form that itself repeats a character is written right).
 */
export function findDoubledCharacters(text: string, folded: FoldedText, index: LexiconIndex, occupied: ReadonlyArray<[number, number]>): DoubledCharacter[] {
  const found: DoubledCharacter[] = [];
  const t = folded.text;
  for (let i = 0; i + 1 < t.length; i++) {
    if (t[i] !== t[i + 1] || !HAN.test(t[i])) continue;
    if (occupied.some(([s, e]) => s <= i + 1 && i < e)) continue;
    // Read the text without the second copy and look for a form covering the kept one.
    const without = t.slice(0, i + 1) + t.slice(i + 2);
    const hit = formAround(without, i, index);
    if (!hit) continue;
    const [from, to] = [hit.start, hit.end + 1];
    const [start, end] = originalRange(folded, from, to);
    found.push({ start, end, written: text.slice(start, end), canonical: index.canonicalOf.get(hit.form) ?? hit.form, doubled: t[i] });
  }
  return found;
}

/** The longest lexicon form of MIN_LENGTH or more characters in `text` that covers offset `at`. */
function formAround(text: string, at: number, index: LexiconIndex): { start: number; end: number; form: string } | undefined {
  let best: { start: number; end: number; form: string } | undefined;
  for (let start = Math.max(0, at - 30); start <= at; start++) {
    if (!index.forms.opens(text, start)) continue;
    index.forms.walk(text, start, (end, forms) => {
      const form = forms[0];
      if (end > at && [...form].length >= MIN_LENGTH && (!best || form.length > best.form.length)) best = { start, end, form };
    });
  }
  return best;
}
