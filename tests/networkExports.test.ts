import { describe, expect, it } from 'vitest';
import type { NetworkEdge, NetworkNode } from '../src/format/network.js';
import { toPajek, toUcinetDl } from '../src/format/networkExports.js';
import { tifa } from './cli.js';

const node = (term: string): NetworkNode => ({ term, count: 1, byGroup: {} });
const nodes = [node('市县主战、派出所主防'), node('枫桥经验'), node('说"好"'), node('孤立')];
const edges: NetworkEdge[] = [
  { source: '枫桥经验', target: '市县主战、派出所主防', both: 3, scores: {} },
  { source: '说"好"', target: '枫桥经验', both: 1, scores: {} },
];

describe('UCINET DL and Pajek', () => {
  it('DL edgelist1: every label in full (isolates too), edges by index with both as weight', () => {
    expect(toUcinetDl(nodes, edges)).toBe(
      'dl n=4 format=edgelist1\nlabels:\n"市县主战、派出所主防","枫桥经验","说\'好\'","孤立"\ndata:\n2 1 3\n3 2 1\n',
    );
  });
  it('Pajek: vertices with quoted labels, undirected edges, CRLF', () => {
    expect(toPajek(nodes, edges).split('\r\n')).toEqual([
      '*Vertices 4', '1 "市县主战、派出所主防"', '2 "枫桥经验"', '3 "说\'好\'"', '4 "孤立"', '*Edges', '2 1 3', '3 2 1', '',
    ]);
  });
  it('tifa cooc --format dl|pajek', () => {
    const dl = tifa(['cooc', '--slogans', '--top', '5', '--format', 'dl']);
    expect(dl.code).toBe(0);
    expect(dl.stdout).toMatch(/^dl n=5 format=edgelist1\nlabels:\n"中国式现代化",/);
    const pajek = tifa(['cooc', '--slogans', '--top', '5', '--format', 'pajek']);
    expect(pajek.stdout.startsWith('*Vertices 5\r\n1 "中国式现代化"\r\n')).toBe(true);
  });
});
