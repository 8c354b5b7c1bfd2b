import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runAsWorker } from 'synckit';
import type { PdfContent, PdfPage } from './pdfItems.js';

/** pdf.js's own data: the CMaps that Chinese PDFs with predefined encodings (UniGB-UCS2-H …) need for their text. */
const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Worker-thread entry (pdf.js is asynchronous only; readPdf waits for this synchronously). */
runAsWorker(async (bytes: Uint8Array): Promise<PdfContent> => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    const doc = await getDocument({
      data: bytes,
      cMapUrl: join(PDFJS, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(PDFJS, 'standard_fonts') + '/',
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        items.push({ text: item.str, x: x - x0, y: y - y0, width: item.width, size: item.height || Math.hypot(a, b) });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    await doc.destroy();
    const strings = Object.fromEntries(Object.entries(info ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return { pages, info: strings };
  } catch (err) {
    const error = err as Error;
    return { error: error.message, encrypted: error.name === 'PasswordException' };
  }
});
