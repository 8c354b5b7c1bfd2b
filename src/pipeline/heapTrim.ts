import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Why tifa collects its own garbage. Reading a corpus, every document's text, tokens and per-document counts
 * outlive a young-generation collection and die in the old space, which V8 grows to match and gives back to
 * the system only when the process idles; a command that reads synchronously never idles, so its heap (and its
 * peak RSS) grew with the corpus although what it keeps does not (topics on 64 MB of reports: 53 MB of old
 * space for 17 MB live). A full collection once enough text has been read since the last one returns that space.
 */

/** Bytes of files read between looks at the heap. */
const TRIM_BYTES = 1024 * 1024;
/**
 * Old space used above what the last collection kept that is worth a full collection (one costs ~1 ms per 10 MB
 * live). Measured on the old space, not the whole heap: the young generation is most of the heap's size and is
 * collected anyway, and freq promotes little, so it is collected rarely, keywords (a string per word) often.
 */
const SLACK_BYTES = 8 * 1024 * 1024;

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

/** Bytes used in the old space (objects that outlived the young generation, garbage or not). */
function oldSpaceUsed(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')?.space_used_size ?? 0;
}

/**
 * Notes a file of `n` bytes read on this thread; once TRIM_BYTES have been read since the last look and the old
 * space holds SLACK_BYTES more than the last collection kept, collects in full.
 */
export function fileRead(n: number): void {
  bytes += n;
  if (bytes < TRIM_BYTES) return;
  bytes = 0;
  if (oldSpaceUsed() - liveAfterLast < SLACK_BYTES) return;
  fullCollection()();
  liveAfterLast = oldSpaceUsed();
}
