import { HIDDEN_FIELDS, STANDARD_FIELDS, type Document } from '../corpus/document.js';
import { isWordToken } from '../segment/wordToken.js';
import type { Segmenter } from '../segment/token.js';
import { computedColumn, type ResultTable, type Row } from '../resultTable.js';
import { charCount } from './countCorpus.js';

/** One row per document: its metadata, the format it was read as, its size in characters (no whitespace) and in word tokens. */
export function summariseCorpus(docs: Iterable<Document>, segmenter: Segmenter): ResultTable {
  const rows: Row[] = [];
  const extra = new Set<string>();
  const sizes: Array<{ format: string; chars: number; tokens: number }> = [];
  for (const doc of docs) {
    const row: Row = Object.create(null) as Row;
    for (const [key, value] of Object.entries(doc.meta)) {
      if (HIDDEN_FIELDS.has(key)) continue;
      row[key] = value;
      if (!(STANDARD_FIELDS as readonly string[]).includes(key)) extra.add(key);
    }
    sizes.push({ format: doc.format ?? 'text', chars: charCount(doc.text), tokens: segmenter.cut(doc.text).filter((t) => isWordToken(t.text)).length });
    rows.push(row);
  }
  // A metadata field called chars or tokens keeps its name and values; the computed column steps aside.
  const fields = [...STANDARD_FIELDS, ...[...extra].sort()];
  const format = computedColumn('format', new Set(fields));
  const chars = computedColumn('chars', new Set(fields));
  const tokens = computedColumn('tokens', new Set(fields));
  rows.forEach((row, i) => {
    for (const c of fields) if (!Object.hasOwn(row, c)) row[c] = '';
    row[format] = sizes[i].format;
    row[chars] = sizes[i].chars;
    row[tokens] = sizes[i].tokens;
  });
  return { columns: [...fields, format, chars, tokens], rows };
}
