import type { ResultTable } from '../../resultTable.js';
import { LABEL_FONT_SIZE, labelColumnWidth, labelWidth, renderChart } from './renderChart.js';

export interface HeatmapSpec {
  /** The column holding the row labels. */
  label: string;
  /** Value columns, left to right, each with the name shown under it. */
  cells: { column: string; name: string }[];
  /** What a cell holds, named on the colour scale (e.g. "uses per 10,000 word tokens"). */
  unit: string;
}

const ROW_HEIGHT = 26;
const MIN_CELL_WIDTH = 72;
const MAX_CELL_WIDTH = 140;
/** The heatmap widens its cells up to this chart width, so that a few groups still fill the page. */
const TARGET_WIDTH = 960;
const LABEL_CAP = 200;
/** Light to dark blue (ColorBrewer Blues): darker = higher, readable in greyscale print too. */
const SCALE = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

/** A row label × value-column heatmap of a table, every cell labelled with its value (one decimal). */
export function heatmapSvg(table: ResultTable, spec: HeatmapSpec): string {
  const rowLabels = table.rows.map((r) => String(r[spec.label] ?? ''));
  const values = table.rows.map((r) => spec.cells.map((c) => Number(r[c.column] ?? 0)));
  const max = Math.max(0, ...values.flat());
  const left = labelColumnWidth(rowLabels, LABEL_CAP) + 16;
  const fill = Math.min(MAX_CELL_WIDTH, Math.floor((TARGET_WIDTH - left - 24) / Math.max(1, spec.cells.length)));
  const cellWidth = Math.max(MIN_CELL_WIDTH, fill, ...spec.cells.map((c) => labelWidth(c.name) + 16));
  const top = 16;
  const bottom = 96;
  const width = left + cellWidth * spec.cells.length + 24;
  const height = top + ROW_HEIGHT * Math.max(1, rowLabels.length) + bottom;
  const data = values.flatMap((row, y) =>
    row.map((value, x) => ({
      value: [x, y, value],
      // Dark text on light cells, white on dark ones.
      label: { color: max > 0 && value / max > 0.55 ? '#ffffff' : '#222222' },
    })),
  );
  return renderChart(
    {
      grid: { left, right: 24, top, bottom },
      xAxis: { type: 'category', data: spec.cells.map((c) => c.name), position: 'bottom', axisTick: { show: false } },
      yAxis: {
        type: 'category',
        data: rowLabels,
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: LABEL_CAP, overflow: 'truncate' },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: max > 0 ? max : 1,
        inRange: { color: SCALE },
        orient: 'horizontal',
        left: 'center',
        bottom: 8,
        itemHeight: Math.min(240, width - 260),
        text: [`${max.toFixed(1)} ${spec.unit}`, '0'],
        calculable: false,
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: { show: true, fontSize: LABEL_FONT_SIZE - 1, formatter: (p) => (p.value as number[])[2].toFixed(1) },
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        },
      ],
    },
    { width, height },
  );
}
