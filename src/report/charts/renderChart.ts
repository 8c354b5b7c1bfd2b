import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';

/**
 * ECharts is loaded on first use, through its single-file CommonJS build: the ESM build is hundreds of small
 * modules (0.9 s to import here against 0.2 s), and a command that draws nothing should not pay for either.
 */
let echarts: typeof Echarts | undefined;
function chartEngine(): typeof Echarts {
  echarts ??= createRequire(import.meta.url)('echarts') as typeof Echarts;
  return echarts;
}

/**
 * CJK fonts first (simplified Chinese faces of Linux, macOS and Windows), then the generic family. Single quotes on
 * purpose: ECharts writes the family into a double-quoted SVG `style` attribute without escaping it, so a double
 * quote there ends the attribute and the family is lost (seen in echarts 6.1 renderToSVGString output).
 */
export const CJK_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

/** Tableau 10: distinct hues that stay apart for the common colour-vision deficiencies; groups take them in order. */
export const GROUP_PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function groupColor(index: number): string {
  return GROUP_PALETTE[index % GROUP_PALETTE.length];
}

export interface ChartSize {
  width: number;
  height: number;
}

/** Text size of labels on every chart, in px; layout code measures CJK labels as this many px a character. */
export const LABEL_FONT_SIZE = 12;

/**
 * Renders an ECharts option to a standalone SVG string, server-side: no DOM, no animation (the SVG is a still
 * picture). ECharts escapes every text it draws; it does not escape attribute values, but none of those hold
 * data (tests/report.test.ts renders hostile labels and checks the markup). It does not touch control
 * characters, which XML 1.0 forbids anywhere (§2.2, even as references): a label holding U+0001 made the SVG
 * unreadable, so they become U+FFFD, and no markup of the chart needs one.
 */
export function renderChart(option: Echarts.EChartsOption, size: ChartSize): string {
  const chart = chartEngine().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CJK_FONT_FAMILY, fontSize: LABEL_FONT_SIZE },
      ...option,
    });
    return chart.renderToSVGString().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
  } finally {
    chart.dispose();
  }
}

/**
 * Width in px of a label at LABEL_FONT_SIZE, as the layout needs it before ECharts draws: CJK characters are one
 * em wide in every CJK face; Latin letters, digits and punctuation about 0.6 em on average.
 */
export function labelWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? LABEL_FONT_SIZE : LABEL_FONT_SIZE * 0.6;
  return Math.ceil(width);
}

/** The widest of some labels, capped: longer labels are cut with … by ECharts (the table beneath has them whole). */
export function labelColumnWidth(labels: readonly string[], cap: number): number {
  return Math.min(cap, Math.max(0, ...labels.map(labelWidth)));
}
