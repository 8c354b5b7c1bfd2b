import type { ResultTable } from '../../format/table.js';
import { trendFigure } from '../figures.js';
import { html } from '../html.js';
import { tableHtml } from '../tableHtml.js';
import { figureSection, type Section } from './section.js';

/** The dispersion slogans over a numeric or date grouping field (a year): when each entered and left the texts. */
export function trendSection(trend: ResultTable, field: string, chosen: boolean): Section {
  const which = chosen ? 'the slogans given with --slogans' : 'the slogans of the dispersion plot (the most used formulations)';
  const note = html`Lines: ${which}, one point per value of <code>${field}</code> that has documents, counted as written in
the text (as <code>tifa trend</code> and <code>tifa kwic</code> find them). per10k = uses per 10,000 word tokens of that value's
documents; docs = documents of that value using it. A line breaks where a whole number between two values has no document.`;
  return figureSection('trend', `Slogans over ${field}`, trendFigure(trend, field), [tableHtml(trend, `Uses per ${field}`)], note);
}
