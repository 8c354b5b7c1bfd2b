import type { ReadOptions } from '../corpus/readCorpus.js';
import type { SegmenterOptions } from '../segment/createSegmenter.js';

/** Everything a worker needs to read and segment files the way the main thread would (plain data only). */
export interface CountSetup {
  segmenter: SegmenterOptions;
  read: Omit<ReadOptions, 'warn' | 'onBadFile'>;
  pos: boolean;
  cacheDir?: string;
}

/** What one counted file sends back to the main thread. */
export type DocumentCountsMessage =
  | { kind: 'counts'; id: string; meta: Record<string, string>; label: string; terms: string[]; counts: number[]; size: number; chars: number }
  | { kind: 'left-out'; id: string; meta: Record<string, string> }
  | { kind: 'error'; message: string };
