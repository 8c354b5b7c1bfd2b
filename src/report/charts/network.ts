import type { NetworkEdge, NetworkNode } from '../../analysis/networkGraph.js';
import { forceLayout } from './forceLayout.js';
import { groupColor, renderChart } from './renderChart.js';

export interface NetworkSpec {
  /** The groups, in the order that gives them their colours (the same order as the other charts). */
  groups: string[];
}

const WIDTH = 960;
const HEIGHT = 680;

/** The diameter grows with the square root of the count, so that the area grows with the count; capped at 48 px. */
function symbolSize(count: number): number {
  return Math.min(48, 8 + 5 * Math.sqrt(count));
}

/** Room around the nodes: the legend on top, labels (drawn to the right of their node) on the right. */
const MARGIN = { top: 72, right: 150, bottom: 24, left: 32 };

/**
 * The co-occurrence network: nodes sized by count and coloured by the group that uses them most (by rate), edges
 * as thick as the units shared, placed by forceLayout. Nodes without an edge are left out of the drawing.
 */
export function networkSvg(nodes: NetworkNode[], edges: NetworkEdge[], spec: NetworkSpec): string {
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const drawn = nodes.filter((n) => linked.has(n.term));
  const grouped = drawn.some((n) => n.topGroup !== undefined);
  const categories = spec.groups.map((g, i) => ({ name: g, itemStyle: { color: groupColor(i) } }));
  const index = new Map(drawn.map((n, i) => [n.term, i]));
  const frame = { width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
  const positions = forceLayout(
    drawn.length,
    edges.map((e) => ({ source: index.get(e.source)!, target: index.get(e.target)!, weight: e.both })),
    frame,
  );
  return renderChart(
    {
      legend: grouped ? { top: 8, data: spec.groups } : undefined,
      series: [
        {
          type: 'graph',
          // ECharts maps the positions' bounding box onto this box; keeping the aspect keeps the scale 1:1 (the layout
          // fills a frame of the box's size), also when all nodes lie on one line and the box would stretch them.
          layout: 'none',
          ...MARGIN,
          preserveAspect: true,
          categories: grouped ? categories : undefined,
          data: drawn.map((n, i) => ({
            name: n.term,
            x: positions[i][0],
            y: positions[i][1],
            value: n.count,
            symbolSize: symbolSize(n.count),
            category: n.topGroup === undefined ? undefined : spec.groups.indexOf(n.topGroup),
            itemStyle: grouped ? undefined : { color: groupColor(0) },
          })),
          links: edges.map((e) => ({ source: e.source, target: e.target, value: e.both, lineStyle: { width: Math.min(6, e.both) } })),
          label: { show: true, position: 'right', fontSize: 12, color: '#222222' },
          lineStyle: { color: '#9aa0a6', opacity: 0.7, curveness: 0 },
        },
      ],
    },
    { width: WIDTH, height: HEIGHT },
  );
}
