import { HIDDEN_FIELDS, STANDARD_FIELDS, type Document } from '../corpus/document.js';
import { isWordToken } from '../segment/wordToken.js';
import type { Segmenter, Token } from '../segment/token.js';
import { computedColumn, type ResultTable, type Row } from '../resultTable.js';
import { charCount } from './countCorpus.js';

/**
 * One row per document: its metadata, the format it was read as, its size in characters (no whitespace) and in word
 * tokens, one document at a time (`add`, with its tokens) and then as a table.
 */
export class CorpusSummary {
  private readonly rows: Row[] = [];
  private readonly extra = new Set<string>();
  private readonly sizes: Array<{ format: string; chars: number; tokens: number }> = [];

  add(doc: Document, tokens: Token[]): void {
    const row: Row = Object.create(null) as Row;
    for (const [key, value] of Object.entries(doc.meta)) {
      if (HIDDEN_FIELDS.has(key)) continue;
      row[key] = value;
      if (!(STANDARD_FIELDS as readonly string[]).includes(key)) this.extra.add(key);
    }
    this.sizes.push({ format: doc.format ?? 'text', chars: charCount(doc.text), tokens: tokens.filter((t) => isWordToken(t.text)).length });
    this.rows.push(row);
  }

  table(): ResultTable {
    const { rows, sizes } = this;
    // A metadata field called chars or tokens keeps its name and values; the computed column steps aside.
    const fields = [...STANDARD_FIELDS, ...[...this.extra].sort()];
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
}

/** The CorpusSummary of a stream of documents. */
export function summariseCorpus(docs: Iterable<Document>, segmenter: Segmenter): ResultTable {
  const summary = new CorpusSummary();
  for (const doc of docs) summary.add(doc, segmenter.cut(doc.text));
  return summary.table();
}
