import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document as DocxDocument, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { tifa } from './cli.js';
import { makePdf, setParagraphs } from './formatFixtures.js';

// Lint of web pages, PDF and Word files: findings in the text the reader extracts, positions a person can open.

const dir = () => mkdtempSync(join(tmpdir(), 'tifa-lint-input-'));

/** The one finding of every fixture: a half-width comma after 思想, the 18th character of its paragraph. */
const FLAWED = '各单位要坚持以人民为中心的发展思想,推动高质量发展。';
const CLEAN = '要加强组织领导，明确责任分工，确保各项措施落到实处。';

async function manuscript(): Promise<Buffer> {
  const doc = new DocxDocument({
    sections: [{ children: [new Paragraph({ text: '总则', heading: HeadingLevel.HEADING_1 }), new Paragraph({ text: CLEAN }), new Paragraph({ text: FLAWED })] }],
  });
  return Packer.toBuffer(doc);
}

/** A page whose navigation holds a half-width comma between Chinese words too: it must not be reported. */
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于推动高质量发展的通知</title></head><body>
<div class="nav"><ul><li><a href="/">首页,政务公开</a></li><li><a href="/a">办事服务</a></li><li><a href="/b">互动交流</a></li></ul></div>
<div class="main"><h1>关于推动高质量发展的通知</h1><div class="content">
<p>各区人民政府，市政府各委、办、局：</p>
<p>为深入推进社区警务工作，夯实基层基础，现就有关事项通知如下。各单位要坚持人民至上，健全社区民警驻村机制，推动警力下沉，做到小事不出村、大事不出镇、矛盾不上交。</p>
<p>${FLAWED}</p>
<p>${CLEAN}各地区各部门要认真贯彻落实，结合实际抓好落实，并于每季度末报送工作进展情况。</p>
<p>某市人民政府</p>
</div></div><div class="footer">版权所有,某市人民政府</div></body></html>`;

describe('tifa lint on a Word file', () => {
  it('reports ¶paragraph:column and the paragraph opening words, in stylish and compact', async () => {
    const file = join(dir(), 'manuscript.docx');
    writeFileSync(file, await manuscript());
    const compact = tifa(['lint', '--format', 'compact', file]);
    expect(compact.code).toBe(1);
    // The third paragraph (总则 is the first); 各单位要坚持以人民为中心 are its first twelve characters.
    expect(compact.stdout).toBe(`${file}:¶3:18: warning found “,”; expected “，” (half-width comma between Chinese characters) 「各单位要坚持以人民为中心…」 [halfwidth-punctuation]\n`);
    const stylish = tifa(['lint', file]);
    expect(stylish.stdout).toContain('  ¶3:18  warning  found “,”; expected “，” (half-width comma between Chinese characters) 「各单位要坚持以人民为中心…」');
  });

  it('gives JSON the paragraph and its opening beside line and column, and CI formats the place in the message', async () => {
    const file = join(dir(), 'manuscript.docx');
    writeFileSync(file, await manuscript());
    const [message] = JSON.parse(tifa(['lint', '--format', 'json', file]).stdout)[0].messages;
    expect(message).toMatchObject({ ruleId: 'halfwidth-punctuation', paragraph: 3, column: 18, paragraphOpening: '各单位要坚持以人民为中心…' });
    expect(message.page).toBeUndefined();
    // line is that of the text `tifa extract` prints, whose line holds the comma at the same column.
    const printed = tifa(['extract', file]).stdout.split('\n');
    expect([...printed[message.line - 1]][message.column - 1]).toBe(',');
    const github = tifa(['lint', '--format', 'github', file]).stdout;
    expect(github).toContain(`line=${message.line},col=18,`);
    expect(github).toContain('(¶3:18 「各单位要坚持以人民为中心…」)');
  });

  it('refuses --fix with one line and exit 2, and leaves the file as it was', async () => {
    const file = join(dir(), 'manuscript.docx');
    const bytes = await manuscript();
    writeFileSync(file, bytes);
    for (const flags of [['--fix'], ['--fix', '--force'], ['--dry-run']]) {
      const run = tifa(['lint', ...flags, file]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`tifa: ${file}: --fix rewrites text and Markdown files only, not docx files; lint it without --fix and correct it in its own editor\n`);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
  });

  it('refuses --fix of a folder holding a Word file before it rewrites any text file of it', async () => {
    const folder = dir();
    const text = join(folder, 'a.txt');
    writeFileSync(text, `${FLAWED}\n`);
    writeFileSync(join(folder, 'b.docx'), await manuscript());
    const run = tifa(['lint', '--fix', folder]);
    expect(run.code).toBe(2);
    expect(readFileSync(text, 'utf8')).toBe(`${FLAWED}\n`);
  });
});

describe('tifa lint on a web page', () => {
  it('reports line:column of the extracted article text, nothing of navigation or footer', () => {
    const file = join(dir(), 'notice.html');
    writeFileSync(file, PAGE);
    const run = tifa(['lint', '--format', 'json', file]);
    expect(run.code).toBe(1);
    const messages = JSON.parse(run.stdout)[0].messages;
    expect(messages).toHaveLength(1);
    const [m] = messages;
    expect(m.paragraph).toBeUndefined();
    expect(m.page).toBeUndefined();
    const printed = tifa(['extract', file]).stdout.split('\n');
    // Four lines of front matter (title, page_title), then paragraphs on lines 5, 7 and 9.
    expect(m).toMatchObject({ line: 9, column: 18, endLine: 9, endColumn: 19 });
    expect(printed[m.line - 1]).toBe(FLAWED);
    expect(tifa(['lint', '--format', 'compact', file]).stdout).toBe(`${file}:${m.line}:18: warning found “,”; expected “，” (half-width comma between Chinese characters) [halfwidth-punctuation]\n`);
  });

  it('refuses --fix on a page (a rewrite would replace the HTML with its text)', () => {
    const file = join(dir(), 'notice.html');
    writeFileSync(file, PAGE);
    const run = tifa(['lint', '--fix', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(PAGE);
  });
});

describe('tifa lint on a PDF', () => {
  it('reports the page, as `file.pdf p.2`', () => {
    const file = join(dir(), 'report.pdf');
    writeFileSync(file, makePdf([setParagraphs([`\u3000\u3000${CLEAN}`]), setParagraphs([`\u3000\u3000${FLAWED}`])]));
    const run = tifa(['lint', '--format', 'compact', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`${file} p.2: warning found “,”; expected “，” (half-width comma between Chinese characters) [halfwidth-punctuation]\n`);
    const [m] = JSON.parse(tifa(['lint', '--format', 'json', file]).stdout)[0].messages;
    expect(m.page).toBe(2);
    expect(tifa(['lint', file]).stdout).toContain('  p.2  warning');
  });
});

describe('tifa lint on extracted text: the file\'s own paragraphs are no page breaks', () => {
  // A list the law sets one item to a paragraph, each ending in a comma: as a plain text these blank lines could be
  // page breaks, in a Word file (or a PDF, whose reader joined what its layout ran on) they are the file's own.
  const ITEMS = ['全国人民代表大会常务委员会由下列人员组成：', '委员长，', '副委员长若干人，', '秘书长，', '委员若干人。'];

  it('reports no paragraph break inside a sentence in a Word file, where a plain text of it gets them', async () => {
    const folder = dir();
    const file = join(folder, 'law.docx');
    writeFileSync(file, await Packer.toBuffer(new DocxDocument({ sections: [{ children: ITEMS.map((text) => new Paragraph({ text })) }] })));
    const run = tifa(['lint', '--rule', 'page-break', '--format', 'compact', file]);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });

  it('prints each finding on one line, a quoted line break as ⏎', () => {
    const file = join(dir(), 'cut.txt');
    // No paragraph opens on a comma: the break after 委员长 is inside a sentence.
    writeFileSync(file, '会议选举产生了领导成员。\n委员长\n\n，副委员长若干人。\n');
    const run = tifa(['lint', '--rule', 'page-break', '--format', 'compact', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`${file}:2:4: error paragraph break inside a sentence: "员。⏎委员长" continues with "，副委员长若" [page-break]\n`);
  });

  it('leaves a plain text\'s list items of comma-ended lines as they are: page breaks lie a page apart', () => {
    const file = join(dir(), 'law.txt');
    writeFileSync(file, `${ITEMS.join('\n\n')}\n`);
    const run = tifa(['lint', '--rule', 'page-break', '--fix', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${ITEMS.join('\n\n')}\n`);
  });
});
