import type { Meta } from '../document.js';
import type { HtmlParagraph } from './htmlText.js';

/**
 * Meta tags by document field, first found wins: the government-website set of the national standard
 * (ArticleTitle, PubDate, ContentSource, SiteName, ColumnName, …), the Hanweb and gov.cn variants, then the
 * general ones (Open Graph, Dublin Core). Names are compared in lower case (sites write `contentSource`).
 */
const META_FIELDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['title', ['articletitle', 'og:title', 'dc.title']],
  ['date', ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'dc.date', 'maketime', 'date']],
  ['source', ['contentsource', 'source']],
  ['author', ['author', 'dc.creator', 'article:author']],
  ['keywords', ['keywords']],
  ['site', ['sitename', 'og:site_name']],
  ['section', ['columnname']],
  ['url', ['url', 'og:url']],
];

/** `2019-09-18 10:21`, `2023-10-23 09:51:50_194`, `2021年1月29日` → `2019-09-18`; anything else as written. */
export function isoDate(value: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(value.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : value.trim();
}

/** One line of a metadata value: sites put newlines and runs of spaces into content attributes. */
function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** The page's metadata from its meta tags, with `<title>` as the title when no tag gives one. */
export function pageMeta(document: Document): Meta {
  const tags = new Map<string, string>();
  for (const tag of document.querySelectorAll('meta')) {
    const name = (tag.getAttribute('name') ?? tag.getAttribute('property') ?? '').toLowerCase();
    const content = clean(tag.getAttribute('content') ?? '');
    if (name && content && !tags.has(name)) tags.set(name, content);
  }
  const meta: Meta = {};
  for (const [field, names] of META_FIELDS) {
    const value = names.map((n) => tags.get(n)).find((v) => v !== undefined);
    if (value !== undefined) meta[field] = field === 'date' ? isoDate(value) : value;
  }
  const title = clean(document.querySelector('title')?.textContent ?? '');
  if (title) meta.page_title = title;
  return meta;
}

/**
 * Labels of the 政府信息公开 (government information disclosure) table that sites put above a document, by the
 * field they fill. A table with three or more of them is metadata, not article text.
 */
const DISCLOSURE_LABELS: Record<string, string> = {
  索引号: 'index_number',
  文号: 'doc_number',
  发文字号: 'doc_number',
  发文机关: 'issuer',
  发布机构: 'issuer',
  成文日期: 'written',
  发布日期: 'date',
  公开日期: 'date',
  主题分类: 'subject',
  组配分类: 'category',
  体裁分类: 'genre',
  公开方式: 'disclosure',
  公开范围: 'disclosure_scope',
  有效性: 'validity',
  主题词: 'keywords',
  标题: 'title',
  名称: 'title',
};
const MIN_DISCLOSURE_LABELS = 3;

function labelOf(cell: string): string | undefined {
  const key = cell.replace(/[\s\u3000:：]/g, '');
  return Object.hasOwn(DISCLOSURE_LABELS, key) ? key : undefined;
}

/**
 * Removes the disclosure table (consecutive table rows whose cells alternate label and value, with at least
 * three known labels), putting its values into `meta` where the meta tags left a field empty.
 */
export function takeDisclosureTables(paragraphs: HtmlParagraph[], meta: Meta): void {
  for (let start = 0; start < paragraphs.length; start++) {
    if (!paragraphs[start].cells) continue;
    let end = start;
    const found: Array<[string, string]> = [];
    while (end < paragraphs.length && paragraphs[end].cells) {
      const cells = paragraphs[end].cells!;
      for (let i = 0; i < cells.length; i++) {
        const label = labelOf(cells[i]);
        if (label && i + 1 < cells.length && !labelOf(cells[i + 1])) found.push([label, cells[++i]]);
      }
      end++;
    }
    if (new Set(found.map(([label]) => label)).size < MIN_DISCLOSURE_LABELS) {
      start = end;
      continue;
    }
    for (const [label, value] of found) {
      const field = DISCLOSURE_LABELS[label];
      meta[field] ??= field === 'date' || field === 'written' ? isoDate(value) : clean(value);
    }
    paragraphs.splice(start, end - start);
    start--;
  }
}

/** Labels of the line sites print above an article (`发布时间：… 来源：… 字号：大 中 小`), by field. */
const BYLINE_LABELS: Record<string, string | undefined> = {
  发布时间: 'date',
  发表时间: 'date',
  发布日期: 'date',
  时间: 'date',
  日期: 'date',
  来源: 'source',
  信息来源: 'source',
  作者: 'author',
  字号: undefined,
  浏览次数: undefined,
  点击数: undefined,
  阅读次数: undefined,
  访问量: undefined,
};
const BYLINE_PART = /(发布时间|发表时间|发布日期|信息来源|来源|作者|字号|浏览次数|点击数|阅读次数|访问量|时间|日期)\s*[:：]\s*/g;
const MAX_BYLINE_LENGTH = 120;

/** Removes short paragraphs made of two or more byline parts, keeping their date, source and author in `meta`. */
export function takeBylineParagraphs(paragraphs: HtmlParagraph[], meta: Meta): void {
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const text = paragraphs[i].text;
    if (text.length > MAX_BYLINE_LENGTH) continue;
    const parts = [...text.matchAll(BYLINE_PART)];
    if (parts.length < 2 || parts[0].index !== 0) continue;
    parts.forEach((part, k) => {
      const field = BYLINE_LABELS[part[1]];
      const value = text.slice(part.index + part[0].length, parts[k + 1]?.index ?? text.length).trim();
      if (field && value) meta[field] ??= field === 'date' ? isoDate(value) : value;
    });
    paragraphs.splice(i, 1);
  }
}
