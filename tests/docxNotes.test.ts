import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlignmentType,
  DeletedTextRun,
  Document as DocxDocument,
  EndnoteReferenceRun,
  FootnoteReferenceRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tifa } from './cli.js';

/**
 * Word documents built here with the `docx` package: footnotes and endnotes, and list numbers that come from a
 * paragraph style rather than the paragraph. `edit` rewrites parts the package cannot write as Word does.
 */

async function docxFile(doc: DocxDocument, edit: Record<string, (xml: string) => string> = {}): Promise<string> {
  const parts = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  for (const [name, change] of Object.entries(edit)) {
    const edited = change(strFromU8(parts[name]));
    expect(edited, `${name} edited`).not.toBe(strFromU8(parts[name]));
    parts[name] = strToU8(edited);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'tifa docx ')), 'notes.docx');
  writeFileSync(file, zipSync(parts));
  return file;
}

/** The text tifa analyses of a file, without the front matter `tifa extract` prints above it. */
function bodyOf(file: string): string {
  const run = tifa(['extract', file]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\n$/, '');
}

const notesDoc = () =>
  new DocxDocument({
    footnotes: {
      1: { children: [new Paragraph('见《中共中央关于进一步全面深化改革的决定》。')] },
      2: { children: [new Paragraph('第二个脚注。'), new Paragraph('它的第二段。')] },
      // Referenced nowhere (its reference deleted): Word shows no such note.
      3: { children: [new Paragraph('无处引用的脚注。')] },
    },
    endnotes: { 1: { children: [new Paragraph('尾注：枫桥经验。')] } },
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun('深化改革开放'),
              new DeletedTextRun({ text: '此处', id: 9, author: '编辑', date: '2024-01-01T00:00:00Z' }),
              new FootnoteReferenceRun(2),
              new TextRun('，推进中国式现代化'),
              new FootnoteReferenceRun(1),
              new TextRun('。'),
              new EndnoteReferenceRun(1),
            ],
          }),
          new Paragraph('坚持和发展新时代枫桥经验。'),
        ],
      },
    ],
  });

describe('Word footnotes and endnotes', () => {
  it('keep their marks where the references stand and their text after the body, numbered in the order of the marks', async () => {
    const file = await docxFile(notesDoc());
    expect(bodyOf(file)).toBe(
      [
        '深化改革开放[1]，推进中国式现代化[2]。[i]',
        '坚持和发展新时代枫桥经验。',
        '[1] 第二个脚注。',
        '它的第二段。',
        '[2] 见《中共中央关于进一步全面深化改革的决定》。',
        '[i] 尾注：枫桥经验。',
      ].join('\n\n'),
    );
  });

  it('are found and counted like the body', async () => {
    const file = await docxFile(notesDoc());
    const kwic = tifa(['kwic', '枫桥经验', file, '-f', 'tsv']);
    expect(kwic.code, kwic.stderr).toBe(0);
    const hits = kwic.stdout.trim().split('\n').slice(1);
    expect(hits).toHaveLength(2);
    expect(hits[1]).toContain('[i] 尾注：\t枫桥经验\t。');
    const slogans = tifa(['slogans', file, '-f', 'json']);
    expect((JSON.parse(slogans.stdout) as Array<{ term: string; total: number }>).find((row) => row.term === '枫桥经验')?.total).toBe(2);
  });

  it('take the number format of settings.xml: circled numbers stand without brackets', async () => {
    const file = await docxFile(notesDoc(), {
      'word/settings.xml': (xml) => xml.replace('<w:defaultTabStop', '<w:footnotePr><w:numFmt w:val="decimalEnclosedCircle"/></w:footnotePr><w:defaultTabStop'),
    });
    const text = bodyOf(file);
    expect(text.split('\n\n')[0]).toBe('深化改革开放①，推进中国式现代化②。[i]');
    expect(text).toContain('\n\n① 第二个脚注。\n\n');
  });
});

describe('Word list numbers defined in paragraph styles', () => {
  const level = (n: number, text: string) => ({ level: n, format: LevelFormat.CHINESE_COUNTING, text, alignment: AlignmentType.LEFT });
  const styledDoc = () =>
    new DocxDocument({
      numbering: { config: [{ reference: 'cn', levels: [level(0, '%1、'), level(1, '（%2）')] }] },
      styles: {
        paragraphStyles: [
          { id: 'Item1', name: 'Item 1', basedOn: 'Normal', paragraph: { numbering: { reference: 'cn', level: 0 } } },
          { id: 'Item2', name: 'Item 2', basedOn: 'Normal', paragraph: { numbering: { reference: 'cn', level: 1 } } },
          // Derived from a numbered style: numbered as it is.
          { id: 'Item2b', name: 'Item 2b', basedOn: 'Item2' },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '总体要求', style: 'Item1' }),
            new Paragraph({ text: '坚持党的领导', style: 'Item2' }),
            new Paragraph({ text: '坚持人民至上', style: 'Item2b' }),
            new Paragraph('正文段落。'),
            new Paragraph({ text: '重点任务', style: 'Item1' }),
            new Paragraph({ text: '健全网格', style: 'Item2' }),
          ],
        },
      ],
    });
  const EXPECTED = ['一、总体要求', '（一）坚持党的领导', '（二）坚持人民至上', '正文段落。', '二、重点任务', '（一）健全网格'].join('\n\n');

  it('number the paragraphs of a style with a numPr, and of styles based on it', async () => {
    expect(bodyOf(await docxFile(styledDoc()))).toBe(EXPECTED);
  });

  it('take the level that names the style (lvl/pStyle) when the style gives no ilvl', async () => {
    const file = await docxFile(styledDoc(), {
      'word/styles.xml': (xml) => xml.replace(/(w:styleId="Item2">[\s\S]*?)<w:ilvl w:val="1"\/>/, '$1'),
      // Level 1 of the Chinese list (the package also writes a bullet list before it).
      'word/numbering.xml': (xml) => xml.replace(/(<w:lvl w:ilvl="1"[^>]*>)(<w:start w:val="1"\/><w:numFmt w:val="chineseCounting"\/>)/, '$1<w:pStyle w:val="Item2"/>$2'),
    });
    expect(bodyOf(file)).toBe(EXPECTED);
  });
});
