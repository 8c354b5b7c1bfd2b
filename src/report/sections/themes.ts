import type { ResultTable } from '../../resultTable.js';
import { themeSharesFigure } from '../figures.js';
import { html } from '../html.js';
import { tableHtml } from '../tableHtml.js';
import { figureSection, type Section } from './section.js';

/** How each group divides its slogan vocabulary over the eight lexicon themes. */
export function themesSection(themes: ResultTable, groups: string[], field: string): Section {
  const note = html`As <code>tifa themes --by ${field}</code> computes it, from lexicon slogans only (pattern finds
have no theme). share = the theme's slogan uses in the group ÷ all lexicon slogan uses of the group (a group's shares
add up to 100 %; the chart shows these); per10k = uses ÷ word tokens of the group × 10,000; ll = signed G² of the
theme in the group against the other groups (same formula as the key terms; ±3.84 ↔ p &lt; 0.05).`;
  return figureSection('themes', `Theme emphasis per ${field}`, themeSharesFigure(themes, groups), [tableHtml(themes, 'Uses, share, rate and G² per theme and group')], note);
}
