import type { Document, Meta } from './document.js';
import { formatFrontMatter } from './frontMatter.js';

/** The front matter `tifa extract` writes above a document's text: its metadata, none when it has none. */
export function frontMatterOf(meta: Meta): string {
  return Object.keys(meta).length === 0 ? '' : formatFrontMatter(meta);
}

/** Lines the front matter of `meta` takes, which positions in an extracted document count from. */
export function frontMatterLines(meta: Meta): number {
  const block = frontMatterOf(meta);
  return block === '' ? 0 : block.split('\n').length - 1;
}

/** A document as a text file that tifa reads back to the same analysis: front matter, then the analysed text. */
export function extractedText(doc: Pick<Document, 'meta' | 'text'>): string {
  return `${frontMatterOf(doc.meta)}${doc.text}\n`;
}
