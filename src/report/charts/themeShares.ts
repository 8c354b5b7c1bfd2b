import type { BarSeriesOption } from 'echarts';
import type { ResultTable } from '../../resultTable.js';
import { LABEL_FONT_SIZE, labelColumnWidth, renderChart } from './renderChart.js';

export interface ThemeSharesSpec {
  /** The column holding the theme of a row. */
  label: string;
  /** The groups, one bar each; column `<group><shareSuffix>` holds the theme's share of the group. */
  groups: string[];
  shareSuffix: string;
}

const BAR_HEIGHT = 34;
const WIDTH = 960;
/** Shares below this get no label inside their segment: the text would not fit. */
const MIN_LABELLED_SHARE = 0.06;
/** Eight hues for the eight themes, distinct from one another (ColorBrewer Set2 + Dark2). */
const THEME_PALETTE = ['#66c2a5', '#fc8d62', '#8da0cb', '#e78ac3', '#a6d854', '#ffd92f', '#e5c494', '#b3b3b3', '#1b9e77', '#d95f02'];

/**
 * One 100 % bar per group, split into the themes' shares of the group's slogan uses (each group's shares add
 * up to 1), so groups of different size compare by emphasis. Reads a themeTable.
 */
export function themeSharesSvg(table: ResultTable, spec: ThemeSharesSpec): string {
  const left = labelColumnWidth(spec.groups, 160) + 16;
  const top = 64;
  const height = top + BAR_HEIGHT * Math.max(1, spec.groups.length) + 40;
  const series: BarSeriesOption[] = table.rows.map((row) => ({
    type: 'bar',
    name: String(row[spec.label]),
    stack: 'share',
    barWidth: '70%',
    data: spec.groups.map((g) => Number(row[`${g}${spec.shareSuffix}`] ?? 0)),
    label: {
      show: true,
      fontSize: LABEL_FONT_SIZE - 1,
      color: '#222222',
      formatter: (p) => ((p.value as number) >= MIN_LABELLED_SHARE ? `${Math.round((p.value as number) * 100)}%` : ''),
    },
  }));
  return renderChart(
    {
      color: THEME_PALETTE,
      legend: { top: 8, left: left, right: 24, itemWidth: 14, itemHeight: 10 },
      grid: { left, right: 24, top, bottom: 40 },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      yAxis: { type: 'category', data: spec.groups, inverse: true, axisTick: { show: false } },
      series,
    },
    { width: WIDTH, height },
  );
}
