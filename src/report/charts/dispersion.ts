import type { MarkAreaComponentOption } from 'echarts';
import type { SloganPositions } from '../sloganPositions.js';
import { labelColumnWidth, labelWidth, renderChart } from './renderChart.js';

const WIDTH = 960;
const ROW_HEIGHT = 30;
const LABEL_CAP = 200;
const RIGHT = 24;
/** Ticks are drawn at the resolution of a pixel: a tick is 2 px wide, so uses closer than that overlap anyway. */
const TICK_STEPS_PER_PX = 1;

/**
 * A dispersion plot (AntConc's "concordance plot", one row per slogan): a tick at every use, x = word-token
 * position in the corpus, so documents take room in proportion to their size. Documents are shaded in alternate
 * bands named at the top; a band too narrow for its name stays unnamed (the table beneath names every document).
 * Uses within one pixel of each other are one tick, drawn at the first of them: their 2 px ticks would be drawn
 * over each other, and the chart engine's memory and time follow the marks (a row of a large corpus has thousands
 * of uses), so a row holds at most one tick a pixel, whatever the corpus's size.
 */
export function dispersionSvg(data: SloganPositions): string {
  const terms = data.slogans.map((s) => s.term);
  const left = labelColumnWidth(terms, LABEL_CAP) + 16;
  const top = 40;
  const height = top + ROW_HEIGHT * Math.max(1, terms.length) + 56;
  const plotWidth = WIDTH - left - RIGHT;
  const total = Math.max(1, data.totalTokens);
  const bands: NonNullable<MarkAreaComponentOption['data']> = data.documents.map((d, i) => {
    const fits = (d.tokens / total) * plotWidth >= labelWidth(d.id) + 8;
    return [
      { xAxis: d.start, name: fits ? d.id : '', itemStyle: { color: i % 2 === 0 ? 'rgba(120,130,150,0.10)' : 'rgba(0,0,0,0)' } },
      { xAxis: d.start + d.tokens },
    ];
  });
  const step = total / (plotWidth * TICK_STEPS_PER_PX);
  const ticks = data.slogans.flatMap((s, row) => visibleTicks(s.positions, step).map((p) => [p, row]));
  return renderChart(
    {
      grid: { left, right: RIGHT, top, bottom: 56 },
      xAxis: {
        type: 'value',
        min: 0,
        max: total,
        name: 'word-token position in the corpus (documents in reading order)',
        nameLocation: 'middle',
        nameGap: 30,
        splitLine: { show: false },
      },
      yAxis: {
        type: 'category',
        data: terms,
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: LABEL_CAP, overflow: 'truncate' },
        splitLine: { show: true, lineStyle: { color: '#eeeeee' } },
      },
      series: [
        {
          type: 'scatter',
          data: ticks,
          symbol: 'rect',
          symbolSize: [2, ROW_HEIGHT * 0.6],
          itemStyle: { color: '#1f4e79' },
          markArea: { silent: true, label: { position: 'top', color: '#444444', fontSize: 11 }, data: bands },
        },
      ],
    },
    { width: WIDTH, height },
  );
}

/** The first of the positions (ascending) in each step of `step` tokens: one tick per step. */
export function visibleTicks(positions: readonly number[], step: number): number[] {
  const out: number[] = [];
  let last = -1;
  for (const p of positions) {
    const at = Math.floor(p / step);
    if (at !== last) out.push(p);
    last = at;
  }
  return out;
}
