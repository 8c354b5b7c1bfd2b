import { groupOf } from '../analysis/groups.js';
import { InputError, TifaError } from '../errors.js';
import type { Words } from '../segment/token.js';
import { chunksCut } from './chunksCut.js';
import type { CountFilesOptions, CountSetup } from './countMessages.js';
import type { FileTokenizer, LoadedFile } from './tokenizeFile.js';
import { tokenizerFor } from './tokenizerFor.js';

/** Why a file gives no words: a document without the group field, or a file that is not text. */
export type NoWords = { kind: 'left-out'; id: string; meta: Record<string, string> } | { kind: 'error'; message: string };

/** A file read (through the token cache) and grouped, or why it gives no words. */
export type PreparedFile = { kind: 'cut'; file: LoadedFile; label: string } | NoWords;

/** Reads a file; user errors come back as data, so that a worker can hand them to the main thread intact. */
export function prepareFile(tokenizer: FileTokenizer, path: string, field: string | undefined): PreparedFile {
  try {
    const file = tokenizer.load(path);
    const label = groupOf(file, field);
    if (label === undefined) return { kind: 'left-out', id: file.id, meta: file.meta };
    return { kind: 'cut', file, label };
  } catch (err) {
    if (err instanceof TifaError) return { kind: 'error', message: err.cliMessage };
    throw err;
  }
}

/** The count a left-out document goes to: it keeps its left-out documents (GroupIndex.leaveOut). */
export type LeaveOut = (doc: { id: string; meta: Record<string, string> }) => void;

/** A left-out document is noted in the count; a bad file is skipped with --skip-bad, else it stops the run. */
export function noteNoWords(message: NoWords, options: CountFilesOptions, leaveOut: LeaveOut): void {
  if (message.kind === 'left-out') leaveOut(message);
  else if (options.skipBad) options.warn(`skipped ${message.message}`);
  else throw new InputError(message.message);
}

/** What a command makes of one document's words, as they come chunk by chunk in order. */
export interface WordSink {
  add(cut: Words): void;
  close(): void;
}

/**
 * Gives the words of every file, document by document in file order, to the sink `open` makes for its group:
 * through the token cache, the segmenter cutting the next chunks off this thread while this thread handles the
 * one before (the chunked pipeline freq counts with). The cut of a file the cache did not hold is stored in it
 * chunk by chunk, as `freq` stores it, so that every command shares one entry per file.
 */
export async function readFileWords(
  files: string[],
  setup: CountSetup,
  field: string | undefined,
  options: CountFilesOptions,
  open: (label: string) => WordSink,
  leaveOut: LeaveOut,
): Promise<void> {
  const tokenizer = tokenizerFor(setup);
  let current: { sink: WordSink; recorder: ReturnType<FileTokenizer['recorder']> } | undefined;
  for await (const step of chunksCut(tokenizer, files, (file) => prepareFile(tokenizer, file, field))) {
    if (step.kind === 'whole') {
      noteNoWords(step.prepared, options, leaveOut);
      options.onProgress?.(step.file, 1);
      continue;
    }
    const { prepared, start, end, words } = step;
    current ??= { sink: open(prepared.label), recorder: tokenizer.recorder(prepared.file) };
    current.sink.add(words);
    current.recorder?.add(start, words);
    const share = end / prepared.file.text.length;
    if (share === 1) {
      current.recorder?.finish();
      current.sink.close();
      current = undefined;
    }
    options.onProgress?.(step.file, share);
  }
}
