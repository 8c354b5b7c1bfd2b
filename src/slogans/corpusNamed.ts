import type { Document } from '../corpus/document.js';
import type { Segmenter } from '../segment/token.js';
import { canonicalSurface } from '../lexicon/fold.js';
import { createLexiconMatcher, type LexiconMatcher } from '../lexicon/lexiconMatcher.js';
import { loadBundledLexicon, type LexiconEntry } from '../lexicon/lexicon.js';
import { namedPlaces } from './namedFormulations.js';

/**
 * What a sentence holds wherever a rule of namedPlaces finds a form in it: 战略 (namedStrategies), 相结合 并重 并举
 * (combinationPrinciples), a weighing phrase (principleLists), or a 、 list before 的 and a principle head
 * (principleEnumerations). Only the sentences holding one are cut in the corpus's first pass (a tenth of a work
 * report's text).
 */
const NAMING_CLUE = /战略|结合|并重|并举|为主|为辅|为本|为先|兼治|兼顾|寓|、[^。；\n]*的[^。；\n]*(?:方针|原则|方略|要求|理念|机制|体制|体系|制度|格局|队伍)/u;
/** Where the first pass cuts a text: sentence ends and line breaks (no named form spans one). */
const SENTENCE = /[^。！？；!?;\n]+[。！？；!?;\n]?/gu;

/**
 * First pass over a corpus for `named` finds: the forms that some document's wording names (namedPlaces), so that
 * each is counted at every use in every document, as a quoted formulation is (corpusQuotedForms). Only the sentences
 * holding a naming clue (NAMING_CLUE) are segmented, one by one; a form that is a lexicon form is left to the lexicon.
 * Whether a use touches another find is decided where it is counted (namedHits). No text is kept.
 */
export function corpusNamedForms(docs: Iterable<Document>, segmenter: Segmenter, lexicon: readonly LexiconEntry[] = loadBundledLexicon()): Set<string> {
  const matcher = createLexiconMatcher(lexicon);
  const forms = new Set<string>();
  for (const doc of docs) addNamedForms(doc.text, segmenter, matcher, forms);
  return forms;
}

/** One document's part of corpusNamedForms, added to `forms` (`matcher`: the lexicon's), for a pass that reads more. */
export function addNamedForms(text: string, segmenter: Segmenter, matcher: LexiconMatcher, forms: Set<string>): void {
  for (const m of text.matchAll(SENTENCE)) {
    if (!NAMING_CLUE.test(m[0])) continue;
    for (const [start, end] of namedPlaces(segmenter.cut(m[0], { pos: true }))) {
      const surface = m[0].slice(start, end);
      if (matcher.canonicalOf(surface) === undefined) forms.add(canonicalSurface(surface));
    }
  }
}
