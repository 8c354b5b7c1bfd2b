import { readFileSync } from 'node:fs';
import { bundledDictPath } from '../bundledDict.js';
import { parseJiebaDict } from './dictionary.js';
import { jiebaDictionary } from './nodeRsJieba.js';

/** Frequencies of known words: a rule asks whether characters make a real word, and how common it is. */
export interface WordList {
  frequency(word: string): number;
}

/** The jieba dictionary lines are `word freq pos`; only the first two fields matter here. */
function addJiebaWords(text: string, words: Map<string, number>): void {
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const freq = Number.parseInt(line.slice(space + 1), 10);
    if (freq > 0) words.set(line.slice(0, space), freq);
  }
}

let bundled: WordList | undefined;

/**
 * The words of the jieba dictionary that the segmenter itself uses, plus tifa's police terms: the same
 * vocabulary the rest of tifa cuts text with, so a rule and a segmentation agree on what a word is.
 * Read once, on first use (about 350,000 words).
 */
export function bundledWordList(): WordList {
  if (!bundled) {
    const words = new Map<string, number>();
    addJiebaWords(jiebaDictionary().toString('utf8'), words);
    const police = bundledDictPath('police-terms.dict.txt');
    for (const entry of parseJiebaDict(readFileSync(police, 'utf8'), police)) words.set(entry.word, entry.freq);
    bundled = { frequency: (word) => words.get(word) ?? 0 };
  }
  return bundled;
}
