import { workerData } from 'node:worker_threads';
import { TifaError } from '../errors.js';
import type { LexiconEntry } from '../lexicon/lexicon.js';
import { seedVocabularies } from '../segment/createSegmenter.js';
import { collectSlogans } from '../slogans/collectSlogans.js';
import type { CollectedPart } from './collectSloganFiles.js';
import type { CountSetup } from './countMessages.js';
import { CorpusReader } from './corpusReader.js';

if (workerData?.vocabularies) seedVocabularies(workerData.vocabularies);
const lexicon = workerData?.lexicon as readonly LexiconEntry[];

/** Worker-thread entry: a run of consecutive files in, their slogan counts and notes out (user errors as data). */
export default function collectPart(task: { files: string[]; setup: CountSetup; field?: string; skipBad?: boolean }): CollectedPart {
  const warnings: string[] = [];
  try {
    const reader = new CorpusReader(task.files, task.setup, { skipBad: task.skipBad, warn: (m) => warnings.push(m) });
    const counts = collectSlogans(reader.documents(), reader.segmenter, { field: task.field, lexicon });
    return { kind: 'counts', files: task.files, counts, warnings };
  } catch (err) {
    if (err instanceof TifaError) return { kind: 'error', message: err.cliMessage };
    throw err;
  }
}
