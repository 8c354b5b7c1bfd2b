import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PortDictionaryData } from './portDictionary.js';

/** What a cut thread is sent: once its dictionaries and phrases, then texts to cut. */
export type CutThreadRequest =
  | ({ kind: 'setup' } & CutThreadSetup)
  | { kind: 'cut'; id: number; text: string }
  | { kind: 'units'; text: string; answer: SharedArrayBuffer };

/** The answer to a `units` request: [state (WAITING, ANSWERED, FAILED), token count, token ends…]. */
export const WAITING = 0;
export const ANSWERED = 1;
export const FAILED = 2;

/** The run's vocabulary as a cut thread needs it: --dict and bundled entries, the phrases joined in words and in units. */
export interface CutThreadSetup {
  dictText: string;
  phrases: string[];
  unitPhrases: string[];
  /** The port's dictionary for dictText, in shared memory (portWords.ts), so that no thread builds it again. */
  port: { key: string; data: PortDictionaryData };
}
/** What it sends back for one text: the ends of its words (as Words.ends, phrases joined), or why it failed. */
export type CutThreadReply = { id: number; ends?: Uint32Array; error?: string };

/** Cuts texts into token ends (phrases joined): on threads of its own (CutThreads), or on libuv's pool where there are none. */
export interface EndsCutter {
  ends(text: string): Promise<Uint32Array>;
}

const WORKER = new URL('./cutThread.js', import.meta.url);

/**
 * Threads that each hold a @node-rs/jieba with the run's dictionaries and cut texts into token ends. Only the
 * ends cross back (transferred, not copied): the token strings, which cost the counting thread about as much
 * as the cut itself when jieba made them there (cutAsync), are made and dropped on the cut thread. A thread is
 * kept from holding the process open while it has nothing to cut, so callers need not close them.
 */
export class CutThreads implements EndsCutter {
  private readonly threads: Array<{ worker: Worker; pending: number }> = [];
  private readonly waiting = new Map<number, { resolve: (ends: Uint32Array) => void; reject: (err: Error) => void; thread: number }>();
  private nextId = 0;
  /** Why a thread died: every later text fails with it rather than wait for a thread that is gone. */
  private failure?: Error;

  /** Whether the compiled thread module is there (not when running from the TypeScript sources, as tests do). */
  static available(): boolean {
    return existsSync(fileURLToPath(WORKER));
  }

  /** Starts `count` threads now (each loads jieba's dictionary at once), then sends them `setup()`. */
  constructor(count: number, setup: () => CutThreadSetup) {
    for (let t = 0; t < count; t++) {
      const worker = new Worker(WORKER);
      worker.unref();
      worker.on('message', (reply: CutThreadReply) => this.settle(t, reply));
      worker.on('error', (err) => this.fail(t, err));
      this.threads.push({ worker, pending: 0 });
    }
    const request: CutThreadRequest = { kind: 'setup', ...setup() };
    for (const { worker } of this.threads) worker.postMessage(request);
  }

  /** The word ends of `text`, cut by the thread with the fewest texts waiting. */
  ends(text: string): Promise<Uint32Array> {
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

  /**
   * The token ends of `text` with every lexicon phrase joined (WordSegmenter.cutUnits), waited for on this
   * thread: the page-break repair asks while it reads a file, a few short windows a file, and this keeps the
   * reading thread from loading a dictionary of its own for them (the first thread answers after the chunks it
   * has queued: a millisecond or two).
   */
  unitsSync(text: string): Uint32Array {
    if (this.failure) throw this.failure;
    const answer = new SharedArrayBuffer(4 * (2 + text.length));
    const state = new Int32Array(answer);
    const thread = this.threads[0];
    // Referenced while this thread waits, as for any text in flight.
    thread.worker.ref();
    const request: CutThreadRequest = { kind: 'units', text, answer };
    thread.worker.postMessage(request);
    Atomics.wait(state, 0, WAITING);
    if (thread.pending === 0) thread.worker.unref();
    if (state[0] === FAILED) throw new Error('cut thread: the units cut failed');
    return new Uint32Array(answer, 8, state[1]);
  }

  private settle(t: number, reply: CutThreadReply): void {
    const thread = this.threads[t];
    if (--thread.pending === 0) thread.worker.unref();
    const waiter = this.waiting.get(reply.id)!;
    this.waiting.delete(reply.id);
    if (reply.ends) waiter.resolve(reply.ends);
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
