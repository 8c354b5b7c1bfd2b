import { charCount, countedItems, type CountRequest } from '../analysis/countCorpus.js';
import { groupOf } from '../analysis/groups.js';
import { StretchCounter } from '../analysis/stretchCounter.js';
import { DocumentCounter, positionsOf, type DocumentSize } from '../analysis/termCounts.js';
import { termSearch } from '../analysis/searchTally.js';
import { wordFilter } from '../analysis/tokenFilter.js';
import { TifaError } from '../errors.js';
import type { WordNodes, Words } from '../segment/token.js';
import type { DocumentCountsMessage, WorkerCountsMessage } from './countMessages.js';
import { TokenCache } from './tokenCache.js';
import type { FileTokenizer, LoadedFile } from './tokenizeFile.js';

/**
 * The parts of a request that change one file's counts, as a stable string for the cache key; metadata from
 * outside the file (name pattern, metadata table) is one of them because it can change a document's group.
 */
export function requestSignature(request: CountRequest, outerMetaKey: string): string {
  const { field, filter, ngram, only, search } = request;
  return JSON.stringify([
    outerMetaKey,
    field ?? '',
    filter?.stopwords ? [...filter.stopwords].sort() : null,
    filter?.pos ?? null,
    filter?.minLength ?? 1,
    filter?.drop ?? null,
    ngram ?? null,
    only ? [...only].sort() : null,
    search ?? null,
  ]);
}

/**
 * Whether a request counts words where they stand in the text, so that a chunk's token ends are all it needs
 * (OpenFile.addEnds): the verdict on a word depends on the word alone (no POS filter, no n-grams), and no
 * positions are kept.
 */
export function countsWhereWordsStand(request: CountRequest): boolean {
  return !request.ngram && !request.filter?.pos && !request.keepPositions;
}

/** A file on its way to counts: answered already (memo, left out, bad file), or loaded and waiting for its words. */
export type PreparedFile = { kind: 'done'; message: DocumentCountsMessage } | CutFile;

/** A prepared file waiting for its words. */
export interface CutFile {
  kind: 'cut';
  file: LoadedFile;
  label: string;
  memoKey?: string;
}

/**
 * Counts files the same way in any thread. The work is split around the segmentation, so that a caller can
 * cut one chunk while it counts the one before: prepare (read, decode, normalise, group), then open the file,
 * add its words chunk by chunk and close it. One file is open at a time.
 */
export class FileCounter {
  private readonly keep: (word: string, tag: string | undefined) => boolean;
  /** Counts words where they stand in the text, when the verdict on a word depends on the word alone. */
  private readonly stretches?: StretchCounter;
  /** The occurrences of the request's search terms in a text. */
  private readonly search?: (text: string) => number[];

  /** `counter` gives the term ids: a worker's own, kept across its files, or the accumulator's in this thread. */
  constructor(
    readonly tokenizer: FileTokenizer,
    private readonly request: CountRequest,
    private readonly counter = new DocumentCounter(),
  ) {
    const keep = (this.keep = wordFilter(request.filter ?? {}));
    const { only } = request;
    if (request.search) this.search = termSearch(request.search);
    if (countsWhereWordsStand(request)) {
      this.stretches = new StretchCounter(counter, (word) => keep(word, undefined) && (only === undefined || only.has(word)));
    }
  }

  /**
   * Reads a file. With a cache, the counts of an unchanged file under the same request are memoised, so a
   * repeated run only hashes files and merges. User errors come back as data so that a worker thread can hand
   * them to the main thread intact.
   */
  prepare(file: string): PreparedFile {
    const { tokenizer, request } = this;
    try {
      const read = tokenizer.readFile(file);
      // A memo keeps counts, not the positions --parts needs.
      const memoKey = read.key && !request.keepPositions ? TokenCache.derive(read.key, requestSignature(request, tokenizer.outer.key)) : undefined;
      const memo = memoKey ? tokenizer.cache!.get<DocumentCountsMessage>(memoKey) : undefined;
      if (memo) return { kind: 'done', message: memo };
      const loaded = tokenizer.load(read);
      const label = groupOf(loaded, request.field);
      if (label === undefined) return { kind: 'done', message: this.remember(memoKey, { kind: 'left-out', id: loaded.id, meta: loaded.meta }) };
      return { kind: 'cut', file: loaded, label, memoKey };
    } catch (err) {
      if (err instanceof TifaError) return { kind: 'done', message: { kind: 'error', message: err.cliMessage } };
      throw err;
    }
  }

  /** Whether this counter's request countsWhereWordsStand (then it counts chunks from their ends: OpenFile.addEnds). */
  get countsEnds(): boolean {
    return this.stretches !== undefined;
  }

  /** Starts counting a prepared file, whose words then come chunk by chunk (or all at once from the cache). */
  open(prepared: CutFile): OpenFile {
    const { counter, request, keep, stretches } = this;
    const { text } = prepared.file;
    const recorder = this.tokenizer.recorder(prepared.file);
    // Word positions within the document by term id, for Juilland's D (--parts).
    const positions = request.keepPositions ? new Map<number, number[]>() : undefined;
    let size = 0;
    const addEnds = (start: number, ends: Uint32Array, nodes?: WordNodes) => {
      recorder?.addEnds(start, ends);
      size += stretches!.add(text, start, ends, nodes);
    };
    return {
      add: (start, cut) => {
        if (stretches && cut.ends) return addEnds(start, cut.ends, cut.nodes);
        recorder?.add(start, cut);
        const units = countedItems(cut, request, keep, positions !== undefined);
        counter.addItems(units.items, request.only, positions && positionsOf(units, size, positions));
        size += units.words;
      },
      addEnds,
      close: () => {
        recorder?.finish();
        const { ids, counts } = counter.take();
        const chars = charCount(text);
        const matches = this.search?.(text);
        if (prepared.memoKey) {
          const { file, label } = prepared;
          const terms = ids.map((id) => counter.vocabulary[id]);
          this.remember(prepared.memoKey, { kind: 'counts', id: file.id, meta: file.meta, label, terms, counts, size, chars, matches });
        }
        return { ids, counts, size, chars, positions, matches };
      },
    };
  }

  /** Reads, segments and counts one file in worker thread `worker`, into the message the merge step takes. */
  countFile(path: string, worker: number): DocumentCountsMessage | WorkerCountsMessage {
    const prepared = this.prepare(path);
    if (prepared.kind === 'done') return prepared.message;
    const { file, label } = prepared;
    const first = this.counter.vocabulary.length;
    const open = this.open(prepared);
    const bounds = this.tokenizer.chunks(file);
    for (let k = 1; k < bounds.length; k++) open.add(bounds[k - 1], this.tokenizer.chunkWords(file, bounds[k - 1], bounds[k]));
    const { ids, counts, size, chars, matches } = open.close();
    return {
      kind: 'ids',
      worker,
      id: file.id,
      meta: file.meta,
      label,
      first,
      newTerms: this.counter.vocabulary.slice(first),
      ids: Int32Array.from(ids),
      counts: Int32Array.from(counts),
      size,
      chars,
      matches,
    };
  }

  private remember(memoKey: string | undefined, message: DocumentCountsMessage): DocumentCountsMessage {
    if (memoKey) this.tokenizer.cache!.put(memoKey, message);
    return message;
  }
}

/** A file being counted: its words chunk by chunk (the chunk starting at `start` of its text), then its counts. */
export interface OpenFile {
  add(start: number, cut: Words): void;
  /** `add` for a chunk cut into token ends only (no strings), when the counter `countsEnds`. */
  addEnds(start: number, ends: Uint32Array, nodes?: WordNodes): void;
  close(): { ids: number[]; counts: number[] } & DocumentSize;
}
