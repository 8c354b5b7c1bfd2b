import { threadId, workerData } from 'node:worker_threads';
import { termMatcher, type TermSet } from '../analysis/cooccurrence.js';
import type { UnitKind } from '../analysis/units.js';
import { seedVocabularies } from '../segment/createSegmenter.js';
import type { CountSetup } from './countMessages.js';
import { layOutFile, type LayoutMessage } from './fileLayouts.js';
import { tokenizerFor } from './tokenizerFor.js';

if (workerData?.vocabularies) seedVocabularies(workerData.vocabularies);

/** A worker's answer: its thread, whose term ids the layout is in. */
export interface WorkerLayout {
  worker: number;
  message: LayoutMessage;
}

export interface LayoutTask {
  file: string;
  setup: CountSetup;
  field?: string;
  unit: UnitKind;
  terms: TermSet;
}

/**
 * This thread's term ids, kept across its files (a pool lives for one run): each message names only the terms
 * the thread had not seen, so the main thread maps ids instead of hashing every term of every file again.
 */
let current: { wordId: (word: string, tag: string | undefined) => number; vocabulary: string[] } | undefined;

/** Worker-thread entry: one file in, its layout in this thread's term ids out. */
export default function layOutFileTask(task: LayoutTask): WorkerLayout {
  if (!current) {
    const vocabulary: string[] = [];
    const ids = new Map<string, number>();
    const match = termMatcher(task.terms);
    const wordId = (word: string, tag: string | undefined) => {
      const term = match(word, tag);
      if (term === undefined) return -1;
      let id = ids.get(term);
      if (id === undefined) ids.set(term, (id = vocabulary.push(term) - 1));
      return id;
    };
    current = { wordId, vocabulary };
  }
  const message = layOutFile(tokenizerFor(task.setup), task.file, task.field, task.unit, current.wordId, current.vocabulary);
  return { worker: threadId, message };
}
