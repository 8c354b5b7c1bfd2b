/** `found “X”; expected “Y” (why)`: what is in the text and what is expected, each in the marks it is written in. */
export function foundExpected(written: string, expected: string, why: string, verb = 'expected'): string {
  const show = (text: string) => (/^["“「]/.test(text) ? text : `“${text}”`);
  return `found ${show(written)}; ${verb} ${show(expected)} (${why})`;
}
