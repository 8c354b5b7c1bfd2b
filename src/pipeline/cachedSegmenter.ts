import { withOffsets } from '../segment/offsets.js';
import type { Segmenter, Token, WordSegmenter, Words } from '../segment/token.js';
import { TokenCache } from './tokenCache.js';
import { wordEnds, wordsFromEnds } from './tokenizeFile.js';

/** What the cache keeps of one text's segmentation. */
interface CachedCut {
  ends: Uint32Array;
  tags?: string[];
}

/**
 * A segmenter whose cuts go through the token cache, keyed by the (normalised) text itself under the
 * segmenter's key and the tagging. The commands that take documents and a segmenter (cooc, collocates,
 * slogans, themes, segment, corpus, …) so skip segmentation on a repeated run, and the dictionary load with
 * it: the backend loads on the first miss only.
 */
export function cachedSegmenter(segmenter: WordSegmenter, cacheDir: string): Segmenter {
  const caches = [false, true].map((pos) => new TokenCache(cacheDir, JSON.stringify(['text', segmenter.key, pos])));
  return {
    name: segmenter.name,
    key: segmenter.key,
    cut(text: string, options?: { pos?: boolean }): Token[] {
      const pos = Boolean(options?.pos);
      const cache = caches[Number(pos)];
      const key = cache.key('', text);
      const hit = cache.get<CachedCut>(key);
      let cut: Words;
      if (hit) cut = wordsFromEnds(text, hit.ends, hit.tags);
      else {
        cut = segmenter.words(text, { pos });
        cache.put(key, { ends: wordEnds(text, cut.words), tags: cut.tags } satisfies CachedCut);
      }
      return withOffsets(text, cut);
    },
  };
}
