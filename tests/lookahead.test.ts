import { describe, expect, it } from 'vitest';
import { lookahead } from '../src/pipeline/chunksCut.js';

/** Work that finishes `turns` turns of the event loop later: "another thread", slower than this one, whatever the clock says. */
function later<R>(turns: number, value: R): Promise<R> {
  return new Promise<R>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve(value) : setImmediate(() => step(left - 1)));
    step(turns);
  });
}

async function all<T, R>(source: AsyncGenerator<[T, R | undefined]>): Promise<Array<[T, R | undefined]>> {
  const out: Array<[T, R | undefined]> = [];
  for await (const pair of source) out.push(pair);
  return out;
}

describe('lookahead', () => {
  const items = Array.from({ length: 40 }, (_, i) => i);
  // Every third item needs no work; the rest are slow elsewhere.
  const start = (i: number) => (i % 3 === 0 ? undefined : later(3, i * 10));

  it('gives every item with its result, in order, whether or not this thread takes some of the work', async () => {
    const plain = await all(lookahead(items[Symbol.iterator](), start, 2));
    const doneHere: number[] = [];
    const here = (i: number) => (i % 3 === 0 ? undefined : (doneHere.push(i), i * 10));
    const shared = await all(lookahead(items[Symbol.iterator](), start, 2, here));
    expect(plain).toEqual(items.map((i) => [i, i % 3 === 0 ? undefined : i * 10]));
    expect(shared).toEqual(plain);
    // The other "thread" takes 3 turns an item and this one none: it did some of them, and not all.
    expect(doneHere.length).toBeGreaterThan(0);
    expect(doneHere.length).toBeLessThan(items.filter((i) => i % 3 !== 0).length);
  });

  it('takes items here only while this thread has worked no longer than the others', async () => {
    const takenHere = async (othersBusy: () => number) => {
      let taken = 0;
      const here = (i: number) => (i % 3 === 0 ? undefined : (taken++, i * 10));
      const out = await all(lookahead(items[Symbol.iterator](), start, 2, here, othersBusy));
      expect(out).toEqual(items.map((i) => [i, i % 3 === 0 ? undefined : i * 10]));
      return taken;
    };
    // Others that have worked for ever leave this thread its every chance; others that have hardly worked, only
    // the items it takes before their first answer (they are starting).
    const eager = await takenHere(() => 1e12);
    const restrained = await takenHere(() => 1e-9);
    expect(restrained).toBeGreaterThan(0);
    expect(restrained).toBeLessThan(eager / 2);
  });

  it('throws a failure of work done here in its turn, after the items before it', async () => {
    const seen: number[] = [];
    const here = (i: number) => {
      if (i === 7) throw new Error('cut failed');
      return i * 10;
    };
    const run = async () => {
      for await (const [item] of lookahead(items[Symbol.iterator](), (i) => later(3, i * 10), 2, here)) seen.push(item);
    };
    await expect(run()).rejects.toThrow('cut failed');
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
