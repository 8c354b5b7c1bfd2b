import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputError } from '../../errors.js';
import { decodeBuffer } from '../decode.js';
import type { Meta } from '../document.js';
import { blockParagraphs, textOf, type HtmlParagraph } from './htmlText.js';
import { ParagraphWriter, type FormatReader } from './extraction.js';
import { pageMeta, takeDisclosureTables, takeBylineParagraphs } from './htmlMeta.js';

/** Declared charsets by the name `--encoding` takes: GB2312 and GBK pages are read as GB18030, their superset. */
const CHARSETS: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  big5: 'big5',
  'utf-8': 'utf8',
  utf8: 'utf8',
};

/**
 * Readability's minimum article length is meant for English words; a Chinese notice of a hundred characters
 * (a penalty table, a short announcement) is a whole article.
 */
const MIN_ARTICLE_CHARS = 100;

/** The charset a page declares in its first bytes (`<meta charset=…>` or the http-equiv content type). */
function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const name = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  return name === undefined ? undefined : CHARSETS[name];
}

/**
 * The page's text: `--encoding` if given; else UTF-8 when the bytes are valid UTF-8, whatever the page declares
 * (pages that declare gb2312 but were saved as UTF-8 are common); else the declared charset; else detection.
 */
function decodePage(bytes: Buffer, file: string, forced: string | undefined): string {
  if (forced) return decodeBuffer(bytes, file, forced).text;
  const declared = declaredCharset(bytes);
  if (!declared) return decodeBuffer(bytes, file).text;
  try {
    const detected = decodeBuffer(bytes, file);
    if (detected.encoding.startsWith('utf')) return detected.text;
  } catch {
    // Not UTF-8 nor plain GB18030 text: the declaration decides.
  }
  return decodeBuffer(bytes, file, declared).text;
}

const SENTENCE = /[。！？；]/;
/** Only a title this long is specific enough to be looked for in the text. */
const MIN_TITLE_LENGTH = 6;
/** The article's own title is looked for in this first share of its paragraphs. */
const LEAD_IN_SHARE = 1 / 3;

/**
 * Drops what an extracted article holds before and including its own title line when that holds no sentence
 * (search boxes, 打印/字号 widgets, breadcrumbs that the extractor kept): the title is in the metadata.
 */
function withoutLeadIn(paragraphs: HtmlParagraph[], title: string | undefined): HtmlParagraph[] {
  const key = (s: string) => s.replace(/[\s\u3000]/g, '');
  if (!title || key(title).length < MIN_TITLE_LENGTH) return paragraphs;
  const limit = Math.ceil(paragraphs.length * LEAD_IN_SHARE);
  const at = paragraphs.slice(0, limit).findIndex((p) => key(p.text) === key(title));
  // Text with sentences before the title is the article's own (an order that promulgates the 办法 below it).
  if (at === -1 || paragraphs.slice(0, at).some((p) => SENTENCE.test(p.text))) return paragraphs;
  return paragraphs.slice(at + 1);
}

/** A link whose text is a file name (`…通知 (1).pdf`): the page's download widget for an attachment, not its text. */
const FILE_NAME = /\.(?:pdf|docx?|wps|xlsx?|et|csv|pptx?|ofd|zip|rar|7z)\s*$/i;
/** A mark that ends a sentence: the text of an article has some, navigation and page chrome have none. */
const SENTENCE_MARK = /[。！？；]/;

/**
 * Why a page yields no article text, said in the error: its text is in another page (a frame) or is put there
 * by a script when a browser runs it.
 */
function whyNoText(document: ParsedDocument): string {
  const frame = document.querySelector('iframe[src], frame[src]')?.getAttribute('src');
  if (frame) return `its content is in a frame (${frame.slice(0, 120)}); open that address and save it`;
  if (document.querySelector('script')) return 'its text is filled in by JavaScript; save the page from a browser after it has loaded';
  return 'no article text found';
}

type ParsedDocument = ReturnType<typeof parseHTML>['document'];

/** Elements that never hold article text, dropped before anything is read. */
const NEVER_TEXT = 'script, style, noscript, template, iframe, object, embed, svg, canvas, select, button, input, textarea';
/** Page chrome dropped by the fallback reading (when Readability finds no article). */
const CHROME = 'nav, header, footer, aside, form [type=search], [role=navigation], [role=banner], [role=contentinfo]';

/**
 * A web page: the article's main text (Readability over linkedom, paragraph breaks kept), or the page's text
 * without its chrome when no article is found; metadata from the title, the meta tags Chinese government sites
 * use and the 政府信息公开 table above the article.
 */
export const readHtml: FormatReader = (bytes, file, options) => {
  const { document } = parseHTML(decodePage(bytes, file, options.encoding));
  const noText = whyNoText(document);
  for (const node of document.querySelectorAll(NEVER_TEXT)) node.remove();
  for (const link of document.querySelectorAll('a')) if (FILE_NAME.test(link.textContent ?? '')) link.remove();
  const meta: Meta = pageMeta(document);
  const fallbackBody = document.body?.cloneNode(true) as Element | undefined;
  const article = new Readability(document as unknown as Document, { charThreshold: MIN_ARTICLE_CHARS, serializer: (node) => node }).parse();
  let root = article?.content as Element | undefined;
  if (!root || textOf(root).length < MIN_ARTICLE_CHARS) {
    for (const node of fallbackBody?.querySelectorAll(CHROME) ?? []) node.remove();
    root = fallbackBody;
    // What is left of a page without an article is its navigation and footer, unless it holds a sentence.
    if (root && !SENTENCE_MARK.test(root.textContent ?? '')) throw new InputError(`${file}: a web page without article text: ${noText}`);
  }
  if (!root) throw new InputError(`${file}: a web page without a body`);
  meta.title ??= article?.title?.trim() || undefined!;
  if (meta.title === undefined) delete meta.title;
  const paragraphs = withoutLeadIn(blockParagraphs(root), meta.title);
  takeDisclosureTables(paragraphs, meta);
  takeBylineParagraphs(paragraphs, meta);
  const writer = new ParagraphWriter();
  paragraphs.forEach((p, i) => writer.add(p.text, i + 1, p.heading));
  const { text, headingLines } = writer.finish('paragraph');
  return { text, meta, pageStarts: [], headingLines };
};
