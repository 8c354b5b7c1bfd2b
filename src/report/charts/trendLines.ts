import type { LineSeriesOption } from 'echarts';
import type { ResultTable } from '../../format/table.js';
import { isNumericField, timeKey } from '../../analysis/trend.js';
import { groupColor, renderChart } from './renderChart.js';

export interface TrendLinesSpec {
  /** The field column of the table (e.g. year). */
  field: string;
  /** The column plotted (per10k, share or a rolling mean). */
  value: string;
  /** The value's name on the y axis. */
  unit: string;
}

const WIDTH = 960;
const HEIGHT = 420;

/**
 * Reads a trendTable: one line per term over the field. On a numeric field the x axis is numeric and a whole
 * number without documents between two that have them (1961–1963 in the work reports) breaks every line, so
 * the chart never draws a trend through years nobody wrote about. A date field is placed on a time axis.
 */
export function trendLinesSvg(table: ResultTable, spec: TrendLinesSpec): string {
  const terms = [...new Set(table.rows.map((r) => String(r.term)))];
  const values = [...new Set(table.rows.map((r) => String(r[spec.field])))];
  const numeric = isNumericField(values);
  const x = (value: string) => (numeric ? Number(value) : dateOf(value));
  const series: LineSeriesOption[] = terms.map((term, i) => {
    const rows = table.rows.filter((r) => r.term === term);
    const data: Array<[number, number | null]> = [];
    rows.forEach((row, k) => {
      const at = Number(row[spec.field]);
      const before = k > 0 ? Number(rows[k - 1][spec.field]) : undefined;
      // A gap: a null point one step after the previous value with documents breaks the line there.
      if (numeric && before !== undefined && Number.isInteger(at) && Number.isInteger(before) && at - before > 1) data.push([before + 1, null]);
      const y = row[spec.value];
      data.push([x(String(row[spec.field])), typeof y === 'number' ? y : null]);
    });
    return {
      type: 'line',
      name: term,
      data,
      connectNulls: false,
      showSymbol: true,
      symbolSize: 4,
      lineStyle: { width: 2, color: groupColor(i) },
      itemStyle: { color: groupColor(i) },
    };
  });
  return renderChart(
    {
      legend: { top: 8, data: terms },
      grid: { left: 64, right: 32, top: 48, bottom: 56 },
      xAxis: {
        type: numeric ? 'value' : 'time',
        name: spec.field,
        nameLocation: 'middle',
        nameGap: 30,
        min: 'dataMin',
        max: 'dataMax',
        axisLabel: numeric ? { formatter: (v: number) => String(v) } : undefined,
        splitLine: { show: false },
      },
      yAxis: { type: 'value', name: spec.unit, nameTextStyle: { align: 'left' }, min: 0 },
      series,
    },
    { width: WIDTH, height: HEIGHT },
  );
}

/** A date value (2024, 2024-03, 2024-03-05) as a time-axis timestamp. */
function dateOf(value: string): number {
  const key = timeKey(value) ?? 0;
  const year = Math.floor(key / 10000);
  const month = Math.floor(key / 100) % 100;
  const day = key % 100;
  return Date.UTC(year, Math.max(0, month - 1), Math.max(1, day));
}
