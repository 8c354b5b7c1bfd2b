import type { PhraseJoin } from './compound.js';
import { joinMarkRuns } from './markRuns.js';
import type { JiebaBinding } from './binding.js';
import type { CutEnds, Words } from './token.js';
import { asWritten, foldWidth } from './widthFold.js';

/**
 * What the segmenter makes of the backend's cut of `folded` (foldWidth of `text`): the phrases joined, each run of
 * a dash or ellipsis one mark (joinMarkRuns), the words given back in the characters of `text`.
 */
export function finishCut(text: string, folded: string, cut: Words, join: PhraseJoin): Words {
  const words = joinMarkRuns(folded, join.apply(folded, cut));
  return folded === text ? words : asWritten(text, words);
}

/**
 * The ends (and dictionary nodes) of the words of `text` as the segmenter's `words` gives them, untagged: the one
 * cut of the counting pipeline, on a cut thread (cutThread.ts) or on the thread that counts (EndsCutter.endsHere).
 */
export function cutEnds(binding: JiebaBinding, join: PhraseJoin, text: string): CutEnds {
  const folded = foldWidth(text);
  const { ends, nodes } = finishCut(text, folded, binding.cut(folded, false), join);
  return { ends: ends!, nodes };
}
