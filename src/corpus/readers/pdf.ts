import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';
import { InputError } from '../../errors.js';
import type { Meta } from '../document.js';
import { ParagraphWriter, type FormatReader } from './extraction.js';
import { isoDate } from './htmlMeta.js';
import type { PdfContent } from './pdfItems.js';
import { continuesParagraph, layoutOf, pageLines, pageParagraphs, withoutMargins, type PdfLine } from './pdfLayout.js';

/** The built worker; run from the sources (the tests), this module finds it in dist/. */
function workerPath(): URL {
  const built = new URL('./pdfWorker.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built : new URL('../../../dist/corpus/readers/pdfWorker.js', import.meta.url);
}

let readPdfContent: ((bytes: Uint8Array) => PdfContent) | undefined;

/** PDF information fields by the document field they fill, under names that say where they come from. */
const INFO_FIELDS: Record<string, string> = { Title: 'pdf_title', Author: 'pdf_author', Subject: 'pdf_subject', Keywords: 'pdf_keywords', Creator: 'pdf_creator', Producer: 'pdf_producer', CreationDate: 'pdf_created' };

function infoMeta(info: Record<string, string>): Meta {
  const meta: Meta = {};
  for (const [name, field] of Object.entries(INFO_FIELDS)) {
    const value = info[name]?.replace(/\s+/g, ' ').trim();
    if (!value) continue;
    // PDF dates read D:20240208093000+08'00'.
    meta[field] = name === 'CreationDate' ? isoDate(value.replace(/^\(?D:(\d{4})(\d{2})(\d{2}).*/, '$1-$2-$3')) : value;
  }
  return meta;
}

/**
 * A PDF with a text layer (pdf.js, in a worker thread that this waits for): lines in reading order, running
 * headers, footers and page numbers removed, hard-wrapped lines joined into paragraphs by the layout. Pages are
 * separated by a blank line whose offsets go to normalise, where the page-break repair decides which to join,
 * told where the layout runs on across a page end.
 */
export const readPdf: FormatReader = (bytes, file) => {
  readPdfContent ??= createSyncFn(workerPath());
  const content = readPdfContent(new Uint8Array(bytes));
  if ('error' in content) {
    throw new InputError(`${file}: cannot read the PDF (${content.encrypted ? 'it is password-protected' : content.error})`);
  }
  const { pages } = content;
  if (pages.every((page) => page.items.length === 0)) {
    throw new InputError(`${file}: PDF without a text layer (a scan?); tifa does no OCR: run OCR first (e.g. ocrmypdf) and read its output`);
  }
  const lines = withoutMargins(pages, pages.map(pageLines));
  const layout = layoutOf(lines);
  const writer = new ParagraphWriter();
  const pageStarts: number[] = [];
  const runsOnAt: number[] = [];
  let lastLine: PdfLine | undefined;
  lines.forEach((pageLines, p) => {
    const paragraphs = pageParagraphs(pageLines, layout);
    if (paragraphs.length === 0) return;
    if (lastLine) {
      pageStarts.push(writer.nextStart());
      if (continuesParagraph(lastLine, pageLines[0], layout, false)) runsOnAt.push(writer.nextStart());
    }
    for (const paragraph of paragraphs) writer.add(paragraph, p + 1);
    lastLine = pageLines.at(-1);
  });
  const { text, units } = writer.finish('page');
  return { text, units, meta: infoMeta(content.info), pageStarts, runsOnAt };
};
