import { html, trusted, type SafeHtml } from '../html.js';

/** One part of the report, linked from the contents by its id. */
export interface Section {
  id: string;
  title: string;
  body: SafeHtml;
}

/** A chart, then the table(s) with the same numbers, then how they were computed. */
export function figureSection(id: string, title: string, svg: string, tables: SafeHtml[], note: SafeHtml): Section {
  return {
    id,
    title,
    body: html`<figure class="chart" data-chart="${id}">${trusted(svg)}</figure>${tables}<p class="note">${note}</p>`,
  };
}

/** A section that could not be drawn, saying why instead of showing an empty chart. */
export function emptySection(id: string, title: string, reason: string): Section {
  return { id, title, body: html`<p class="note">${reason}</p>` };
}

/** Numbers in notes: thousands separated, as the reader sees them in prose. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
