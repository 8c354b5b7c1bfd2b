import type { ResultTable } from '../../resultTable.js';
import { KEYNESS_FILTER, REPORT_LIMITS } from '../analyses.js';
import { keyTermsFigure } from '../figures.js';
import { html } from '../html.js';
import { tableHtml } from '../tableHtml.js';
import { emptySection, figureSection, type Section } from './section.js';

/** The words each group uses more than the rest of the corpus, by log-likelihood G². */
export function keyTermsSection(keyTerms: ResultTable | undefined, groups: string[], field: string, stopwords: string): Section {
  const title = `Key terms per ${field} (G²)`;
  if (!keyTerms) return emptySection('keyness', title, `Keyness compares a group with the rest: it needs at least two values of "${field}".`);
  const note = html`Each group against all other groups together, as <code>tifa compare --by ${field}</code>
${stopwords ? html`<code>--stopwords ${stopwords}</code> ` : ''}computes it. a, b = the term's count in the group and in
the rest; c, d = all their word tokens, whatever is counted (stopword lists drop terms from the table, not words from
these totals, as in the README's statistics section); N = c + d. Log-likelihood (Rayson &amp; Garside 2000):
E1 = c(a+b)/N, E2 = d(a+b)/N, G² = 2[a ln(a/E1) + b ln(b/E2)]. Terms kept: used more in the group (positive G²),
G² ≥ ${KEYNESS_FILTER.minLl} (p &lt; 0.05 at 1 degree of freedom), a + b ≥ ${KEYNESS_FILTER.minCount}; the
${REPORT_LIMITS.keyTerms} highest per group. All panels share one G² scale.`;
  return figureSection('keyness', title, keyTermsFigure(keyTerms, groups), [tableHtml(keyTerms, 'Key terms by rank, with G²')], note);
}
