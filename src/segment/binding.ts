import type { Words } from './token.js';

/** What a jieba binding gives createSegmenter: the raw cut, before the phrase join. */
export interface JiebaBinding {
  readonly name: string;
  cut(text: string, pos: boolean): Words;
  /** The same cut; a backend that can segments off the JavaScript thread. */
  cutAsync(text: string, pos: boolean): Promise<Words>;
}

/** Tagged words as the two arrays of Words. */
export function splitTagged(tagged: Array<{ word: string; tag: string }>): Words {
  const words = new Array<string>(tagged.length);
  const tags = new Array<string>(tagged.length);
  for (let i = 0; i < tagged.length; i++) [words[i], tags[i]] = [tagged[i].word, tagged[i].tag];
  return { words, tags };
}
