/** One paragraph of a page: its text, whether it is a heading, and for a table row its cells. */
export interface HtmlParagraph {
  text: string;
  heading: boolean;
  cells?: string[];
}

/** Elements that end the paragraph before them and start a new one (HTML's block-level elements). */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'UL',
]);
const HEADINGS = /^H[1-6]$/;
/** HTML collapses ASCII whitespace only: U+3000 indents and no-break spaces are text. */
const HTML_SPACE = /[ \t\n\r\f]+/g;

/** The visible text of a node, whitespace collapsed, for length checks. */
export function textOf(node: Element): string {
  return (node.textContent ?? '').replace(HTML_SPACE, '');
}

function isHidden(node: Element): boolean {
  return node.hasAttribute?.('hidden') || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(node.getAttribute?.('style') ?? '');
}

/**
 * The paragraphs of an element as a browser lays them out: a block element or `<br>` ends a line, a table row is
 * one paragraph with its cells kept apart, and `<h1>`–`<h6>` are headings.
 */
export function blockParagraphs(root: Element): HtmlParagraph[] {
  const out: HtmlParagraph[] = [];
  let current = '';
  let heading = false;
  const flush = () => {
    const text = current
      .split('\n')
      .map((l) => l.replace(HTML_SPACE, ' ').trim())
      .filter((l) => l !== '')
      .join('\n');
    if (text !== '') out.push({ text, heading });
    current = '';
    heading = false;
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (isHidden(element)) return;
    const tag = element.tagName.toUpperCase();
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    if (tag === 'TR') {
      flush();
      const cells = [...element.children]
        .filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
        .map((c) => blockParagraphs(c).map((p) => p.text).join('\n'))
        .filter((c) => c !== '');
      if (cells.length > 0) out.push({ text: cells.join(' '), heading: false, cells });
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of element.childNodes) walk(child);
    if (block) {
      heading = HEADINGS.test(tag);
      flush();
    }
  };
  walk(root);
  flush();
  return out;
}
