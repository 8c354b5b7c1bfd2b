import { REPORT_LIMITS, type SloganDispersion } from '../analyses.js';
import { dispersionFigure } from '../figures.js';
import { html } from '../html.js';
import { tableHtml } from '../tableHtml.js';
import { formatCount, figureSection, type Section } from './section.js';

/** Where in the corpus the chosen slogans are used: spread through it, or bunched in one document. */
export function dispersionSection(dispersion: SloganDispersion, chosen: boolean): Section {
  const { positions, table } = dispersion;
  const which = chosen ? 'the slogans given with --slogans' : `the first ${REPORT_LIMITS.dispersionSlogans} rows of the slogan heatmap (the most used formulations)`;
  const note = html`Rows: ${which}, counted as <code>tifa slogans</code> counts them. Each tick is one use at its
word-token position in the whole corpus (N = ${formatCount(positions.totalTokens)} word tokens in
${formatCount(positions.documents.length)} documents, in reading order, every document included whether or not it has the
grouping field). dp = Gries' DP = ½·Σ|v_i − s_i| over the documents, v_i = the document's share of the slogan's uses,
s_i = its share of the corpus's word tokens: 0 = spread exactly as the document sizes predict, near 1 = all in one
small document.`;
  return figureSection('dispersion', 'Dispersion of slogans across the documents', dispersionFigure(positions), [tableHtml(table, "Uses per document and Gries' DP")], note);
}
