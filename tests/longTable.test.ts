import { describe, expect, it } from 'vitest';
import { toLong } from '../src/format/longTable.js';
import { sideBySide } from '../src/analysis/sideBySide.js';
import { tifa } from './cli.js';

describe('--long', () => {
  it('turns columns per group into one row per item and group', () => {
    const wide = { columns: ['term', 'total', 'A', 'A_per10k', 'B', 'B_per10k'], rows: [{ term: 'x', total: 3, A: 1, A_per10k: 10, B: 2, B_per10k: 20 }] };
    const layout = { field: 'city', groups: ['A', 'B'], keys: ['term'], values: [{ suffix: '', name: 'count' }, { suffix: '_per10k', name: 'per10k' }] };
    expect(toLong(wide, layout)).toEqual({
      columns: ['term', 'city', 'count', 'per10k'],
      rows: [{ term: 'x', city: 'A', count: 1, per10k: 10 }, { term: 'x', city: 'B', count: 2, per10k: 20 }],
      decimals: {},
    });
  });
  it('side-by-side rankings: a group whose list is shorter has no row at that rank', () => {
    const table = sideBySide(['A', 'B'], [[{ term: 'a', ll: 5 }, { term: 'b', ll: 4 }], [{ term: 'c', ll: 9 }]], 'term', 'll', 'city');
    expect(toLong(table, table.long!).rows).toEqual([
      { rank: 1, city: 'A', term: 'a', ll: 5 },
      { rank: 1, city: 'B', term: 'c', ll: 9 },
      { rank: 2, city: 'A', term: 'b', ll: 4 },
    ]);
  });
  it('tifa freq --by city --long', () => {
    const run = tifa(['freq', '--by', 'city', '--terms', '枫桥经验', '--long', '--format', 'csv']);
    expect(run.stdout.trim().split(/\r?\n/)).toEqual([
      'term,city,count,per10k',
      expect.stringMatching(/^枫桥经验,齐齐哈尔,1,/),
      expect.stringMatching(/^枫桥经验,黄山,0,0$/),
      expect.stringMatching(/^枫桥经验,宜昌,1,/),
      expect.stringMatching(/^枫桥经验,天水,0,0$/),
      expect.stringMatching(/^枫桥经验,章丘,1,/),
    ]);
  });
});
