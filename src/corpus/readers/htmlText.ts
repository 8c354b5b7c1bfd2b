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
/** A run of source whitespace holding a line break (pages hard-wrapped in their source, Word's HTML export). */
const SOURCE_BREAK = /[ \t\r\f]*\n[ \t\n\r\f]*/g;
/** Stands for a source line break until the characters on both sides are known (noncharacter: never in text). */
const BREAK_MARK = '\uFFFF';
/**
 * Characters between which a browser drops a source line break instead of showing a space (CSS Text 3, segment
 * break transformation: both sides East Asian wide): Han, CJK punctuation and full-width forms.
 */
export const WIDE = '[\\p{Script=Han}\\u3000-\\u303F\\uFF01-\\uFF60\\uFFE0-\\uFFE6]';
/** Marks with the spaces around them (text nodes side by side each bring their own) are one break. */
const MARK_RUN = new RegExp(`[ \\t\\r\\f]*${BREAK_MARK}[${BREAK_MARK} \\t\\r\\f]*`, 'g');
const MARKED_BREAK = new RegExp(`(?<=${WIDE})(${BREAK_MARK})(?=${WIDE})|${BREAK_MARK}`, 'gu');
/** Two line breaks with nothing between (`<br><br>`): the paragraph break of pages written without `<p>`. */
const BLANK_LINE = /\n[ \t\r\f]*\n/;
/** Cells of a table row are kept apart by a tab, which normalising never removes (a space beside a digit it does). */
const CELL_SEPARATOR = '\t';

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
  let inPre = 0;
  const flush = () => {
    const resolved = current.replace(MARK_RUN, BREAK_MARK).replace(MARKED_BREAK, (_, between?: string) => (between ? '' : ' '));
    for (const block of resolved.split(BLANK_LINE)) {
      const text = block
        .split('\n')
        .map((l) => l.replace(HTML_SPACE, ' ').trim())
        .filter((l) => l !== '')
        .join('\n');
      if (text !== '') out.push({ text, heading });
    }
    current = '';
    heading = false;
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      // A line break in the source is white space, not a line (except in <pre>): between two Chinese characters
      // it is nothing at all, so a word wrapped in the source (`市域⏎社会治理`) stays one word.
      const value = node.nodeValue ?? '';
      current += inPre > 0 ? value : value.replace(SOURCE_BREAK, BREAK_MARK);
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
      if (cells.length > 0) out.push({ text: cells.join(CELL_SEPARATOR), heading: false, cells });
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    if (tag === 'PRE') inPre++;
    for (const child of element.childNodes) walk(child);
    if (tag === 'PRE') inPre--;
    if (block) {
      heading = HEADINGS.test(tag);
      flush();
    }
  };
  walk(root);
  flush();
  return out;
}
