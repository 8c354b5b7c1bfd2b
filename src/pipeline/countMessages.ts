import type { ReadOptions } from '../corpus/readCorpus.js';
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
  | { kind: 'counts'; id: string; meta: Record<string, string>; label: string; terms: string[]; counts: number[]; size: number; chars: number }
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
}
