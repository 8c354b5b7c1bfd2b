import { html, trusted, type SafeHtml } from './html.js';
import { PAGE_STYLE } from './pageStyle.js';
import type { Section } from './sections/section.js';

/**
 * The whole report: one self-contained HTML document. Its Content-Security-Policy makes sure no request leaves the
 * page: it forbids every fetch (scripts, styles, fonts, images, frames, connections) and allows only the inline
 * styles that the page and its SVG charts carry; as a meta element it holds for a file:// page too.
 */
export function reportPage(title: string, sources: string, sections: Section[]): string {
  const contents = sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`);
  const body: SafeHtml[] = sections.map((s) => html`<section id="${s.id}"><h2>${s.title}</h2>${s.body}</section>`);
  return html`<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trusted(PAGE_STYLE)}</style>
</head>
<body>
<header><h1>${title}</h1><p class="meta">${sources}</p><nav><ol>${contents}</ol></nav></header>
${body}
</body>
</html>
`.markup;
}
