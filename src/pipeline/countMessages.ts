import type { CountAccumulator } from '../analysis/termCounts.js';
import type { ReadOptions } from '../corpus/readCorpus.js';
import { InputError } from '../errors.js';
import type { SegmenterOptions } from '../segment/createSegmenter.js';

/** Everything a worker needs to read and segment files the way the main thread would (plain data only). */
export interface CountSetup {
  segmenter: SegmenterOptions;
  read: Omit<ReadOptions, 'warn' | 'onBadFile' | 'breakEvidence'>;
  pos: boolean;
  cacheDir?: string;
}

/** What one counted file sends back to the main thread (and what the cache memoises per file). */
export type DocumentCountsMessage =
  | { kind: 'counts'; id: string; meta: Record<string, string>; label: string; terms: string[]; counts: number[]; size: number; chars: number; matches?: number[] }
  | { kind: 'left-out'; id: string; meta: Record<string, string> }
  | { kind: 'error'; message: string };

/**
 * Counts a worker thread sends: its terms as the worker's term ids, with only the terms it had not seen
 * before (its vocabulary from `first` on), so the main thread merges array entries instead of hashing every
 * term of every document again. A worker counts its files one at a time in file order, and the main thread
 * merges in file order, so each worker's new terms arrive in the order it numbered them.
 */
export interface WorkerCountsMessage {
  kind: 'ids';
  worker: number;
  id: string;
  meta: Record<string, string>;
  label: string;
  first: number;
  newTerms: string[];
  ids: Int32Array;
  counts: Int32Array;
  size: number;
  chars: number;
  matches?: number[];
}

export interface CountFilesOptions {
  /** Worker threads; undefined chooses: one per core for corpora above PARALLEL_MIN_BYTES, else none. */
  jobs?: number;
  skipBad?: boolean;
  warn: (message: string) => void;
  /** Called as a share (0–1) of a file is counted, 1 when its counts are merged, in file order (a progress bar). */
  onProgress?: (file: string, share: number) => void;
}

/** Adds one file's counts, in whichever form they came, to the accumulator (a left-out file to its leftOut); notes bad files. */
export function mergeMessage(
  acc: CountAccumulator,
  message: DocumentCountsMessage | WorkerCountsMessage,
  options: CountFilesOptions,
  workers?: { merge(acc: CountAccumulator, message: WorkerCountsMessage): void },
): void {
  if (message.kind === 'ids') workers!.merge(acc, message);
  else if (message.kind === 'counts') acc.addCounts(message.label, message.terms, message.counts, message);
  else if (message.kind === 'left-out') acc.leaveOut(message);
  else if (options.skipBad) options.warn(`skipped ${message.message}`);
  else throw new InputError(message.message);
}
