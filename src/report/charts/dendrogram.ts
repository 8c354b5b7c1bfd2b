import type { Merge } from '../../analysis/clustering.js';
import { escapeHtml } from '../html.js';
import { CJK_FONT_FAMILY, LABEL_FONT_SIZE, labelColumnWidth } from './renderChart.js';

const ROW = 24;
const PLOT_WIDTH = 520;
const MARGIN = 16;

/**
 * A dendrogram drawn leaves down the left, heights (distance = 1 − cosine) to the right: each merge is a bracket
 * at its height joining its two clusters. Leaves are ordered by the tree, so that every bracket is drawn without
 * crossing. Plain SVG: no chart engine is needed for lines and labels.
 */
export function dendrogramSvg(labels: string[], merges: Merge[]): string {
  const n = labels.length;
  const order: number[] = [];
  const visit = (id: number): void => {
    if (id < n) order.push(id);
    else [merges[id - n].a, merges[id - n].b].forEach(visit);
  };
  if (merges.length > 0) visit(n + merges.length - 1);
  else order.push(...labels.map((_, i) => i));
  const labelWidth = labelColumnWidth(labels, 240) + 8;
  const maxHeight = Math.max(1e-9, ...merges.map((m) => m.height));
  const x = (h: number) => MARGIN + labelWidth + (h / maxHeight) * PLOT_WIDTH;
  const y = new Map<number, number>(order.map((leaf, i) => [leaf, MARGIN + i * ROW + ROW / 2]));
  const height = new Map<number, number>(order.map((leaf) => [leaf, 0]));
  const lines: string[] = [];
  merges.forEach((m, k) => {
    const id = n + k;
    const [ya, yb] = [y.get(m.a)!, y.get(m.b)!];
    const [xa, xb, xm] = [x(height.get(m.a)!), x(height.get(m.b)!), x(m.height)];
    lines.push(`<path d="M${xa.toFixed(1)},${ya}H${xm.toFixed(1)}V${yb}H${xb.toFixed(1)}" fill="none" stroke="#4e79a7" stroke-width="1.5"/>`);
    y.set(id, (ya + yb) / 2);
    height.set(id, m.height);
  });
  const texts = order.map(
    (leaf) => `<text x="${MARGIN + labelWidth - 6}" y="${y.get(leaf)! + 4}" text-anchor="end">${escapeHtml(labels[leaf])}</text>`,
  );
  const axisY = MARGIN + n * ROW + 8;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const h = f * maxHeight;
    return `<line x1="${x(h)}" y1="${axisY}" x2="${x(h)}" y2="${axisY + 4}" stroke="#666"/><text x="${x(h)}" y="${axisY + 16}" text-anchor="middle" font-size="10">${h.toFixed(2)}</text>`;
  });
  const width = MARGIN * 2 + labelWidth + PLOT_WIDTH + 24;
  const total = axisY + 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${CJK_FONT_FAMILY}" font-size="${LABEL_FONT_SIZE}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...lines,
    ...texts,
    `<line x1="${x(0)}" y1="${axisY}" x2="${x(maxHeight)}" y2="${axisY}" stroke="#666"/>`,
    ...ticks,
    `<text x="${x(maxHeight / 2)}" y="${axisY + 32}" text-anchor="middle" font-size="11">distance (1 − cosine of tf-idf), average linkage</text>`,
    '</svg>',
  ].join('\n') + '\n';
}
