import { describe, expect, it } from 'vitest';
import { tifa } from './cli.js';

describe('the analyses commands refuse bad input with one line and exit 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [['trend', '枫桥经验', '--by', 'nofield'], /^tifa: no document has the field "nofield"; fields present: .*city/m],
    [['ca', '--by', 'nofield'], /^tifa: no document has the field "nofield"/m],
    [['similar', '--by', 'nofield'], /^tifa: no document has the field "nofield"/m],
    [['keywords', '--by', 'nofield'], /^tifa: no document has the field "nofield"/m],
    [['collocates', '枫桥经验', '--by', 'nofield'], /^tifa: no document has the field "nofield"/m],
    [['keywords', '--reference', 'no/such/folder'], /^tifa: no\/such\/folder: no such file or folder$/m],
    [['topics', '--k', '0'], /^tifa: option '--k <n>' argument '0' is invalid/m],
    [['topics', '--k', '2', '--min-docs', '99'], /^tifa: no term is used in 99 or more documents; lower --min-docs$/m],
    [['plot', 'trend', '--by', 'city', '-o', 'never-written.svg'], /^tifa: --by city: a trend needs a numeric or date field/m],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), () => {
      const run = tifa(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
