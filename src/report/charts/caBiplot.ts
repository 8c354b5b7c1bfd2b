import type { Correspondence } from '../../analysis/correspondence.js';
import { groupColor, renderChart } from './renderChart.js';

const SIZE = 760;

/**
 * The correspondence-analysis map of KH Coder: groups (coloured, bold) and terms (grey, smaller) in principal
 * coordinates of dimensions 1 and 2, axes named with their share of the inertia. Term labels may overlap where
 * terms crowd the origin, as in KH Coder; the coordinate table has every point.
 */
export function caBiplotSvg(ca: Correspondence, terms: number): string {
  const total = ca.inertia.reduce((s, x) => s + x, 0);
  const axisName = (k: number) => `dim ${k + 1} (${total > 0 ? ((100 * (ca.inertia[k] ?? 0)) / total).toFixed(1) : '0'}%)`;
  const at = (coords: number[]) => [coords[0] ?? 0, coords[1] ?? 0];
  // The terms farthest from the origin carry the map; the others are drawn as dots only.
  const distance = ca.columnCoords.map((c, j) => ({ j, d: Math.hypot(...at(c)) }));
  const labelled = new Set(distance.sort((a, b) => b.d - a.d).slice(0, terms).map((e) => e.j));
  return renderChart(
    {
      grid: { left: 56, right: 32, top: 32, bottom: 56 },
      xAxis: { type: 'value', name: axisName(0), nameLocation: 'middle', nameGap: 30, scale: true, splitLine: { lineStyle: { color: '#eeeeee' } } },
      yAxis: { type: 'value', name: axisName(1), nameLocation: 'middle', nameGap: 40, scale: true, splitLine: { lineStyle: { color: '#eeeeee' } } },
      series: [
        {
          type: 'scatter',
          symbolSize: 4,
          itemStyle: { color: '#9a9a9a' },
          data: ca.columns.map((label, j) => ({
            value: at(ca.columnCoords[j]),
            label: { show: labelled.has(j), formatter: label, position: 'right', fontSize: 10, color: '#555555' },
          })),
        },
        {
          type: 'scatter',
          symbolSize: 10,
          data: ca.rows.map((label, i) => ({
            value: at(ca.rowCoords[i]),
            itemStyle: { color: groupColor(i) },
            label: { show: true, formatter: label, position: 'top', fontSize: 13, fontWeight: 'bold', color: groupColor(i) },
          })),
        },
      ],
    },
    { width: SIZE, height: SIZE },
  );
}
