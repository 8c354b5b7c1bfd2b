import { kwicRows } from '../analysis/kwic.js';
import type { Document } from '../corpus/document.js';
import { UsageError } from '../errors.js';
import type { ResultTable, Row } from '../resultTable.js';
import type { Segmenter } from '../segment/token.js';
import { createSloganMatcher, extractSlogans, type SloganHit } from './extract.js';
import { corpusQuoteMatcher } from './collectSlogans.js';
import { loadBundledLexicon, type LexiconEntry } from '../lexicon/lexicon.js';
import { canonicalSurface } from '../lexicon/fold.js';
import { escapeRegExp } from '../escapeRegExp.js';

export interface SloganUsesOptions {
  /** Characters of context on each side. */
  width: number;
  lexicon?: readonly LexiconEntry[];
  /** The corpus's quoted formulations (corpusQuotedForms), counted at every use as `tifa slogans` counts them. */
  corpusQuotes?: ReadonlySet<string>;
  /** The corpus's named formulations (corpusNamedForms), counted at every use as `tifa slogans` counts them. */
  corpusNamed?: ReadonlySet<string>;
}

/**
 * KWIC lines of the hits of one document: kwicRows finds every written form of the formulation, and only the
 * lines at a counted hit are kept (not `大数据` inside `专业+机制+大数据`), with whether that use was quoted.
 */
function usesInDocument(doc: Document, hits: SloganHit[], width: number): Row[] {
  const surfaces = [...new Set(hits.map((h) => h.surface))].sort((a, b) => b.length - a.length);
  const quotedAt = new Map<string, boolean>();
  for (const h of hits) {
    const { line, column } = doc.origin.locate(h.start);
    quotedAt.set(`${line}:${column}`, h.quoted);
  }
  const rows = kwicRows(doc, new RegExp(surfaces.map(escapeRegExp).join('|'), 'gu'), width);
  return rows.flatMap((row) => {
    const quoted = quotedAt.get(`${row.line}:${row.column}`);
    return quoted === undefined ? [] : [{ ...row, quoted: quoted ? 'yes' : '' }];
  });
}

/**
 * Every use of one formulation, in reading order: `doc`, `line` and `column` in the file on disk, `left`,
 * `match` (as written), `right`, `quoted` (yes when the use is the whole content of quotes). The term may be
 * written as any variant (`四个铁一般标准` shows `四个铁一般`) or with noise (`专业 + 机制 + 大数据`).
 */
export function sloganUses(docs: Iterable<Document>, segmenter: Segmenter, term: string, options: SloganUsesOptions): ResultTable {
  if (term.trim() === '') throw new UsageError('sloganUses needs a formulation, e.g. 枫桥经验', { cli: '--show needs a formulation, e.g. --show 枫桥经验' });
  const matcher = createSloganMatcher(options.lexicon ?? loadBundledLexicon());
  const canonical = matcher.canonicalOf(term) ?? canonicalSurface(term);
  const corpus = corpusQuoteMatcher(options.corpusQuotes?.has(canonical) ? [canonical] : undefined);
  const named = corpusQuoteMatcher(options.corpusNamed?.has(canonical) ? [canonical] : undefined);
  const rows: Row[] = [];
  for (const doc of docs) {
    const hits = extractSlogans(doc.text, segmenter.cut(doc.text, { pos: true }), matcher, corpus, named).filter((h) => h.canonical === canonical);
    if (hits.length > 0) rows.push(...usesInDocument(doc, hits, options.width));
  }
  return { columns: ['doc', 'line', 'column', 'left', 'match', 'right', 'quoted'], rows };
}
