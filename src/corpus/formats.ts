import { extname } from 'node:path';
import { InputError } from '../errors.js';
import type { Format } from './document.js';

/**
 * Extensions a folder is searched for: text, web pages (also as saved from server scripts: .aspx, .php, .jsp),
 * PDF and Word. Which reader a file gets is decided by its content (detectFormat), the extension only finds it.
 */
export const CORPUS_EXTENSIONS = /\.(txt|md|markdown|text|html?|shtml|xhtml|aspx?|php|jsp|pdf|docx|doc|wps)$/i;

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = 'PK\u0003\u0004';
/** Compound File Binary: Word 97–2003 .doc and WPS .wps (and old Excel, which is no document either). */
const OLE_MAGIC = '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1';
/** Markup that opens a web page, after any BOM, XML declaration, comments (`<!-- saved from url=… -->`) and space. */
const HTML_START = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<meta[\s>]|<title[\s>])/i;
const WEB_PAGE_EXTENSIONS = /^\.(html?|shtml|xhtml)$/i;
/** Markdown has no magic bytes: its name says it (a `.md` holding a web page is read as one, above). */
const MARKDOWN_EXTENSIONS = /^\.(md|markdown)$/i;

/** A one-line way out for Word 97–2003 and WPS files, which tifa does not read itself. */
function needsConversion(file: string): InputError {
  return new InputError(
    `${file}: Word 97–2003 (.doc) or WPS (.wps) file, which tifa does not read; convert it first: libreoffice --headless --convert-to docx "${file}"`,
  );
}

/**
 * The format of a file, from its first bytes (and, for a zip, its directory): a PDF or web page is read as one
 * whatever its name (`.aspx` pages saved from a site), and a `.txt` holding a web page is a web page.
 */
export function detectFormat(bytes: Buffer, file: string): Format {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const extension = extname(file).toLowerCase();
  if (head.startsWith(PDF_MAGIC)) return 'pdf';
  if (head.startsWith(OLE_MAGIC) || extension === '.doc' || extension === '.wps') throw needsConversion(file);
  if (head.startsWith(ZIP_MAGIC)) {
    // A zip is a Word document when it holds word/document.xml (named in its central directory, near the end).
    if (bytes.includes('word/document.xml', Math.max(0, bytes.length - 65536), 'latin1') || bytes.includes('word/document.xml', 0, 'latin1')) return 'docx';
    throw new InputError(`${file}: a zip archive that is not a Word .docx; unpack it, or save it as .docx, .pdf or .txt`);
  }
  if (HTML_START.test(head)) return 'html';
  // A page saved without a doctype still shows its markup early.
  if (WEB_PAGE_EXTENSIONS.test(extension) && /<(?:html|head|body|div|p)[\s>]/i.test(head)) return 'html';
  if (MARKDOWN_EXTENSIONS.test(extension)) return 'markdown';
  return 'text';
}
