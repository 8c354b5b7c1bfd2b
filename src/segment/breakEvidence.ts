import type { BreakEvidence } from '../corpus/pageBreaks.js';
import type { WordSegmenter } from './token.js';

/** Characters read on each side of a break: enough for the longest word, short enough to cut cheaply. */
const WINDOW = 12;
const HAN = /\p{Script=Han}/u;

/**
 * The segmenter's evidence on a page break: cut the text read on across the break and see whether a word starts
 * before it and ends after it (`适当控⏎制信贷` → 适当/控制/信贷). The segmenter, not the bare dictionary, decides,
 * because a dictionary finds a word across almost any break (`局面⏎面对` holds 面面, which no segmentation makes).
 * A lexicon formulation counts as one word here (cutUnits), with or without --compound: the repaired text is the
 * same whichever tokens are asked for.
 */
export function segmenterBreakEvidence(segmenter: WordSegmenter): BreakEvidence {
  return {
    wordAcross(before, after) {
      const left = before.slice(-WINDOW);
      const tokens = segmenter.cutUnits(left + after.slice(0, WINDOW));
      return tokens.some((t) => t.start < left.length && t.end > left.length && HAN.test(t.text));
    },
  };
}
