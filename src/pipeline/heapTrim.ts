import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Why tifa collects its own garbage. Reading a corpus, every document's text, tokens and per-document counts
 * outlive a young-generation collection and die in the old space, which V8 grows to match and gives back to
 * the system only when the process idles; a command that reads synchronously never idles, so its heap (and its
 * peak RSS) grew with the corpus although what it keeps does not (topics on 64 MB of reports: 53 MB of old
 * space for 17 MB live). A full collection once enough text has been read since the last one returns that space.
 */

/** Bytes of files read between collections. */
const TRIM_BYTES = 4 * 1024 * 1024;
/** Heap above the live size of the last collection that is worth one (a full collection costs ~1 ms per 10 MB live). */
const SLACK_BYTES = 16 * 1024 * 1024;

let collect: (() => void) | undefined;
let bytes = 0;
let liveAfterLast = 0;

/** V8's full collection; `--expose-gc` is one of the flags V8 takes after start, for contexts made afterwards. */
function fullCollection(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

/**
 * Notes a file of `n` bytes read on this thread; once TRIM_BYTES have been read since the last collection and
 * the heap holds SLACK_BYTES more than it kept then, collects in full.
 */
export function fileRead(n: number): void {
  bytes += n;
  if (bytes < TRIM_BYTES) return;
  bytes = 0;
  if (getHeapStatistics().total_heap_size - liveAfterLast < SLACK_BYTES) return;
  fullCollection()();
  liveAfterLast = getHeapStatistics().used_heap_size;
}
