import type { Document } from '../src/corpus/document.js';
import type { Segmenter, Token } from '../src/segment/token.js';

/** A segmenter that cuts at spaces and keeps them as tokens: hand-countable fixtures for analysis tests. */
export const spaceSegmenter: Segmenter = {
  name: 'space',
  key: 'space',
  cut(text: string): Token[] {
    const tokens: Token[] = [];
    for (const m of text.matchAll(/\s+|[^\s]+/g)) tokens.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
    return tokens;
  },
};

/** An in-memory document whose text is its own original. */
export function fakeDoc(id: string, meta: Record<string, string>, text: string): Document {
  return {
    id,
    path: `${id}.txt`,
    meta: { id, ...meta },
    text,
    origin: {
      locate(offset: number) {
        const before = text.slice(0, offset);
        const line = before.split('\n').length;
        return { line, column: offset - before.lastIndexOf('\n') };
      },
    },
  };
}

/** What the command line prints for the error `run` throws (`TifaError.cliMessage`: it names the flags). */
export function cliMessageOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { cliMessage?: string }).cliMessage;
  }
  return undefined;
}
