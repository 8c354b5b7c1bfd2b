/** Small documents of each format, made at test time (no file of ../shared is copied). */

/** A line of a hand-made PDF: text drawn at (x, y) in a size, one em per character. */
export interface PdfLineSpec {
  text: string;
  x: number;
  y: number;
  size: number;
}

const A4 = [595, 842];

/** The ToUnicode CMap of a font whose character codes are the UTF-16 code units of the text (Identity-H). */
function toUnicodeCMap(texts: string[]): string {
  const highs = [...new Set(texts.join('').split('').map((c) => c.charCodeAt(0) >> 8))].sort((a, b) => a - b);
  const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
  const ranges = highs.map((h) => `<${hex(h)}00> <${hex(h)}FF> <${hex(h)}00>`);
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    `${ranges.length} beginbfrange`,
    ...ranges,
    'endbfrange',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/**
 * A PDF with a text layer: a CID font (not embedded) whose codes are the text's UTF-16 code units, mapped back by
 * a ToUnicode CMap, which is what text extraction reads. Pages without lines have no text layer at all.
 */
export function makePdf(pages: PdfLineSpec[][]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 0;
  const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  const allTexts = pages.flat().map((l) => l.text);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // 2: the page tree, written once the pages are numbered
  add('<< /Type /Font /Subtype /Type0 /BaseFont /FixtureSong /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>');
  add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FixtureSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /CIDToGIDMap /Identity >>');
  add('<< /Type /FontDescriptor /FontName /FixtureSong /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>');
  add(stream(toUnicodeCMap(allTexts.length > 0 ? allTexts : ['a'])));
  const kids: number[] = [];
  for (const lines of pages) {
    const content = lines
      .map((l) => {
        const codes = [...l.text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
        return `BT /F1 ${l.size} Tf ${l.x} ${l.y} Td <${codes}> Tj ET`;
      })
      .join('\n');
    const contentId = add(stream(content));
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4[0]} ${A4[1]}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Lines of one paragraph set in a 12pt font, 30 characters to the line, from the top of an A4 page's text area. */
export function setParagraphs(paragraphs: string[], top = 760): PdfLineSpec[] {
  const size = 12;
  const perLine = 30;
  const lines: PdfLineSpec[] = [];
  let y = top;
  for (const paragraph of paragraphs) {
    const indent = paragraph.startsWith('\u3000\u3000');
    const text = paragraph.replace(/^\u3000+/, '');
    const first = indent ? perLine - 2 : perLine;
    const chunks = [text.slice(0, first)];
    for (let i = first; i < text.length; i += perLine) chunks.push(text.slice(i, i + perLine));
    chunks.forEach((chunk, i) => {
      lines.push({ text: chunk, x: 90 + (i === 0 && indent ? 2 * size : 0), y, size });
      y -= 20;
    });
  }
  return lines;
}
