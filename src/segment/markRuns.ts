import { endsWords, isEndsWords } from './endsWords.js';
import type { Words } from './token.js';

/**
 * The Chinese dash and ellipsis are one punctuation mark written with two characters (破折号 ——, 省略号 ……: GB/T
 * 15834), and texts also write three (———). jieba makes every such character a token of its own (—|—); here a
 * run of one of them is one token. The marks: — (U+2014) and ― (U+2015, what many GBK converters give for the
 * same dash), … (U+2026) and ⋯ (U+22EF).
 */
const isMark = (code: number): boolean => code === 0x2014 || code === 0x2015 || code === 0x2026 || code === 0x22ef;
const DOUBLED = /([\u2014\u2015\u2026\u22ef])\1/;

/** A word made of one mark, repeated: the pieces a run was cut into. */
const markOf = (word: string): number => {
  const code = word.charCodeAt(0);
  if (!isMark(code)) return -1;
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
  if (!isMark(code)) return -1;
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) !== code) return -1;
  return code;
}

/**
 * joinMarkRuns for words given by their ends (endsWords): the same joins, read where the words stand, no strings
 * made. Written into typed arrays as long as the cut (half the chunks of a report have a doubled mark, and a
 * chunk has thousands of words, few of them marks).
 */
function joinMarkRunEnds(text: string, cut: Words): Words {
  const ends = cut.ends!;
  const { tags, nodes } = cut;
  const outEnds = new Uint32Array(ends.length);
  const outTags: string[] = [];
  const outNodes = nodes && new Int32Array(ends.length);
  let out = 0;
  let lastMark = -1;
  let start = 0;
  for (let i = 0; i < ends.length; start = ends[i++]) {
    const mark = markAt(text, start, ends[i]);
    if (mark >= 0 && mark === lastMark) {
      outEnds[out - 1] = ends[i];
      // A run of marks is no word of the dictionary.
      if (outNodes) outNodes[out - 1] = -1;
      continue;
    }
    outEnds[out] = ends[i];
    if (tags) outTags.push(tags[i]);
    if (outNodes) outNodes[out] = nodes!.ids[i];
    out++;
    lastMark = mark;
  }
  if (out === ends.length) return cut;
  return endsWords(text, outEnds.slice(0, out), tags && outTags, nodes && { dictionary: nodes.dictionary, ids: outNodes!.slice(0, out) });
}
