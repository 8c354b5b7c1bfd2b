import { describe, expect, it } from 'vitest';
import { compoundPhrases } from '../src/segment/compound.js';
import type { Token } from '../src/segment/token.js';

function tokensOf(...words: string[]): { text: string; tokens: Token[] } {
  let at = 0;
  const tokens = words.map((w) => ({ text: w, start: at, end: (at += w.length) }));
  return { text: words.join(''), tokens };
}

describe('compoundPhrases', () => {
  it('joins a phrase that starts and ends on token boundaries', () => {
    const { text, tokens } = tokensOf('推进', '市县', '主战', '、', '派出所', '主防', '改革');
    const out = compoundPhrases(text, tokens, ['市县主战、派出所主防']);
    expect(out.map((t) => t.text)).toEqual(['推进', '市县主战、派出所主防', '改革']);
    expect(out[1]).toEqual({ text: '市县主战、派出所主防', start: 2, end: 12 });
  });

  it('leaves a phrase alone when it cuts through a token', () => {
    const { text, tokens } = tokensOf('大市县', '主战');
    expect(compoundPhrases(text, tokens, ['市县主战']).map((t) => t.text)).toEqual(['大市县', '主战']);
  });

  it('prefers the longer of two overlapping phrases', () => {
    const { text, tokens } = tokensOf('严格', '、', '规范', '、', '公正', '、', '文明');
    const out = compoundPhrases(text, tokens, ['严格、规范', '严格、规范、公正、文明']);
    expect(out.map((t) => t.text)).toEqual(['严格、规范、公正、文明']);
  });

  it('joins every occurrence', () => {
    const { text, tokens } = tokensOf('a', '·', 'b', 'c', 'a', '·', 'b');
    expect(compoundPhrases(text, tokens, ['a·b']).map((t) => t.text)).toEqual(['a·b', 'c', 'a·b']);
  });
});
