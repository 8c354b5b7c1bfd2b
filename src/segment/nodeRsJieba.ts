import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { splitTagged, type JiebaBinding } from './binding.js';
import { PortSegmenter, portDictionary, type PortDictionary } from './portWords.js';
import type { Words } from './token.js';
import type { VocabularyStore } from './vocabularyKey.js';

let dictionary: Buffer | undefined;

/**
 * The jieba dictionary that @node-rs/jieba ships (about 350,000 words), read on first use: the package's own
 * `dict.js` reads it and a second file at import, which a run served from the token cache should not pay for.
 */
export function jiebaDictionary(): Buffer {
  dictionary ??= readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
  return dictionary;
}

/**
 * @node-rs/jieba (jieba-rs): the default backend, same cuts as reference Python jieba. Words come from the
 * port of its cut to WebAssembly (portWords.ts: the same words, given by their ends, no string per token, its
 * dictionary kept in `store`, or the one `dictionary` hands over, loaded by another thread); the native instance
 * is loaded only to tag parts of speech, which the port does not.
 */
export function createNodeRsBackend(userDictText: string, store?: VocabularyStore, dictionary?: PortDictionary): JiebaBinding {
  let jieba: Jieba | undefined;
  const native = () => {
    if (!jieba) {
      // Loaded on first use: an untagged run cuts with the port only, and every thread that cuts would load the
      // native module for nothing (~25 ms each).
      const { Jieba } = createRequire(import.meta.url)('@node-rs/jieba') as typeof import('@node-rs/jieba');
      jieba = Jieba.withDict(jiebaDictionary());
      if (userDictText) jieba.loadDict(Buffer.from(userDictText));
    }
    return jieba;
  };
  let port: PortSegmenter | undefined;
  const cut = (text: string, pos: boolean): Words => (pos ? splitTagged(native().tag(text, true)) : (port ??= new PortSegmenter(dictionary ?? portDictionary(jiebaDictionary(), userDictText, store))).words(text));
  // The port cuts on this thread: a run that wants more threads has workers (--jobs).
  return { name: 'node-rs', cut, cutAsync: async (text, pos) => cut(text, pos) };
}
