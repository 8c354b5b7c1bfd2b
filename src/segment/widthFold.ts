import { endsWords, isEndsWords } from './endsWords.js';
import type { WordNodes, Words } from './token.js';

/**
 * Full-width ASCII as jieba should read it. Official texts write numbers and Latin letters full-width
 * (１９９７年, ５．６％, ＡＰＰ); jieba knows only ASCII ones, so it gave every full-width digit as a token of its
 * own (１|９|９|７|年) where it keeps 1997 and 5.6% whole. The segmenter cuts a copy of the text with these
 * characters as ASCII and gives the tokens back as the user wrote them.
 *
 * Folded: the full-width forms (U+FF01–FF5E) of the characters jieba reads as parts of a word — digits, letters
 * and + # & . _ % - (jieba's "han" pattern). Every other full-width mark (，：；（）！？) is a token of its own
 * whether folded or not, so it is left alone: a policy text has a ，in nearly every sentence, and only a chunk
 * with something to fold pays for the fold. One code unit for one, so every offset stays where it was.
 */
const FOLDED = /[\uff03\uff05\uff06\uff0b\uff0d\uff0e\uff10-\uff19\uff21-\uff3a\uff3f\uff41-\uff5a]/g;
const ANY_FOLDED = new RegExp(FOLDED.source);

/** `text` with its full-width digits, letters and word symbols as ASCII; `text` itself when it has none. */
export function foldWidth(text: string): string {
  if (!ANY_FOLDED.test(text)) return text;
  return text.replace(FOLDED, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A segmentation of `foldWidth(text)` as words of `text`: the same cut, the user's own characters. */
export function asWritten(text: string, cut: Words): Words {
  const ends = cut.ends!;
  // Contiguous words are slices of `text` at the same ends (the fold keeps every offset): still no strings.
  if (isEndsWords(cut)) return endsWords(text, ends, cut.tags, cut.nodes && writtenNodes(text, ends, cut.nodes));
  const words = cut.words.map((word, i) => text.slice(ends[i] - word.length, ends[i]));
  return { ...cut, words };
}

/**
 * The dictionary nodes of a cut of the folded text that still name the words as written: a word with a folded
 * character in it (１９９７, whose node is 1997's) has none (NO_NODE, -1); the rest keep theirs.
 */
function writtenNodes(text: string, ends: Uint32Array, nodes: WordNodes): WordNodes {
  const ids = nodes.ids.slice();
  let word = 0;
  for (const match of text.matchAll(FOLDED)) {
    while (ends[word] <= match.index) word++;
    ids[word] = -1;
  }
  return { dictionary: nodes.dictionary, ids };
}
