import { charCount, countedItems, groupOf, type CountRequest } from '../analysis/countCorpus.js';
import { localCounts } from '../analysis/termCounts.js';
import { TifaError } from '../errors.js';
import type { DocumentCountsMessage } from './countMessages.js';
import { TokenCache } from './tokenCache.js';
import type { FileTokenizer } from './tokenizeFile.js';

/**
 * The parts of a request that change one file's counts, as a stable string for the cache key; the name
 * pattern is one of them because name metadata can change a document's group.
 */
export function requestSignature(request: CountRequest, metaFromName: string | undefined): string {
  const { field, filter, ngram, only } = request;
  return JSON.stringify([
    metaFromName ?? '',
    field ?? '',
    filter?.stopwords ? [...filter.stopwords].sort() : null,
    filter?.pos ?? null,
    filter?.minLength ?? 1,
    ngram ?? null,
    only ? [...only].sort() : null,
  ]);
}

/**
 * Reads, segments and counts one file into the message the merge step takes. With a cache, the counts of an
 * unchanged file under the same request are memoised, so a repeated run only hashes files and merges.
 * User errors come back as data so that a worker thread can hand them to the main thread intact.
 */
export function countFile(tokenizer: FileTokenizer, file: string, request: CountRequest): DocumentCountsMessage {
  try {
    const read = tokenizer.readFile(file);
    const memoKey = read.key ? TokenCache.derive(read.key, requestSignature(request, tokenizer.read.metaFromName)) : undefined;
    const memo = memoKey ? tokenizer.cache!.get<DocumentCountsMessage>(memoKey) : undefined;
    if (memo) return memo;
    const doc = tokenizer.tokenize(read);
    const label = groupOf(doc, request.field);
    let message: DocumentCountsMessage;
    if (label === undefined) {
      message = { kind: 'left-out', id: doc.id, meta: doc.meta };
    } else {
      const items = countedItems(doc.tokens, request);
      const local = localCounts(items, request.only);
      message = {
        kind: 'counts',
        id: doc.id,
        meta: doc.meta,
        label,
        terms: [...local.keys()],
        counts: [...local.values()],
        size: items.length,
        chars: charCount(doc.text),
      };
    }
    if (memoKey) tokenizer.cache!.put(memoKey, message);
    return message;
  } catch (err) {
    if (err instanceof TifaError) return { kind: 'error', message: err.message };
    throw err;
  }
}
