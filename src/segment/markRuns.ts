import { endsWords, isEndsWords } from './endsWords.js';
import type { Words } from './token.js';

/**
 * The Chinese dash and ellipsis are one punctuation mark written with two characters (破折号 ——, 省略号 ……: GB/T
 * 15834), and texts also write three (———). jieba makes every such character a token of its own (—|—); here a
 * run of one of them is one token. The marks: — (U+2014) and ― (U+2015, what many GBK converters give for the
 * same dash), … (U+2026) and ⋯ (U+22EF).
 */
const MARKS = new Set([0x2014, 0x2015, 0x2026, 0x22ef]);
const DOUBLED = /([\u2014\u2015\u2026\u22ef])\1/;

/** A word made of one mark, repeated: the pieces a run was cut into. */
const markOf = (word: string): number => {
  const code = word.charCodeAt(0);
  if (!MARKS.has(code)) return -1;
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) !== code) return -1;
  return code;
};

/** `cut` (with its ends) with each run of one dash or ellipsis character as one word; `cut` itself when none. */
export function joinMarkRuns(text: string, cut: Words): Words {
  if (!DOUBLED.test(text)) return cut;
  if (isEndsWords(cut)) return joinMarkRunEnds(text, cut);
  const { words, tags } = cut;
  const ends = cut.ends!;
  const outWords: string[] = [];
  const outTags: string[] = [];
  const outEnds: number[] = [];
  let lastMark = -1;
  for (let i = 0; i < words.length; i++) {
    const mark = markOf(words[i]);
    if (mark >= 0 && mark === lastMark && ends[i] - words[i].length === outEnds[outEnds.length - 1]) {
      outWords[outWords.length - 1] += words[i];
      outEnds[outEnds.length - 1] = ends[i];
      continue;
    }
    outWords.push(words[i]);
    outEnds.push(ends[i]);
    if (tags) outTags.push(tags[i]);
    lastMark = mark;
  }
  if (outWords.length === words.length) return cut;
  const ended = Uint32Array.from(outEnds);
  return tags ? { words: outWords, tags: outTags, ends: ended } : { words: outWords, ends: ended };
}

/** The mark a stretch of `text` is made of (one mark, repeated), or -1. */
function markAt(text: string, start: number, end: number): number {
  const code = text.charCodeAt(start);
  if (!MARKS.has(code)) return -1;
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) !== code) return -1;
  return code;
}

/** joinMarkRuns for words given by their ends (endsWords): the same joins, read where the words stand, no strings made. */
function joinMarkRunEnds(text: string, cut: Words): Words {
  const ends = cut.ends!;
  const { tags, nodes } = cut;
  const outEnds: number[] = [];
  const outTags: string[] = [];
  const outNodes: number[] = [];
  let lastMark = -1;
  let start = 0;
  for (let i = 0; i < ends.length; start = ends[i++]) {
    const mark = markAt(text, start, ends[i]);
    if (mark >= 0 && mark === lastMark) {
      outEnds[outEnds.length - 1] = ends[i];
      // A run of marks is no word of the dictionary.
      if (nodes) outNodes[outNodes.length - 1] = -1;
      continue;
    }
    outEnds.push(ends[i]);
    if (tags) outTags.push(tags[i]);
    if (nodes) outNodes.push(nodes.ids[i]);
    lastMark = mark;
  }
  if (outEnds.length === ends.length) return cut;
  return endsWords(text, Uint32Array.from(outEnds), tags && outTags, nodes && { dictionary: nodes.dictionary, ids: Int32Array.from(outNodes) });
}
