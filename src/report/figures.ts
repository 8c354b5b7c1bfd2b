import type { ResultTable } from '../resultTable.js';
import type { SloganNetwork } from './analyses.js';
import { dispersionSvg } from './charts/dispersion.js';
import { heatmapSvg } from './charts/heatmap.js';
import { keynessBarsSvg } from './charts/keynessBars.js';
import { networkSvg } from './charts/network.js';
import { themeSharesSvg } from './charts/themeShares.js';
import { trendLinesSvg } from './charts/trendLines.js';
import type { SloganPositions } from './sloganPositions.js';

/** Each figure of the report drawn from the very table printed beneath it; `tifa plot` draws the same ones. */

export const RATE_UNIT = 'per 10,000 word tokens';

export function sloganHeatmapFigure(rates: ResultTable, groups: string[]): string {
  return heatmapSvg(rates, { label: rates.columns[0], cells: groups.map((g) => ({ column: `${g}_per10k`, name: g })), unit: RATE_UNIT });
}

export function keyTermsFigure(keyTerms: ResultTable, groups: string[]): string {
  return keynessBarsSvg(keyTerms, { groups, valueSuffix: '_ll', unit: 'G²' });
}

export function themeSharesFigure(themes: ResultTable, groups: string[]): string {
  return themeSharesSvg(themes, { label: 'theme', groups, shareSuffix: '_share' });
}

export function networkFigure(network: SloganNetwork, groups: string[]): string {
  return networkSvg(network.nodes, network.edges, { groups });
}

export function dispersionFigure(positions: SloganPositions): string {
  return dispersionSvg(positions);
}

export function trendFigure(trend: ResultTable, field: string, per: '10k' | 'share' = '10k'): string {
  const value = per === 'share' ? 'share' : 'per10k';
  return trendLinesSvg(trend, { field, value, unit: per === 'share' ? 'share of the terms’ uses' : RATE_UNIT });
}
