import type { NetworkEdge, NetworkNode } from './network.js';

/**
 * The co-occurrence network for the social-network tools of this field, edge weight = `both` (units with both
 * terms). Every node is listed, isolates included, with its label in full. A double quote in a label (which
 * neither format can escape) becomes a single one; a line break, a space.
 */
function label(term: string): string {
  return `"${term.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}

function indexOf(nodes: NetworkNode[]): (term: string) => number {
  const at = new Map(nodes.map((n, i) => [n.term, i + 1]));
  return (term) => at.get(term)!;
}

/** UCINET DL, edgelist1 (Borgatti, Everett & Freeman, UCINET 6 guide: "DL files"): labels, then `i j weight`. */
export function toUcinetDl(nodes: NetworkNode[], edges: NetworkEdge[]): string {
  const id = indexOf(nodes);
  const lines = [`dl n=${nodes.length} format=edgelist1`, 'labels:', nodes.map((n) => label(n.term)).join(','), 'data:'];
  for (const e of edges) lines.push(`${id(e.source)} ${id(e.target)} ${e.both}`);
  return `${lines.join('\n')}\n`;
}

/** Pajek .net: `*Vertices n` with `i "label"`, then `*Edges` with `i j weight` (undirected). */
export function toPajek(nodes: NetworkNode[], edges: NetworkEdge[]): string {
  const id = indexOf(nodes);
  const lines = [`*Vertices ${nodes.length}`, ...nodes.map((n, i) => `${i + 1} ${label(n.term)}`), '*Edges'];
  for (const e of edges) lines.push(`${id(e.source)} ${id(e.target)} ${e.both}`);
  // Pajek on Windows reads CRLF; it also takes LF, as do igraph and networkx (read_pajek).
  return `${lines.join('\r\n')}\r\n`;
}
