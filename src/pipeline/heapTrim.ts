import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Why tifa collects its own garbage. Reading a corpus, every document's text, tokens and per-document counts
 * outlive a young-generation collection and die in the old space, which V8 grows to match and gives back to
 * the system only when the process idles; a command that reads synchronously never idles, so its heap (and its
 * peak RSS) grew with the corpus although what it keeps does not (topics on 64 MB of reports: 53 MB of old
 * space for 17 MB live). A full collection once enough text has been read since the last one returns that space.
 * Spilled counts read back and merged (slogans --discover's ranking, cooc's pairs) make garbage the same way, so
 * the bytes of spill files count as files read: --discover's heap reached 170 MB for 35 MB live while it ranked
 * the n-grams of 16 MB of reports, and its peak RSS went 380 → 266 MB with the spill counted, the same output.
 */

/** Bytes of files read between looks at the heap. */
const LOOK_BYTES = 1024 * 1024;
/**
 * Bytes of files read after which a heap SLACK_BYTES above the live size of the last collection is collected
 * (a full collection costs ~1 ms per 10 MB live). Frequent full collections also keep the young generation
 * from growing: kwic on 64 MB peaked 11 MB higher when collected half as often.
 */
const TRIM_BYTES = 4 * 1024 * 1024;
const SLACK_BYTES = 16 * 1024 * 1024;
/**
 * Memory kept past the young generation (the old, code and large-object spaces, and the buffers outside the heap
 * that objects hold: file bytes, serialised cache entries) above what the last collection kept, that is collected
 * at the next look, sooner than TRIM_BYTES: a command that makes a string per word (keywords, similar) keeps that
 * much after a megabyte or two of text.
 */
const RETAINED_BYTES = 8 * 1024 * 1024;

let collect: (() => void) | undefined;
let sinceLook = 0;
let sinceTrim = 0;
let liveAfterLast = 0;
let retainedAfterLast = 0;

/** V8's full collection; `--expose-gc` is one of the flags V8 takes after start, for contexts made afterwards. */
function fullCollection(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

/** Bytes of objects past the young generation (garbage or not) and of the buffers outside the heap that objects hold. */
function retained(): number {
  let bytes = getHeapStatistics().external_memory;
  for (const space of getHeapSpaceStatistics()) if (!space.space_name.startsWith('new_')) bytes += space.space_used_size;
  return bytes;
}

/**
 * Notes `n` bytes of a file read on this thread (or of a spill file, read or written); collects in full once
 * TRIM_BYTES have been read since the last collection and the heap holds SLACK_BYTES more than it kept then, or
 * as soon as RETAINED_BYTES more are kept past the young generation.
 */
export function fileRead(n: number): void {
  sinceLook += n;
  sinceTrim += n;
  if (sinceLook < LOOK_BYTES) return;
  sinceLook = 0;
  const due = sinceTrim >= TRIM_BYTES && getHeapStatistics().total_heap_size - liveAfterLast >= SLACK_BYTES;
  if (!due && retained() - retainedAfterLast < RETAINED_BYTES) return;
  fullCollection()();
  sinceTrim = 0;
  liveAfterLast = getHeapStatistics().used_heap_size;
  retainedAfterLast = retained();
}
