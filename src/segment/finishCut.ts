import type { PhraseJoin } from './compound.js';
import { joinMarkRuns } from './markRuns.js';
import type { Words } from './token.js';
import { asWritten } from './widthFold.js';

/**
 * What the segmenter makes of the backend's cut of `folded` (foldWidth of `text`): the phrases joined, each run of
 * a dash or ellipsis one mark (joinMarkRuns), the words given back in the characters of `text`.
 */
export function finishCut(text: string, folded: string, cut: Words, join: PhraseJoin): Words {
  const words = joinMarkRuns(folded, join.apply(folded, cut));
  return folded === text ? words : asWritten(text, words);
}
