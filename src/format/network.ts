import type { NetworkEdge, NetworkNode } from '../analysis/networkGraph.js';
import type { ResultTable, Row } from '../resultTable.js';
import { toPajek, toUcinetDl } from './networkExports.js';

const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML attribute values and character data (XML 1.0 §2.4, quotes for attributes); control
 * characters that XML 1.0 forbids even as references (§2.2) become U+FFFD, so the file always parses.
 */
export function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ENTITY[c]).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
}

/** Group values in first-seen order over the nodes. */
function groupsOf(nodes: NetworkNode[]): string[] {
  const seen = new Set<string>();
  for (const node of nodes) for (const g of Object.keys(node.byGroup)) seen.add(g);
  return [...seen];
}

function scoreNames(edges: NetworkEdge[]): string[] {
  return edges.length > 0 ? Object.keys(edges[0].scores) : [];
}

/** Node ids are indices, not terms, so that a term never has to be a valid XML id. */
function nodeIndex(nodes: NetworkNode[]): Map<string, string> {
  return new Map(nodes.map((n, i) => [n.term, `n${i}`]));
}

/**
 * GEXF 1.2 (gexf.net), which Gephi reads natively: node attributes count, top_group and count_<group>;
 * edge weight = both (what Gephi's layouts use), attributes both and every score. XML has no infinity,
 * so a score that is not finite is left out of its element (here and in GraphML).
 */
export function toGexf(nodes: NetworkNode[], edges: NetworkEdge[]): string {
  const groups = groupsOf(nodes);
  const scores = scoreNames(edges);
  const ids = nodeIndex(nodes);
  const attr = (id: string, title: string, type: string) =>
    `      <attribute id="${xmlEscape(id)}" title="${xmlEscape(title)}" type="${type}"/>`;
  const value = (id: string, v: string | number) => `<attvalue for="${xmlEscape(id)}" value="${xmlEscape(String(v))}"/>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
    '  <meta><creator>tifa</creator></meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    attr('count', 'count', 'integer'),
    attr('top_group', 'top_group', 'string'),
    ...groups.map((g, i) => attr(`g${i}`, `count_${g}`, 'integer')),
    '    </attributes>',
    '    <attributes class="edge">',
    attr('both', 'both', 'integer'),
    ...scores.map((s) => attr(s, s, 'double')),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of nodes) {
    const values = [value('count', node.count)];
    if (node.topGroup !== undefined) values.push(value('top_group', node.topGroup));
    groups.forEach((g, i) => values.push(value(`g${i}`, node.byGroup[g] ?? 0)));
    lines.push(`      <node id="${ids.get(node.term)}" label="${xmlEscape(node.term)}"><attvalues>${values.join('')}</attvalues></node>`);
  }
  lines.push('    </nodes>', '    <edges>');
  edges.forEach((edge, i) => {
    const values = [value('both', edge.both), ...scores.filter((s) => Number.isFinite(edge.scores[s])).map((s) => value(s, edge.scores[s]))];
    lines.push(
      `      <edge id="e${i}" source="${ids.get(edge.source)}" target="${ids.get(edge.target)}" weight="${edge.both}"><attvalues>${values.join('')}</attvalues></edge>`,
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

/** GraphML (graphml.graphdrawing.org), read by Gephi, Cytoscape, yEd and igraph; the same attributes as GEXF. */
export function toGraphml(nodes: NetworkNode[], edges: NetworkEdge[]): string {
  const groups = groupsOf(nodes);
  const scores = scoreNames(edges);
  const ids = nodeIndex(nodes);
  const key = (id: string, on: string, name: string, type: string) =>
    `  <key id="${xmlEscape(id)}" for="${on}" attr.name="${xmlEscape(name)}" attr.type="${type}"/>`;
  const data = (id: string, v: string | number) => `<data key="${xmlEscape(id)}">${xmlEscape(String(v))}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    key('label', 'node', 'label', 'string'),
    key('count', 'node', 'count', 'int'),
    key('top_group', 'node', 'top_group', 'string'),
    ...groups.map((g, i) => key(`g${i}`, 'node', `count_${g}`, 'int')),
    key('both', 'edge', 'both', 'int'),
    ...scores.map((s) => key(s, 'edge', s, 'double')),
    '  <graph id="cooccurrence" edgedefault="undirected">',
  ];
  for (const node of nodes) {
    const values = [data('label', node.term), data('count', node.count)];
    if (node.topGroup !== undefined) values.push(data('top_group', node.topGroup));
    groups.forEach((g, i) => values.push(data(`g${i}`, node.byGroup[g] ?? 0)));
    lines.push(`    <node id="${ids.get(node.term)}">${values.join('')}</node>`);
  }
  edges.forEach((edge, i) => {
    const values = [data('both', edge.both), ...scores.filter((s) => Number.isFinite(edge.scores[s])).map((s) => data(s, edge.scores[s]))];
    lines.push(`    <edge id="e${i}" source="${ids.get(edge.source)}" target="${ids.get(edge.target)}">${values.join('')}</edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** Nodes as a table for Gephi's spreadsheet import (it matches `id` to the edges' source and target). */
export function nodeTable(nodes: NetworkNode[]): ResultTable {
  const groups = groupsOf(nodes);
  const grouped = nodes.some((n) => n.topGroup !== undefined);
  const columns = ['id', 'label', 'count', ...groups.map((g) => `count_${g}`), ...(grouped ? ['top_group'] : [])];
  const rows = nodes.map((node) => {
    const row: Row = { id: node.term, label: node.term, count: node.count };
    for (const g of groups) row[`count_${g}`] = node.byGroup[g] ?? 0;
    if (grouped) row.top_group = node.topGroup ?? '';
    return row;
  });
  return { columns, rows };
}

/** Edges as a table: source, target, both, then every score. */
export function edgeTable(edges: NetworkEdge[]): ResultTable {
  const scores = scoreNames(edges);
  const rows = edges.map((e) => ({ source: e.source, target: e.target, both: e.both, ...e.scores }) as Row);
  return { columns: ['source', 'target', 'both', ...scores], rows, decimals: { jaccard: 3 } };
}

/**
 * The network outputs of `tifa cooc --format`: a graph file (GEXF, GraphML, UCINET DL, Pajek) or Gephi's
 * edge/node spreadsheets.
 */
export const NETWORK_FORMATS = ['gexf', 'graphml', 'edges', 'nodes', 'dl', 'pajek'] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

export function isNetworkFormat(format: string): format is NetworkFormat {
  return (NETWORK_FORMATS as readonly string[]).includes(format);
}

/** A network in one of NETWORK_FORMATS: the file text, or a table that is written as CSV (what Gephi imports). */
export function formatNetwork(format: NetworkFormat, nodes: NetworkNode[], edges: NetworkEdge[]): { text: string } | { csv: ResultTable } {
  if (format === 'gexf') return { text: toGexf(nodes, edges) };
  if (format === 'graphml') return { text: toGraphml(nodes, edges) };
  if (format === 'dl') return { text: toUcinetDl(nodes, edges) };
  if (format === 'pajek') return { text: toPajek(nodes, edges) };
  return { csv: format === 'edges' ? edgeTable(edges) : nodeTable(nodes) };
}
