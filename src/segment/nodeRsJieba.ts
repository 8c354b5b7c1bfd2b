import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { splitTagged, type JiebaBinding } from './binding.js';
import type { Words } from './token.js';

/** @node-rs/jieba (jieba-rs): the default backend, same cuts as reference Python jieba, fast start. */
export function createNodeRsBackend(userDictText: string): JiebaBinding {
  const jieba = Jieba.withDict(dict);
  if (userDictText) jieba.loadDict(Buffer.from(userDictText));
  const cut = (text: string, pos: boolean): Words => (pos ? splitTagged(jieba.tag(text, true)) : { words: jieba.cut(text, true) });
  return {
    name: 'node-rs',
    cut,
    // cutAsync runs the same jieba-rs cut on libuv's thread pool (only the strings are made on this thread);
    // tagging has no asynchronous form.
    cutAsync: async (text, pos) => (pos ? cut(text, true) : { words: (await jieba.cutAsync(text, true)) as string[] }),
  };
}
