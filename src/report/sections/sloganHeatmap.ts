import type { ResultTable } from '../../resultTable.js';
import { REPORT_LIMITS } from '../analyses.js';
import { RATE_UNIT, sloganHeatmapFigure } from '../figures.js';
import { html } from '../html.js';
import { tableHtml } from '../tableHtml.js';
import { formatCount, emptySection, figureSection, type Section } from './section.js';

/** Slogan × group rates: which group leans on which formulation, independent of how much each group wrote. */
export function sloganHeatmapSection(rates: ResultTable, groups: string[], groupTokens: number[], field: string): Section {
  const title = `Slogans × ${field}: uses ${RATE_UNIT}`;
  if (rates.rows.length === 0) return emptySection('heatmap', title, 'No slogan was found in the grouped documents.');
  const sizes = groups.map((g, i) => `${g} ${formatCount(groupTokens[i])}`).join(', ');
  const note = html`Rate = uses of the formulation in the group ÷ word tokens of the group × 10,000. Uses are counted
as <code>tifa slogans --by ${field}</code> counts them: lexicon slogans (variants under the canonical form), quoted
formulations, numbered and “+” formulas. Rows: the ${REPORT_LIMITS.heatmapSlogans} most used formulations (by total
uses, then documents). N = word tokens per group: ${sizes}. The table gives the counts beside the rates.`;
  return figureSection('heatmap', title, sloganHeatmapFigure(rates, groups), [tableHtml(rates, 'Uses and rates per group')], note);
}
