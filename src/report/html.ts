/**
 * HTML built with a tagged template that escapes every interpolated value unless it is marked as already-safe
 * markup, so corpus text (titles, terms, metadata, group names) can only ever reach the page as text.
 */

/** Markup that is already safe: built by `html` or by a renderer that escapes its own text (ECharts SVG). */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

function fragment(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(fragment).join('');
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: the literal parts are trusted markup, every value is escaped (arrays joined). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => (out += fragment(value) + strings[i + 1]));
  return new SafeHtml(out);
}

/** Marks markup as safe; only for output of a renderer that escapes text itself (see charts/renderChart.ts). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
