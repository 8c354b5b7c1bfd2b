import type { BarSeriesOption, EChartsOption, GridComponentOption, TitleComponentOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import type { ResultTable } from '../../resultTable.js';
import { groupColor, LABEL_FONT_SIZE, labelColumnWidth, renderChart } from './renderChart.js';

export interface KeynessBarsSpec {
  /** The groups, in table order: column `<group>` holds the terms, `<group><valueSuffix>` their scores. */
  groups: string[];
  valueSuffix: string;
  /** The score's name on the axes, e.g. "G²". */
  unit: string;
}

const PANELS_PER_ROW = 3;
const PANEL_WIDTH = 320;
const BAR_HEIGHT = 22;
const PANEL_TOP = 28;
const PANEL_GAP = 44;
const LABEL_CAP = 120;

/**
 * Small multiples: one horizontal bar chart per group of its key terms, rank 1 on top, bars in the group's
 * colour and labelled with the score. Reads a keynessOverview table (rank × group).
 */
export function keynessBarsSvg(table: ResultTable, spec: KeynessBarsSpec): string {
  const panels = spec.groups.map((group) => {
    const rows = table.rows.filter((r) => typeof r[group] === 'string' && r[group] !== '');
    return { group, terms: rows.map((r) => r[group] as string), scores: rows.map((r) => Number(r[`${group}${spec.valueSuffix}`])) };
  });
  const depth = Math.max(1, ...panels.map((p) => p.terms.length));
  const termColumnWidth = labelColumnWidth(panels.flatMap((p) => p.terms), LABEL_CAP) + 10;
  const panelHeight = PANEL_TOP + depth * BAR_HEIGHT;
  const columns = Math.min(PANELS_PER_ROW, Math.max(1, panels.length));
  const width = columns * PANEL_WIDTH;
  const height = Math.ceil(panels.length / columns) * (panelHeight + PANEL_GAP) + 8;
  const maxScore = Math.max(0, ...panels.flatMap((p) => p.scores));

  const title: TitleComponentOption[] = [];
  const grid: GridComponentOption[] = [];
  const xAxis: XAXisComponentOption[] = [];
  const yAxis: YAXisComponentOption[] = [];
  const series: BarSeriesOption[] = [];
  panels.forEach((panel, i) => {
    const left = (i % columns) * PANEL_WIDTH;
    const top = Math.floor(i / columns) * (panelHeight + PANEL_GAP) + 8;
    title.push({
      text: panel.group,
      subtext: panel.terms.length === 0 ? 'no term passes the filter' : '',
      left: left + termColumnWidth,
      top,
      textStyle: { fontSize: 14, color: groupColor(i) },
      subtextStyle: { fontSize: LABEL_FONT_SIZE },
    });
    // A panel with fewer terms is shorter, not sparser: every bar is as thick as in the fullest panel.
    grid.push({ left: left + termColumnWidth, top: top + PANEL_TOP, width: PANEL_WIDTH - termColumnWidth - 44, height: Math.max(1, panel.terms.length) * BAR_HEIGHT });
    // One scale for every panel, so bars compare across groups.
    xAxis.push({
      type: 'value',
      gridIndex: i,
      max: maxScore > 0 ? Math.ceil(maxScore) : 1,
      splitNumber: 3,
      name: spec.unit,
      nameGap: 6,
      axisLabel: { fontSize: 10 },
    });
    yAxis.push({
      type: 'category',
      gridIndex: i,
      data: panel.terms,
      inverse: true,
      axisTick: { show: false },
      axisLabel: { width: LABEL_CAP, overflow: 'truncate' },
    });
    series.push({
      type: 'bar',
      name: panel.group,
      xAxisIndex: i,
      yAxisIndex: i,
      data: panel.scores,
      barMaxWidth: 16,
      itemStyle: { color: groupColor(i) },
      label: { show: true, position: 'right', fontSize: 10, formatter: (p) => (p.value as number).toFixed(1) },
    });
  });
  const option: EChartsOption = { title, grid, xAxis, yAxis, series };
  return renderChart(option, { width, height });
}
