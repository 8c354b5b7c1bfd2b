import { outerMeta } from '../corpus/readCorpus.js';
import { createSegmenter } from '../segment/createSegmenter.js';
import { vocabularyStore } from './prebuiltStore.js';
import type { CountSetup } from './countMessages.js';
import { FileTokenizer } from './tokenizeFile.js';

let current: { key: string; value: FileTokenizer } | undefined;

/** One tokenizer per thread and setup: dictionaries load once, not once per file. */
export function tokenizerFor(setup: CountSetup): FileTokenizer {
  const key = JSON.stringify(setup);
  if (current?.key !== key) {
    // The cache folder keeps the segmenter's built vocabulary too, beside the tokens (and what ships prebuilt).
    const segmenter = createSegmenter(setup.segmenter, vocabularyStore(setup.cacheDir));
    current = { key, value: new FileTokenizer(segmenter, setup.read, outerMeta(setup.read), setup.pos, setup.cacheDir) };
  }
  return current.value;
}
