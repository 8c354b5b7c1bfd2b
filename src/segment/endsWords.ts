import type { WordNodes, Words } from './token.js';

/**
 * The words of `text` that follow one another from offset 0, given by their end offsets: the strings are made
 * only when something reads `words`. Counting by where words stand (StretchCounter) and the token cache read
 * only `ends`, so a segmenter that knows its ends (the port's cut, portCut.ts) makes no string per token.
 * `words` is an own, enumerable getter: a spread copy of these Words reads it and keeps the strings.
 */
export function endsWords(text: string, ends: Uint32Array, tags?: string[], nodes?: WordNodes): Words {
  let words: string[] | undefined;
  const cut: Words = {
    ends,
    get words() {
      if (!words) {
        words = new Array<string>(ends.length);
        for (let i = 0, start = 0; i < ends.length; start = ends[i++]) words[i] = text.slice(start, ends[i]);
      }
      return words;
    },
  };
  if (tags) cut.tags = tags;
  if (nodes) cut.nodes = nodes;
  made.add(cut);
  return cut;
}

const made = new WeakSet<Words>();

/** Whether `cut` came from endsWords: its words follow one another from 0, so `ends` alone says where each stands. */
export function isEndsWords(cut: Words): boolean {
  return made.has(cut);
}
