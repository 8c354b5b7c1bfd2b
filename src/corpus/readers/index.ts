import { createRequire } from 'node:module';
import type { Format } from '../document.js';
import type { Extraction, ExtractOptions, FormatReader } from './extraction.js';
import { readText } from './text.js';

const require = createRequire(import.meta.url);

/**
 * The reader of each format. Web pages, PDF and Word are loaded on first use only (their libraries cost more
 * start-up than a small text corpus takes to count), so a run over .txt files never loads them.
 */
const READERS: Record<Format, () => FormatReader> = {
  text: () => readText,
  html: () => (require('./html.js') as typeof import('./html.js')).readHtml,
  pdf: () => (require('./pdf.js') as typeof import('./pdf.js')).readPdf,
  docx: () => (require('./docx.js') as typeof import('./docx.js')).readDocx,
  markdown: () => (require('./markdown.js') as typeof import('./markdown.js')).readMarkdown,
};

/** A file's text and metadata through the reader of its format. */
export function extract(format: Format, bytes: Buffer, file: string, options: ExtractOptions = {}): Extraction {
  return READERS[format]()(bytes, file, options);
}
