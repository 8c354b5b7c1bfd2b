/**
 * Node positions for a network drawing, by Fruchterman & Reingold (1991, "Graph drawing by force-directed
 * placement", Software: Practice and Experience 21(11)): every pair of nodes repels with k²/d, every edge attracts
 * with weight·d²/k, k = √(area/n), and gravity pulls every node towards the centre; moves are capped by a
 * temperature that falls linearly to 0, and nodes stay in the frame. Written here rather than left to ECharts' force layout because that one ignores the chart's box: in the
 * bundled report nodes landed on the legend and below the bottom edge. Starts from a circle and uses no randomness,
 * so the same network gives the same picture on every run.
 */

export interface LayoutEdge {
  source: number;
  target: number;
  weight: number;
}

export interface LayoutFrame {
  width: number;
  height: number;
}

const ITERATIONS = 300;

/**
 * Pull towards the centre per px of distance. Chosen by eye on the bundled report's network (0.3, 1 and 3 tried):
 * below 1 small pieces are pushed against the frame and their labels overlap. The drawing is scaled to fit the
 * chart afterwards, so only the shape this gives matters, not its size.
 */
const GRAVITY = 3;

/** Positions [x, y] filling [0, width] × [0, height], one per node. */
export function forceLayout(nodeCount: number, edges: LayoutEdge[], frame: LayoutFrame): [number, number][] {
  const { width, height } = frame;
  const k = Math.sqrt((width * height) / Math.max(1, nodeCount));
  const x = new Float64Array(nodeCount);
  const y = new Float64Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    const angle = (2 * Math.PI * i) / Math.max(1, nodeCount);
    x[i] = width / 2 + (width / 3) * Math.cos(angle);
    y[i] = height / 2 + (height / 3) * Math.sin(angle);
  }
  const dx = new Float64Array(nodeCount);
  const dy = new Float64Array(nodeCount);
  for (let step = 0; step < ITERATIONS; step++) {
    const temperature = (Math.min(width, height) / 10) * (1 - step / ITERATIONS);
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < nodeCount; i++) {
      for (let j = i + 1; j < nodeCount; j++) {
        let ex = x[i] - x[j];
        let ey = y[i] - y[j];
        let d = Math.hypot(ex, ey);
        // Two nodes on one spot: separate them along a fixed direction that depends on their indices.
        if (d < 1e-6) [ex, ey, d] = [Math.cos(i + j), Math.sin(i + j), 1];
        const push = (k * k) / d / d;
        dx[i] += ex * push;
        dy[i] += ey * push;
        dx[j] -= ex * push;
        dy[j] -= ey * push;
      }
    }
    for (const { source, target, weight } of edges) {
      const ex = x[source] - x[target];
      const ey = y[source] - y[target];
      const pull = (weight * Math.hypot(ex, ey)) / k;
      dx[source] -= ex * pull;
      dy[source] -= ey * pull;
      dx[target] += ex * pull;
      dy[target] += ey * pull;
    }
    for (let i = 0; i < nodeCount; i++) {
      dx[i] -= GRAVITY * (x[i] - width / 2);
      dy[i] -= GRAVITY * (y[i] - height / 2);
    }
    for (let i = 0; i < nodeCount; i++) {
      const d = Math.hypot(dx[i], dy[i]);
      if (d === 0) continue;
      const move = Math.min(d, temperature) / d;
      x[i] = Math.min(width, Math.max(0, x[i] + dx[i] * move));
      y[i] = Math.min(height, Math.max(0, y[i] + dy[i] * move));
    }
  }
  return Array.from(x, (xi, i) => [stretch(x, width)(xi), stretch(y, height)(y[i])]);
}

/**
 * Maps coordinates onto [0, size] end to end (or onto the middle when all are equal), so that the drawing fills the
 * frame and a chart showing the frame at its own size draws round nodes, not ellipses.
 */
function stretch(values: Float64Array, size: number): (v: number) => number {
  const min = Math.min(...values);
  const extent = Math.max(...values) - min;
  return extent > 0 ? (v) => ((v - min) / extent) * size : () => size / 2;
}
