import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document as DocxDocument,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
// The built modules: readers load their format's module on first use with require, which vitest does not
// route to the TypeScript sources (npm test builds dist/ before vitest starts).
import { documentFromBytes } from '../dist/corpus/readCorpus.js';
import { placeLabel } from '../dist/corpus/place.js';
import { tifa } from './cli.js';
import { makePdf, setParagraphs, type PdfLineSpec } from './formatFixtures.js';

const dir = () => mkdtempSync(join(tmpdir(), 'tifa-readers-'));
const read = (file: string) => documentFromBytes(readFileSync(file), file);

const ARTICLE = [
  '各区公安分局：',
  '为深入推进社区警务工作，夯实基层基础，现就有关事项通知如下。各单位要坚持人民至上，健全社区民警驻村机制，推动警力下沉，做到小事不出村、大事不出镇、矛盾不上交。',
  '各单位要加强组织领导，明确责任分工，确保各项措施落到实处，并于每季度末报送工作进展情况。',
  '某市公安局',
  '2024年3月5日',
];

/** A government-site page as saved from a browser: navigation, script, style, byline, footer, declared GBK. */
function pageHtml(charset: string): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>关于加强社区警务工作的通知_某市人民政府</title>
<meta name="ArticleTitle" content="关于加强社区警务工作的通知">
<meta name="PubDate" content="2024-03-05 09:30">
<meta name="ContentSource" content="市公安局">
<style>.nav{font-family:黑体}</style><script type="text/javascript">var a2 = "_self";</script>
</head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li><li><a href="/b">办事服务</a></li><li><a href="/c">互动交流</a></li></ul></div>
<div class="main"><h1>关于加强社区警务工作的通知</h1>
<div class="info">发布时间：2024-03-05 来源：市公安局 字号：大 中 小</div>
<div class="content">
${ARTICLE.map((p) => `<p>${p}</p>`).join('\n')}
</div></div>
<div class="footer">版权所有：某市人民政府 ICP备案号：某ICP备12345678号 <a href="/map">网站地图</a></div>
</body></html>`;
}

describe('web pages', () => {
  it('keeps the article text of a GBK page, its paragraphs, and the meta tags as fields', () => {
    const file = join(dir(), 'notice.html');
    writeFileSync(file, iconv.encode(pageHtml('gbk'), 'gbk'));
    const doc = read(file);
    expect(doc.format).toBe('html');
    expect(doc.text).toBe(ARTICLE.join('\n\n'));
    expect(doc.meta).toMatchObject({ title: '关于加强社区警务工作的通知', date: '2024-03-05', source: '市公安局' });
  });

  it('reads HTML by its content whatever the extension, and UTF-8 bytes under a gb2312 declaration as UTF-8', () => {
    const file = join(dir(), 'content.aspx');
    writeFileSync(file, pageHtml('gb2312'));
    const doc = read(file);
    expect(doc.format).toBe('html');
    expect(doc.text).toBe(ARTICLE.join('\n\n'));
  });

  it('locates offsets as line:column of the text tifa extract prints', () => {
    const folder = dir();
    const file = join(folder, 'notice.html');
    writeFileSync(file, pageHtml('utf-8'));
    const doc = read(file);
    const printed = tifa(['extract', file]);
    expect(printed.code).toBe(0);
    const at = doc.text.indexOf('夯实');
    const { line, column } = doc.origin.locate(at);
    expect(printed.stdout.split('\n')[line - 1].slice(column - 1, column + 1)).toBe('夯实');
    expect(placeLabel(doc.origin.locate(at))).toBe(`${line}:${column}`);
  });

  it('takes the 政府信息公开 table above a document as metadata, not text', () => {
    const file = join(dir(), 'disclosure.html');
    const table = '<table><tr><td>索引号：</td><td>000000/2024-1</td><td>文号：</td><td>某政发〔2024〕3号</td></tr><tr><td>发布机构：</td><td>市政府</td><td>成文日期：</td><td>2024-03-01</td></tr></table>';
    writeFileSync(file, pageHtml('utf-8').replace('<div class="content">', `<div class="content">${table}`));
    const doc = read(file);
    expect(doc.text).toBe(ARTICLE.join('\n\n'));
    expect(doc.meta).toMatchObject({ doc_number: '某政发〔2024〕3号', issuer: '市政府', written: '2024-03-01', index_number: '000000/2024-1' });
  });

  const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>通知</title></head><body>${body}</body></html>`;
  const readPage = (body: string) => {
    const file = join(dir(), 'page.html');
    writeFileSync(file, page(body));
    return read(file);
  };

  it('reads a line break of the page source as white space: none between Chinese characters, a space elsewhere', () => {
    const doc = readPage('<div id="content"><p>各单位要推进市域\n    社会治理现代化，落实“枫桥\n经验”。</p><p>本办法自2024年\n5月1日起施行，适用于 A\nB 两类单位。</p></div>');
    // The space beside a digit or letter then goes as every reader's does (normalise); between two letters it stays.
    expect(doc.text).toBe('各单位要推进市域社会治理现代化，落实“枫桥经验”。\n\n本办法自2024年5月1日起施行，适用于A B两类单位。');
  });

  it('keeps a <pre> block line by line', () => {
    const doc = readPage('<div id="content"><pre>第一行推进社会治理。\n第二行落实工作责任。</pre></div>');
    expect(doc.text).toBe('第一行推进社会治理。\n第二行落实工作责任。');
  });

  it('takes two <br> in a row as a paragraph break, one as a line break', () => {
    const doc = readPage('<div id="content">第一段推进社会治理。<br><br>\n第二段落实工作责任。<br>第三行健全工作机制。</div>');
    expect(doc.text).toBe('第一段推进社会治理。\n\n第二段落实工作责任。\n第三行健全工作机制。');
  });

  it('keeps the cells of a table row apart, a number cell beside a Chinese one too', () => {
    const rows = '<tr><td>序号</td><td>单位</td><td>人数</td></tr><tr><td>1</td><td>市粮食储备库</td><td>2</td></tr>';
    const doc = readPage(`<div id="content"><p>岗位安排如下，请各单位认真落实。</p><table>${rows}</table></div>`);
    expect(doc.text).toBe('岗位安排如下，请各单位认真落实。\n\n序号\t单位\t人数\n\n1\t市粮食储备库\t2');
    // Read again from what `tifa extract` prints, the cells stay apart.
    const again = join(dir(), 'extracted.txt');
    writeFileSync(again, doc.text);
    expect(read(again).text).toBe(doc.text);
    // A concordance line shows the tab as a space: its TSV row keeps its six fields unquoted.
    const kwic = tifa(['kwic', '粮食', again, '-f', 'tsv']).stdout.trim().split('\n');
    expect(kwic[1].split('\t')).toEqual(['extracted', '5', '4', '认真落实。 ¶ 序号 单位 人数 ¶ 1 市', '粮食', '储备库 2']);
  });

  it('leaves out a link whose text is a file name (an attachment to download), keeping other links', () => {
    const doc = readPage('<div id="content"><p>各单位要推进社会治理，详见<a href="/x.html">工作方案</a>。</p><p><a href="/download?f=a.pdf">关于下达安置任务的通知 (1).pdf</a></p></div>');
    expect(doc.text).toBe('各单位要推进社会治理，详见工作方案。');
  });

  it('stops with one line on a page whose content is in a frame or filled in by a script, not counting its navigation', () => {
    const folder = dir();
    writeFileSync(join(folder, 'framed.html'), page('<div class="nav">首页 > 通知公告</div><iframe src="content.html"></iframe><div>主办：某市人民政府办公厅</div>'));
    writeFileSync(join(folder, 'app.html'), page('<div id="app"></div><script src="app.js"></script>'));
    const framed = tifa(['freq', join(folder, 'framed.html')]);
    expect(framed.code).toBe(2);
    expect(framed.stderr.trim()).toBe(`tifa: ${join(folder, 'framed.html')}: a web page without article text: its content is in a frame (content.html); open that address and save it`);
    const app = tifa(['freq', join(folder, 'app.html')]);
    expect(app.code).toBe(2);
    expect(app.stderr).toContain('filled in by JavaScript');
    expect(app.stderr.trim().split('\n')).toHaveLength(1);
  });
});

/** A docx with a heading, a commented paragraph and a tracked deletion and insertion. */
async function makeDocx(): Promise<Buffer> {
  const when = '2024-01-01T00:00:00Z';
  const doc = new DocxDocument({
    comments: { children: [{ id: 0, author: '编辑', date: new Date(when), children: [new Paragraph({ children: [new TextRun('批注不计入正文')] })] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: '第一章　总则', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new CommentRangeStart(0), new TextRun('第一条　为了规范管理，制定本办法。'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })],
          }),
          new Paragraph({
            children: [
              new TextRun('第二条　本办法适用于'),
              new DeletedTextRun({ text: '全省', id: 1, author: '编辑', date: when }),
              new InsertedTextRun({ text: '全市', id: 2, author: '编辑', date: when }),
              new TextRun('。'),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('Word documents', () => {
  it('reads paragraphs as paragraphs, marks the heading, leaves out comments and deleted text', async () => {
    const file = join(dir(), 'manuscript.docx');
    writeFileSync(file, await makeDocx());
    const doc = read(file);
    expect(doc.format).toBe('docx');
    expect(doc.text).toBe('第一章 总则\n\n第一条 为了规范管理，制定本办法。\n\n第二条 本办法适用于全市。');
    // Lines count in the text tifa extract prints, whose front matter holds the document's properties.
    expect([...(doc.headingLines ?? [])]).toEqual([doc.origin.locate(0).line]);
    // 全市 is in the third paragraph, column 11 of it (第二条, the ideographic space, 本办法适用于).
    expect(placeLabel(doc.origin.locate(doc.text.indexOf('全市')))).toBe('¶3:11');
  });

  it('writes the numbers Word puts before list items, and a table row as one paragraph of tab-separated cells', async () => {
    const level = (n: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level: n, format, text, alignment: AlignmentType.LEFT });
    const doc = new DocxDocument({
      numbering: {
        config: [
          { reference: 'cn', levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.CHINESE_COUNTING, '（%2）')] },
          { reference: 'dec', levels: [level(0, LevelFormat.DECIMAL, '%1.')] },
          { reference: 'dot', levels: [level(0, LevelFormat.BULLET, '●')] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '总体要求', numbering: { reference: 'cn', level: 0 } }),
            new Paragraph({ text: '坚持党的领导', numbering: { reference: 'cn', level: 1 } }),
            new Paragraph({ text: '坚持人民至上', numbering: { reference: 'cn', level: 1 } }),
            new Paragraph({ text: '重点任务', numbering: { reference: 'cn', level: 0 } }),
            new Paragraph({ text: '健全网格', numbering: { reference: 'cn', level: 1 } }),
            new Paragraph({ text: '完善机制。', numbering: { reference: 'dec', level: 0 } }),
            new Paragraph({ text: '落实责任。', numbering: { reference: 'dot', level: 0 } }),
            new Table({
              rows: [
                new TableRow({ children: ['序号', '单位'].map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
                new TableRow({ children: [new TableCell({ children: [new Paragraph('1')] }), new TableCell({ children: [new Paragraph('市粮食储备库'), new Paragraph('（事业单位）')] })] }),
              ],
            }),
            new Paragraph('附件如上。'),
          ],
        },
      ],
    });
    const file = join(dir(), 'plan.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const read1 = read(file);
    expect(read1.text.split('\n\n')).toEqual(['一、总体要求', '（一）坚持党的领导', '（二）坚持人民至上', '二、重点任务', '（一）健全网格', '1.完善机制。', '落实责任。', '序号\t单位', '1\t市粮食储备库\n（事业单位）', '附件如上。']);
    // Places count Word's paragraphs, a cell's too: 序号 is the eighth, 附件如上 the thirteenth.
    expect(placeLabel(read1.origin.locate(read1.text.indexOf('附件')))).toBe('¶13:1');
  });

  it('stops on .doc and .wps with one line pointing to a conversion', () => {
    const folder = dir();
    const file = join(folder, 'old.doc');
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const run = tifa(['corpus', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('libreoffice --headless --convert-to docx');
  });
});

/**
 * A sentence that fills two whole lines (28 characters after the indent, then 30) and breaks off at the page end
 * between two words (重点 | 企业), where only the layout shows that it runs on.
 */
function brokenSentence(): string {
  let text = '各级公安机关要';
  while (text.length < 52) text += '坚持改革创新，';
  return `${text.slice(0, 52)}有序处置重点`;
}

describe('PDF', () => {
  const first = '全面深化公安改革，推进警务体制机制创新，提升基层治理能力，切实维护社会稳定。';
  const cut = brokenSentence();
  const rest = '企业风险，守住不发生系统性风险的底线。';
  const last = '各单位要及时报送工作进展情况。';
  const pageNumber = (n: number): PdfLineSpec => ({ text: `- ${n} -`, x: 280, y: 50, size: 12 });
  const twoPages = () => makePdf([
    [...setParagraphs([`\u3000\u3000${first}`, `\u3000\u3000${cut}`]), pageNumber(1)],
    [...setParagraphs([rest, `\u3000\u3000${last}`]), pageNumber(2)],
  ]);

  it('joins the sentence the page end cut, drops page numbers, and gives each offset its page', () => {
    const file = join(dir(), 'report.pdf');
    writeFileSync(file, twoPages());
    const doc = read(file);
    expect(doc.format).toBe('pdf');
    expect(doc.text).toBe(`${first}\n\n${cut}${rest}\n\n${last}`);
    expect(placeLabel(doc.origin.locate(doc.text.indexOf(cut)))).toBe('p.1');
    expect(placeLabel(doc.origin.locate(doc.text.indexOf(rest)))).toBe('p.2');
  });

  it('joins letter-spaced table text and keeps a row number apart from its cell', () => {
    const file = join(dir(), 'table.pdf');
    // A justified cell as pdf.js gives it (a space in every gap), a padded two-character word, and a row whose
    // number stands two characters left of its cell.
    const rows: PdfLineSpec[] = [
      ...setParagraphs([`\u3000\u3000${first}${first}`]),
      { text: '涉及划拨用地、新 增 建 设 用 地 的', x: 90, y: 600, size: 12 },
      { text: '目 录', x: 90, y: 540, size: 12 },
      { text: '1', x: 90, y: 480, size: 12 },
      { text: '项目申请报告', x: 126, y: 480, size: 12 },
    ];
    writeFileSync(file, makePdf([rows]));
    expect(read(file).text.split('\n\n').slice(1)).toEqual(['涉及划拨用地、新增建设用地的', '目 录', '1\t项目申请报告']);
  });

  it('stops with one line on a PDF without a text layer', () => {
    const file = join(dir(), 'scan.pdf');
    writeFileSync(file, makePdf([[], []]));
    const run = tifa(['corpus', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tifa: .*scan\.pdf: PDF without a text layer.*OCR.*\n$/);
  });
});

describe('one reader for all commands', () => {
  it('reads a folder that mixes formats; tifa corpus shows each format', async () => {
    const folder = dir();
    writeFileSync(join(folder, 'a.txt'), `${ARTICLE[1]}\n`);
    writeFileSync(join(folder, 'b.html'), pageHtml('utf-8'));
    writeFileSync(join(folder, 'c.docx'), await makeDocx());
    const run = tifa(['corpus', folder, '-f', 'csv']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n');
    const header = rows[0].split(',');
    const formats = rows.slice(1).map((r) => r.split(',')[header.indexOf('format')]);
    expect(formats).toEqual(['text', 'html', 'docx']);
  });

  it('tifa extract writes with --out and never overwrites without --force', () => {
    const folder = dir();
    const file = join(folder, 'notice.html');
    writeFileSync(file, pageHtml('utf-8'));
    const out = join(folder, 'notice.txt');
    expect(tifa(['extract', file, '--out', out]).code).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('title: 关于加强社区警务工作的通知\n');
    expect(written.endsWith(`${ARTICLE.join('\n\n')}\n`)).toBe(true);
    const again = tifa(['extract', file, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(tifa(['extract', file, '--out', out, '--force']).code).toBe(0);
    // The extracted file reads back to the same analysis text.
    expect(read(out).text.trimEnd()).toBe(read(file).text);
  });
});

const SHARED = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));
const REFERENCE = fileURLToPath(new URL('./fixtures/formats/web-pages-reference.tsv', import.meta.url));

describe.skipIf(!existsSync(join(SHARED, 'web-pages')))('real web pages (needs ../shared/corpora/web-pages)', () => {
  const reference = readFileSync(REFERENCE, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('file\t'))
    .map((l) => l.split('\t'));
  it.each(reference)('%s: within 10%% of the hand count, no markup', (file, chars, firstStart, lastStart) => {
    const doc = read(join(SHARED, 'web-pages', file));
    const count = doc.text.replace(/\s/g, '').length;
    expect(Math.abs(count - Number(chars)) / Number(chars)).toBeLessThanOrEqual(0.1);
    expect(doc.text).not.toMatch(/<\/?[a-z]+[\s>]|text\/javascript|_self|font-family|function\s*\(|\{[^}]*:[^}]*;/i);
    const paragraphs = doc.text.split(/\n\n/);
    const key = (s: string) => s.replace(/\s/g, '');
    expect(key(doc.text)).toContain(key(firstStart));
    expect(key(paragraphs.at(-1)!).startsWith(key(lastStart).slice(0, 8)) || key(doc.text).includes(key(lastStart))).toBe(true);
  });
});

describe.skipIf(!existsSync(join(SHARED, 'pdf')))('real PDFs (needs ../shared/corpora/pdf)', () => {
  const files = existsSync(join(SHARED, 'pdf')) ? readdirSync(join(SHARED, 'pdf')) : [];
  it.each(files)('%s: no page number left, no page end inside a sentence left unjoined', (file) => {
    const doc = read(join(SHARED, 'pdf', file));
    // Page numbers as printed (a bare number may be a table's row number, which is text).
    expect(doc.text).not.toMatch(/^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页.*)\s*$/m);
    // A page boundary kept as a paragraph break follows a finished sentence or a heading-like line.
    for (const gap of doc.text.matchAll(/\n\n/g)) {
      const before = doc.origin.locate(gap.index - 1).page;
      const after = doc.origin.locate(gap.index + 2).page;
      if (before === after) continue;
      const line = doc.text.slice(doc.text.lastIndexOf('\n', gap.index - 1) + 1, gap.index);
      const next = doc.text.slice(gap.index + 2, gap.index + 3);
      const broken = !/[。！？；：”）)]$/.test(line) && line.length > 30 && /[，、]/.test(line) && /\p{Script=Han}/u.test(next);
      expect(broken ? `${file} p.${before}: ${line.slice(-20)} | ${doc.text.slice(gap.index + 2, gap.index + 12)}` : '').toBe('');
    }
  });
});

describe.skipIf(!existsSync(join(SHARED, 'docx')))('real Word files (needs ../shared/corpora/docx)', () => {
  const files = existsSync(join(SHARED, 'docx')) ? readdirSync(join(SHARED, 'docx')) : [];
  it.each(files)('%s: paragraphs, a heading, the title first', (file) => {
    const doc = read(join(SHARED, 'docx', file));
    expect(doc.format).toBe('docx');
    expect(doc.text.split('\n\n').length).toBeGreaterThan(5);
    expect(doc.headingLines?.size ?? 0).toBeGreaterThan(0);
    expect(doc.text.slice(0, 40)).toMatch(/^(中华人民共和国|全国人民代表大会|麻醉药品)/);
  });
});
