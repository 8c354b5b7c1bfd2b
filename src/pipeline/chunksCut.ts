import type { Words } from '../segment/token.js';
import type { FileTokenizer, LoadedFile } from './tokenizeFile.js';

/**
 * Chunks being cut off this thread while it handles the one before. Two keep the cut going while this
 * thread turns a finished cut into strings and counts them (which takes about as long as the cut itself).
 */
const CUTS_IN_FLIGHT = 2;

/** A file read for cutting: its text, and whatever else the caller keeps with it (its group, a memo key). */
type Cut = { kind: 'cut'; file: LoadedFile };

/** One step of the pipeline: a file that needs no cut (answered already, left out, bad), or one chunk with its words. */
export type ChunkStep<P extends { kind: string }, W = Words> =
  | { kind: 'whole'; file: string; prepared: Exclude<P, Cut> }
  | { kind: 'chunk'; file: string; prepared: Extract<P, Cut>; start: number; end: number; words: W };

/** How a chunk [start, end) of a file's text is cut, how many cuts may run at once, and chunks of how many units at least. */
export interface ChunkCutter<W> {
  cut(file: LoadedFile, start: number, end: number): Promise<W>;
  inFlight: number;
  units?: number;
  /** The same cut on this thread, taken on while the chunk it waits for is still being cut elsewhere (lookahead). */
  cutHere?(file: LoadedFile, start: number, end: number): W;
  /** Milliseconds each other thread has spent cutting so far (lookahead's `othersBusy`). */
  busy?(): number;
}

/**
 * The chunked pipeline freq, cooc and collocates read through: every file in order is `prepare`d (read through
 * the token cache), and a file to cut comes chunk by chunk, the segmenter cutting the next chunks off this thread
 * while the caller handles the one before. `cutter` says what a cut gives (by default the chunk's Words).
 */
export async function* chunksCut<P extends { kind: string }, W = Words>(
  tokenizer: FileTokenizer,
  files: string[],
  prepare: (file: string) => P,
  cutter: ChunkCutter<W> = { cut: (file, start, end) => tokenizer.chunkWordsAsync(file, start, end) as Promise<W>, inFlight: CUTS_IN_FLIGHT },
): AsyncGenerator<ChunkStep<P, W>> {
  type Planned = { kind: 'whole'; file: string; prepared: Exclude<P, Cut> } | { kind: 'chunk'; file: string; prepared: Extract<P, Cut>; start: number; end: number };
  function* steps(): Generator<Planned> {
    for (const file of files) {
      const prepared = prepare(file);
      if (prepared.kind !== 'cut') {
        yield { kind: 'whole', file, prepared: prepared as Exclude<P, Cut> };
        continue;
      }
      const cut = prepared as Extract<P, Cut>;
      const bounds = tokenizer.chunks(cut.file, cutter.units);
      for (let k = 1; k < bounds.length; k++) yield { kind: 'chunk', file, prepared: cut, start: bounds[k - 1], end: bounds[k] };
    }
  }
  const cut = (step: Planned): Promise<W> | undefined => {
    if (step.kind === 'whole') return undefined;
    const words = cutter.cut(step.prepared.file, step.start, step.end);
    // Awaited in order below; this keeps a failure of a later cut from counting as unhandled meanwhile.
    words.catch(() => {});
    return words;
  };
  const cutHere = cutter.cutHere && ((step: Planned): W | undefined => (step.kind === 'whole' ? undefined : cutter.cutHere!(step.prepared.file, step.start, step.end)));
  for await (const [step, words] of lookahead(steps(), cut, cutter.inFlight, cutHere, cutter.busy && (() => cutter.busy!()))) yield step.kind === 'whole' ? step : { ...step, words: words! };
}

/** Items read ahead of the one being handed out, at most: bounds memory when many need no work. */
const READ_AHEAD = 16;

/** One turn of the event loop: the answers of other threads that have come in are taken. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The items of `source` with the results of `start` (undefined: no work), in order, starting the next items'
 * work before the current one is handed out, so that up to `ahead` of them run while the caller works.
 * With `here` (the same work, done on this thread), this thread does not wait for the oldest item's work: while
 * it runs, this thread does the next item's itself, and the other threads are kept fed. A caller that takes less
 * time per item than the other threads (freq's counting, half the time of the cut) then does a share of the work
 * instead of waiting; the results and their order are the same. With `othersBusy` (the time each other thread
 * has worked so far), it takes an item only while it has worked no longer than they have since their first
 * answer: on a loaded machine the oldest item is late because its thread waits for a core, not because it has
 * more to do, and taking every late item made this thread do more than its share (a third more than the cut
 * thread's, on 2 cores at load 10), so the run waited for it.
 */
export async function* lookahead<T, R>(
  source: Iterator<T>,
  start: (item: T) => Promise<R> | undefined,
  ahead: number,
  here?: (item: T) => R | undefined,
  othersBusy?: () => number,
): AsyncGenerator<[T, R | undefined]> {
  type Entry = { item: T; work?: Promise<R>; done: boolean; result?: R };
  const queue: Entry[] = [];
  // Work started and not finished yet.
  let running = 0;
  // When another thread first answered, and how long this one has waited since: its time at work since then.
  let since = -1;
  let waited = 0;
  const fair = () => {
    const theirs = othersBusy?.() ?? 0;
    return theirs === 0 || since < 0 || performance.now() - since - waited <= theirs;
  };
  let ended = false;
  const next = (): T | undefined => {
    if (ended) return undefined;
    const step = source.next();
    ended = Boolean(step.done);
    return step.done ? undefined : step.value;
  };
  const fill = () => {
    while (running < ahead && queue.length < READ_AHEAD) {
      const item = next();
      if (item === undefined) return;
      const entry: Entry = { item, work: start(item), done: false };
      if (entry.work) {
        running++;
        const settle = () => {
          entry.done = true;
          running--;
          if (since < 0) since = performance.now();
        };
        entry.work.then(settle, settle);
      } else entry.done = true;
      queue.push(entry);
    }
  };
  fill();
  while (queue.length > 0) {
    const oldest = queue[0];
    while (here && !oldest.done && !ended && queue.length < READ_AHEAD && fair()) {
      const item = next();
      if (item === undefined) break;
      // A failure is thrown in its turn, as one of `start`'s would be.
      try {
        queue.push({ item, done: true, result: here(item) });
      } catch (err) {
        const work = Promise.reject(err);
        work.catch(() => {});
        queue.push({ item, work, done: true });
      }
      await turn();
      fill();
    }
    queue.shift();
    const waitFrom = performance.now();
    const result = oldest.work ? await oldest.work : oldest.result;
    if (since >= 0) waited += performance.now() - Math.max(waitFrom, since);
    fill();
    yield [oldest.item, result];
  }
}
