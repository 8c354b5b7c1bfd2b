import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { withOffsets } from './offsets.js';
import type { Segmenter, Token } from './token.js';

/** A backend before the dictionary key is known: createSegmenter adds it. */
export type BackendSegmenter = Omit<Segmenter, 'key'>;

/** @node-rs/jieba (jieba-rs): the default backend, same cuts as reference Python jieba, fast start. */
export function createNodeRsSegmenter(userDictText: string): BackendSegmenter {
  const jieba = Jieba.withDict(dict);
  if (userDictText) jieba.loadDict(Buffer.from(userDictText));
  return {
    name: 'node-rs',
    cut(text: string, options?: { pos?: boolean }): Token[] {
      if (options?.pos) return withOffsets(text, jieba.tag(text, true));
      return withOffsets(text, jieba.cut(text, true).map((word) => ({ word })));
    },
  };
}
