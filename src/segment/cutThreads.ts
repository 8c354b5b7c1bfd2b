import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PortDictionary } from './portWords.js';
import type { CutEnds, EndsCutter } from './token.js';
import { WORKER_LIMITS } from './threadHeap.js';

/** What a cut thread is sent: once its dictionaries and phrases, then texts to cut. */
export type CutThreadRequest = ({ kind: 'setup' } & CutThreadSetup) | { kind: 'cut'; id: number; text: string };

/** The run's vocabulary as a cut thread needs it: --dict and bundled entries, the phrases joined in words. */
export interface CutThreadSetup {
  dictText: string;
  phrases: string[];
  /** The port's dictionary for dictText, in shared memory (portWords.ts), so that no thread builds it again. */
  port: PortDictionary;
}

/** What a cut thread sends back for one text: its words' ends and nodes and the milliseconds it took to cut them, or why it failed. */
export type CutThreadReply = { id: number; cut?: CutEnds; error?: string; ms?: number };

const WORKER = new URL('./cutThread.js', import.meta.url);

/**
 * Threads that each hold the port's cut with the run's dictionaries and cut texts into token ends and nodes. Only
 * these typed arrays cross back (transferred, not copied): no token string is made for the counting thread,
 * which reads the words where they stand in its text. Each text is a message each way, and a thread wakes the
 * other at every one (on a loaded machine it may lose its core doing so): callers send large texts. A thread is
 * kept from holding the process open while it has nothing to cut, so callers need not close them.
 */
export class CutThreads implements Pick<EndsCutter, 'ends' | 'busy'> {
  private readonly threads: Array<{ worker: Worker; pending: number }> = [];
  private readonly waiting = new Map<number, { resolve: (cut: CutEnds) => void; reject: (err: Error) => void; thread: number }>();
  private nextId = 0;
  private busyMs = 0;
  /** Why a thread died: every later text fails with it rather than wait for a thread that is gone. */
  private failure?: Error;

  /** Whether the compiled thread module is there (not when running from the TypeScript sources, as tests do). */
  static available(): boolean {
    return existsSync(fileURLToPath(WORKER));
  }

  /** Starts `count` threads now, then sends them `setup()`. */
  constructor(count: number, setup: () => CutThreadSetup) {
    for (let t = 0; t < count; t++) {
      const worker = new Worker(WORKER, { resourceLimits: WORKER_LIMITS });
      worker.on('message', (reply: CutThreadReply) => this.settle(t, reply));
      worker.on('error', (err) => this.fail(t, err));
      // After the listeners: adding a 'message' listener refs the worker again, and a run that failed before its
      // first cut came back (its setup threw) then never exited.
      worker.unref();
      this.threads.push({ worker, pending: 0 });
    }
    const request: CutThreadRequest = { kind: 'setup', ...setup() };
    for (const { worker } of this.threads) worker.postMessage(request);
  }

  /** The word ends of `text`, cut by the thread with the fewest texts waiting. */
  ends(text: string): Promise<CutEnds> {
    if (this.failure) return Promise.reject(this.failure);
    let t = 0;
    for (let k = 1; k < this.threads.length; k++) if (this.threads[k].pending < this.threads[t].pending) t = k;
    const thread = this.threads[t];
    if (thread.pending++ === 0) thread.worker.ref();
    const id = this.nextId++;
    const request: CutThreadRequest = { kind: 'cut', id, text };
    thread.worker.postMessage(request);
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject, thread: t }));
  }

  /** Milliseconds the threads have spent cutting, per thread: 0 until the first answer. */
  busy(): number {
    return this.busyMs / this.threads.length;
  }

  private settle(t: number, reply: CutThreadReply): void {
    this.busyMs += reply.ms ?? 0;
    const thread = this.threads[t];
    if (--thread.pending === 0) thread.worker.unref();
    const waiter = this.waiting.get(reply.id)!;
    this.waiting.delete(reply.id);
    if (reply.cut) waiter.resolve(reply.cut);
    else waiter.reject(new Error(`cut thread: ${reply.error}`));
  }

  private fail(t: number, err: Error): void {
    this.failure = err;
    for (const [id, waiter] of this.waiting) {
      if (waiter.thread !== t) continue;
      this.waiting.delete(id);
      waiter.reject(err);
    }
    this.threads[t].pending = 0;
    this.threads[t].worker.unref();
  }
}
