import type { ResourceLimits } from 'node:worker_threads';

/**
 * The heap limits of every worker thread tifa starts (cut threads and the pool). V8 grows a thread's young
 * generation as the thread allocates, up to 3 × 16 MB on 64-bit Node, and a thread that cuts or counts a large
 * corpus allocates enough to reach it: freq --jobs 1 peaked at 225 MB RSS on 64 MB of reports and ~185 MB on
 * 4 MB, most of the difference being the cut thread's young generation (4 → 8 MB capped, 48 MB not), its old space
 * growing less (6 → 13 MB). Short-lived
 * garbage (chunk texts, token arrays) is all that lives there, so a small one costs no time: the same run at
 * 8 MB peaked at 188–196 MB and took as long (7.3–7.6 s both ways, three alternating runs each).
 */
export const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };
