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
  for await (const [step, words] of lookahead(steps(), cut, cutter.inFlight)) yield step.kind === 'whole' ? step : { ...step, words: words! };
}

/** Items read ahead of the one being handed out, at most: bounds memory when many need no work. */
const READ_AHEAD = 16;

/**
 * The items of `source` with the results of `start` (undefined: no work), in order, starting the next items'
 * work before the current one is handed out, so that up to `ahead` of them run while the caller works.
 */
export async function* lookahead<T, R>(source: Iterator<T>, start: (item: T) => Promise<R> | undefined, ahead: number): AsyncGenerator<[T, R | undefined]> {
  const queue: Array<[T, Promise<R> | undefined]> = [];
  let running = 0;
  const fill = () => {
    while (running < ahead && queue.length < READ_AHEAD) {
      const next = source.next();
      if (next.done) return;
      const work = start(next.value);
      if (work) running++;
      queue.push([next.value, work]);
    }
  };
  fill();
  while (queue.length > 0) {
    const [item, work] = queue.shift()!;
    if (work) running--;
    const result = await work;
    fill();
    yield [item, result];
  }
}
