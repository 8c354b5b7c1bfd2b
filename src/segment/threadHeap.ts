import type { ResourceLimits } from 'node:worker_threads';

/**
 * The heap limits of every worker thread tifa starts (cut threads and the pool). V8 grows a thread's young
 * generation as the thread allocates, up to 3 × 16 MB on 64-bit Node, and a thread that cuts or counts a large
 * corpus allocates enough to grow it: freq --jobs 1 peaked at 225 MB RSS on 64 MB of reports and ~185 MB on
 * 4 MB, and with the cut thread's young generation capped at 8 MB at 188–196 MB on 64 MB (the cap reached; its
 * old space 13 MB). Short-lived garbage (chunk texts, token arrays) is all that lives there, so a small one
 * costs no time: 7.3–7.6 s both ways, three alternating runs each.
 */
export const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };
