import { HIDDEN_FIELDS, STANDARD_FIELDS, type Document } from '../corpus/document.js';
import { isWordToken } from '../segment/wordToken.js';
import type { Segmenter } from '../segment/token.js';
import type { ResultTable, Row } from '../format/table.js';

/** One row per document: its metadata, the format it was read as, its size in characters (no whitespace) and in word tokens. */
export function summariseCorpus(docs: Iterable<Document>, segmenter: Segmenter): ResultTable {
  const rows: Row[] = [];
  const extra = new Set<string>();
  for (const doc of docs) {
    const row: Row = {};
    for (const [key, value] of Object.entries(doc.meta)) {
      if (HIDDEN_FIELDS.has(key)) continue;
      row[key] = value;
      if (!(STANDARD_FIELDS as readonly string[]).includes(key)) extra.add(key);
    }
    row.format = doc.format ?? 'text';
    row.chars = doc.text.replace(/\s/g, '').length;
    row.tokens = segmenter.cut(doc.text).filter((t) => isWordToken(t.text)).length;
    rows.push(row);
  }
  const columns = [...STANDARD_FIELDS, ...[...extra].sort(), 'format', 'chars', 'tokens'];
  for (const row of rows) for (const c of columns) row[c] ??= '';
  return { columns, rows };
}
