import { lexiconSurfaceForms, type LexiconEntry } from '../slogans/lexicon.js';
import { buildCharTrie, type CharTrie } from './charTrie.js';

/** Shorter forms (两山, 护游, 1+N) are left out of fuzzy matching: one character off, they are other words. */
const MIN_FUZZY_LENGTH = 4;
/** A character too many or too few is only looked for in long forms, where it cannot be a different phrase. */
export const MIN_INDEL_LENGTH = 6;

/** One half of a lexicon form: a window one edit away from the form contains one of its halves unchanged. */
export interface FormHalf {
  form: string;
  side: 'left' | 'right';
}

/** A lexicon form that lists elements with 、 (严格、规范、公正、文明). */
export interface Enumeration {
  form: string;
  items: string[];
}

/** The lexicon, prepared for the slogan rules. */
export interface SloganIndex {
  /** Every written form (canonical or variant) → its canonical form. */
  canonicalOf: ReadonlyMap<string, string>;
  forms: CharTrie<string>;
  halves: CharTrie<FormHalf>;
  enumerations: Enumeration[];
}

function halvesOf(form: string): Array<[string, FormHalf]> {
  const middle = Math.floor(form.length / 2);
  return [
    [form.slice(0, middle), { form, side: 'left' }],
    [form.slice(middle), { form, side: 'right' }],
  ];
}

export function buildSloganIndex(entries: readonly LexiconEntry[]): SloganIndex {
  const canonicalOf = lexiconSurfaceForms(entries);
  const forms = [...canonicalOf.keys()];
  return {
    canonicalOf,
    forms: buildCharTrie(forms.map((form): [string, string] => [form, form])),
    halves: buildCharTrie(forms.filter((form) => form.length >= MIN_FUZZY_LENGTH).flatMap(halvesOf)),
    enumerations: forms.filter((form) => form.includes('、')).map((form) => ({ form, items: form.split('、') })),
  };
}
