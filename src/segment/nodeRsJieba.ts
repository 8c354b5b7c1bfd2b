import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { splitTagged, type JiebaBinding } from './binding.js';
import type { Words } from './token.js';

let dictionary: Buffer | undefined;

/**
 * The jieba dictionary that @node-rs/jieba ships (about 350,000 words), read on first use: the package's own
 * `dict.js` reads it and a second file at import, which a run served from the token cache should not pay for.
 */
export function jiebaDictionary(): Buffer {
  dictionary ??= readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
  return dictionary;
}

/** @node-rs/jieba (jieba-rs): the default backend, same cuts as reference Python jieba, fast start. */
export function createNodeRsBackend(userDictText: string): JiebaBinding {
  const jieba = Jieba.withDict(jiebaDictionary());
  if (userDictText) jieba.loadDict(Buffer.from(userDictText));
  const cut = (text: string, pos: boolean): Words => (pos ? splitTagged(jieba.tag(text, true)) : { words: jieba.cut(text, true) });
  return {
    name: 'node-rs',
    cut,
    // cutAsync runs the same jieba-rs cut on libuv's thread pool (only the strings are made on this thread);
    // tagging has no asynchronous form. The text crosses as UTF-8 bytes: taking a string costs cutAsync ten
    // times what Buffer.from does, on this thread (bench/freqParts.js).
    cutAsync: async (text, pos) => (pos ? cut(text, true) : { words: (await jieba.cutAsync(Buffer.from(text), true)) as string[] }),
  };
}
