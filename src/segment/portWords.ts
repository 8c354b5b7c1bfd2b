import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { bundledDictPath } from '../bundledDict.js';
import { endsWords } from './endsWords.js';
import { PortCutter, imageMemory, portFromImage, portImage, type PortMemory } from './portCut.js';
import { buildPortDictionary, type PortDictionaryData } from './portDictionary.js';
import { parseHmmModel } from './portHmm.js';
import type { Words } from './token.js';
import type { VocabularyStore } from './vocabularyKey.js';

/** Bump when the dictionary's arrays change meaning: stored ones then miss. */
const PORT_DICTIONARY_FORMAT = 5;

/** jieba's HMM (finalseg), as jieba-rs compiles it in: dict/jieba-hmm.model, cppjieba's hmm_model.utf8. */
const hmmModelText = () => readFileSync(bundledDictPath('jieba-hmm.model'));

/**
 * What the port cuts with: its dictionary (by the key of what it is built from) and jieba's HMM, in one shared
 * WebAssembly memory (`port`) that every thread it is handed to cuts from; `data` is a view of its arrays there.
 */
export interface PortDictionary {
  key: string;
  data: PortDictionaryData;
  port: PortMemory;
}

/**
 * The port's dictionary for jieba's dictionary and tifa's entries, with jieba's HMM: the one this thread has, or
 * read from `store` (the cache, and the one built with the package for the bundled entries: prebuiltStore.ts)
 * straight into a shared memory as its image (portImage), or built now (it reads both texts and parses the HMM:
 * ~0.4 s) and kept there. The threads it is handed to (builtPortDictionary) read this one copy.
 */
export function portDictionary(jiebaDict: Buffer, userDictText: string, store?: VocabularyStore): PortDictionary {
  // Asked again for the same buffer and entries (the package's dictionary is read once: jiebaDictionary), the
  // key is not hashed again: it reads the 5 MB file.
  if (built && builtFrom?.jiebaDict === jiebaDict && builtFrom.userDictText === userDictText) return built;
  const key = portDictionaryKey(jiebaDict, userDictText);
  if (built?.key !== key) {
    let memory: WebAssembly.Memory | undefined;
    const into = (length: number) => {
      const image = imageMemory(length);
      memory = image.memory;
      return image.bytes;
    };
    let loaded = store?.getBytes(key, into) && portFromImage(memory!);
    if (!loaded) {
      const image = portImage(buildPortDictionary([jiebaDict.toString('utf8'), userDictText]), parseHmmModel(hmmModelText().toString('utf8')));
      store?.putBytes(key, image.bytes);
      loaded = portFromImage(image.memory)!;
    }
    built = { key, ...loaded };
  }
  builtFrom = { jiebaDict, userDictText };
  return built;
}

/** The store's key of the port's dictionary for these texts and jieba's HMM (a SHA-1, as every key of the cache). */
export function portDictionaryKey(jiebaDict: Buffer, userDictText: string): string {
  return createHash('sha1').update(`port dictionary ${PORT_DICTIONARY_FORMAT}\u0000`).update(jiebaDict).update('\u0000').update(userDictText).update('\u0000').update(hmmModelText()).digest('hex');
}

/** The dictionary this thread has (one: a run loads one set of dictionaries), so segmenters made again share it. */
let built: PortDictionary | undefined;
/** What portDictionary last found `built` for. */
let builtFrom: { jiebaDict: Buffer; userDictText: string } | undefined;

/** The port's dictionary this thread has loaded, to hand to other threads (seedPortDictionary). */
export function builtPortDictionary(): PortDictionary | undefined {
  return built;
}

/** Takes the port's dictionary another thread loaded in this run, so that this one need not load it again. */
export function seedPortDictionary(dictionary: PortDictionary | undefined): void {
  if (dictionary && !built) built = dictionary;
}

/**
 * jieba-rs's cut with its HMM (`Jieba::cut(text, true)`, @node-rs/jieba's `cut(text, true)`) as WebAssembly
 * (portCut.ts): the same words (tests/portCut.test.ts), given by their ends, so that no string is made per token
 * unless one is read (endsWords).
 */
export class PortSegmenter {
  private readonly cutter: PortCutter;
  private readonly dictionary: string;

  constructor(port: PortDictionary) {
    this.dictionary = port.key;
    this.cutter = cutterFor(port);
  }

  /** The words of `text` by their ends, with the trie node of each (Words.nodes). */
  words(text: string): Words {
    const { ends, nodes } = this.cutter.cut(text);
    return endsWords(text, ends, undefined, { dictionary: this.dictionary, ids: nodes });
  }
}

/**
 * The cutter this thread made last, by its dictionary's key: segmenters made again in a run (and a dictionary
 * posted again) share its instance and pages.
 */
let cutter: { key: string; cutter: PortCutter } | undefined;

function cutterFor(port: PortDictionary): PortCutter {
  if (cutter?.key !== port.key) cutter = { key: port.key, cutter: new PortCutter(port.port) };
  return cutter.cutter;
}
