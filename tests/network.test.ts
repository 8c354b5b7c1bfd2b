import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { TABLE_FORMATS } from '../src/format/formatters.js';
import type { NetworkEdge, NetworkNode } from '../src/analysis/networkGraph.js';
import { edgeTable, nodeTable, toGexf, toGraphml, xmlEscape } from '../src/format/network.js';

const nodes: NetworkNode[] = [
  { term: 'a<b', count: 5, byGroup: { '深圳': 3, 'x&"y"': 2 }, topGroup: '深圳' },
  { term: 'c&d', count: 2, byGroup: { '深圳': 0, 'x&"y"': 2 }, topGroup: 'x&"y"' },
  { term: '"枫桥经验">', count: 1, byGroup: { '深圳': 1, 'x&"y"': 0 }, topGroup: '深圳' },
];
const edges: NetworkEdge[] = [
  { source: 'a<b', target: 'c&d', both: 2, scores: { mi: 1.5, logdice: 13.2 } },
  { source: 'a<b', target: '"枫桥经验">', both: 1, scores: { mi: -Infinity, logdice: 12 } },
];

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Element[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescape(text: string): string {
  if (/&(?!(lt|gt|amp|quot|apos);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text)}`);
  if (/[<>"]/.test(text)) throw new Error(`unescaped markup in ${JSON.stringify(text)}`);
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]);
}

/**
 * A tiny XML reader, strict enough for what tifa writes: one declaration, elements with double-quoted
 * attributes, text; throws on a stray <, a bare &, an unquoted or malformed attribute, or unbalanced tags.
 */
function parseXml(xml: string): Element {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/;
  if (!declaration.test(xml)) throw new Error('no XML declaration');
  const root: Element = { name: '#document', attributes: {}, text: '', children: [] };
  const stack = [root];
  for (const [piece] of xml.replace(declaration, '').matchAll(/<[^<>]*>|[^<>]+|[<>]/g)) {
    const top = stack[stack.length - 1];
    if (!piece.startsWith('<')) {
      top.text += unescape(piece);
      continue;
    }
    const close = /^<\/([\w:.-]+)>$/.exec(piece);
    if (close) {
      if (close[1] !== top.name) throw new Error(`</${close[1]}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const open = /^<([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>$/.exec(piece);
    if (!open) throw new Error(`malformed tag ${piece}`);
    const attributes: Record<string, string> = {};
    for (const [, k, v] of open[2].matchAll(/([\w:.-]+)="([^"]*)"/g)) attributes[k] = unescape(v);
    const element: Element = { name: open[1], attributes, text: '', children: [] };
    top.children.push(element);
    if (!open[3]) stack.push(element);
  }
  if (stack.length !== 1 || root.children.length !== 1 || root.text.trim()) throw new Error('not one balanced root element');
  return root.children[0];
}

function all(element: Element, name: string): Element[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

describe('xmlEscape', () => {
  it('escapes the five XML specials', () => {
    expect(xmlEscape(`<a & "b" 'c'>`)).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
    // XML 1.0 has no way to write U+0001, not even &#1;
    expect(xmlEscape('a\u0001b\tc')).toBe('a\uFFFDb\tc');
  });
});

describe('GEXF', () => {
  const root = parseXml(toGexf(nodes, edges));

  it('is well-formed GEXF with node and edge attributes declared', () => {
    expect(root.name).toBe('gexf');
    const titles = all(root, 'attribute').map((a) => a.attributes.title);
    expect(titles).toEqual(['count', 'top_group', 'count_深圳', 'count_x&"y"', 'both', 'mi', 'logdice']);
  });

  it('round-trips terms and groups with <&"> through escaping', () => {
    const parsed = all(root, 'node');
    expect(parsed.map((n) => n.attributes.label)).toEqual(nodes.map((n) => n.term));
    const first = Object.fromEntries(all(parsed[0], 'attvalue').map((v) => [v.attributes.for, v.attributes.value]));
    expect(first).toEqual({ count: '5', top_group: '深圳', g0: '3', g1: '2' });
    expect(all(parsed[1], 'attvalue').find((v) => v.attributes.for === 'top_group')!.attributes.value).toBe('x&"y"');
  });

  it('links edges to node ids, weight = both, and leaves out scores that are not finite', () => {
    const [e0, e1] = all(root, 'edge');
    expect(e0.attributes).toEqual({ id: 'e0', source: 'n0', target: 'n1', weight: '2' });
    expect(all(e0, 'attvalue').map((v) => [v.attributes.for, v.attributes.value])).toEqual([['both', '2'], ['mi', '1.5'], ['logdice', '13.2']]);
    expect(all(e1, 'attvalue').map((v) => v.attributes.for)).toEqual(['both', 'logdice']);
  });
});

describe('GraphML', () => {
  const root = parseXml(toGraphml(nodes, edges));

  it('is well-formed GraphML with keys for every attribute', () => {
    expect(root.name).toBe('graphml');
    const keys = all(root, 'key').map((k) => `${k.attributes.for}:${k.attributes['attr.name']}`);
    expect(keys).toEqual(['node:label', 'node:count', 'node:top_group', 'node:count_深圳', 'node:count_x&"y"', 'edge:both', 'edge:mi', 'edge:logdice']);
  });

  it('round-trips escaped labels and links edges', () => {
    const labels = all(root, 'node').map((n) => all(n, 'data').find((d) => d.attributes.key === 'label')!.text);
    expect(labels).toEqual(nodes.map((n) => n.term));
    expect(all(root, 'edge').map((e) => [e.attributes.source, e.attributes.target])).toEqual([['n0', 'n1'], ['n0', 'n2']]);
  });
});

describe('the tiny XML reader', () => {
  it('rejects what is not well-formed', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    expect(() => parseXml(`${head}<a x="<"/>`)).toThrow();
    expect(() => parseXml(`${head}<a>b & c</a>`)).toThrow(/bare &/);
    expect(() => parseXml(`${head}<a><b></a></b>`)).toThrow(/closes/);
    expect(() => parseXml(`${head}<a x=1/>`)).toThrow(/malformed/);
  });
});

describe('edge and node tables', () => {
  const color = new Chalk({ level: 0 });

  it('print as CSV for Gephi with id/label and source/target', () => {
    expect(nodeTable(nodes).columns).toEqual(['id', 'label', 'count', 'count_深圳', 'count_x&"y"', 'top_group']);
    const csv = TABLE_FORMATS.csv(edgeTable(edges), { color });
    expect(csv.split('\r\n')[0]).toBe('source,target,both,mi,logdice');
    expect(csv.split('\r\n')[1]).toBe('a<b,c&d,2,1.5,13.2');
  });
});
