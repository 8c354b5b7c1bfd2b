import type { ResultTable } from '../../resultTable.js';
import { html } from '../html.js';
import { tableHtml } from '../tableHtml.js';
import { formatCount, type Section } from './section.js';

export interface OverviewFacts {
  field: string;
  groups: string[];
  /** Word tokens per group, indexed like groups. */
  groupTokens: number[];
  /** Documents without the field, left out of the grouped sections. */
  leftOut: string[];
  segmenter: string;
}

function sum(table: ResultTable, column: string): number {
  return table.rows.reduce((acc, r) => acc + Number(r[column] ?? 0), 0);
}

/** The documents with their metadata and sizes, and the groups the other sections compare. */
export function overviewSection(table: ResultTable, facts: OverviewFacts): Section {
  const groups = facts.groups.map((g, i) => html`<li><b>${g}</b>: ${formatCount(facts.groupTokens[i])} word tokens</li>`);
  const leftOut =
    facts.leftOut.length > 0
      ? html` Documents without <code>${facts.field}</code> are left out of the grouped sections but kept in the dispersion plot: ${facts.leftOut.join(', ')}.`
      : html``;
  const body = html`<p class="summary">${formatCount(table.rows.length)} documents, ${formatCount(sum(table, 'chars'))} characters,
${formatCount(sum(table, 'tokens'))} word tokens; ${formatCount(facts.groups.length)} groups by <code>${facts.field}</code>:</p>
<ul class="groups">${groups}</ul>
${tableHtml(table, 'Documents: metadata, characters and word tokens')}
<p class="note">One row per document, as <code>tifa corpus</code> prints it. chars = characters without whitespace;
tokens = word tokens, i.e. tokens holding a letter or digit after segmentation with ${facts.segmenter} (punctuation is
not counted); word tokens are the denominator of every rate in this report.${leftOut}</p>`;
  return { id: 'overview', title: 'Corpus overview', body };
}
