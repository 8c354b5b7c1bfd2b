import { HIDDEN_FIELDS, type Meta } from '../corpus/document.js';
import { UsageError } from '../errors.js';

/** A document a grouped count left out because it lacks the grouping field; its fields say which ones it has. */
export interface LeftOutDocument {
  id: string;
  meta: Meta;
}

/**
 * What every grouped count returns besides its numbers: the field, its groups in order of first appearance, and
 * the documents left out for lacking the field (so a caller, or the CLI, can say which and how many).
 */
export interface Grouping {
  field?: string;
  groups: readonly string[];
  leftOut: readonly LeftOutDocument[];
}

/**
 * The group a document belongs to: its value of the field (all documents are `all` without a field), or
 * undefined when it lacks the field (it is then left out). The label is the value itself: where a value is
 * named like a column tifa computes (a city called `total`), the table gives way (computedColumn), not the group.
 */
export function groupOf(doc: { meta: Meta }, field: string | undefined): string | undefined {
  if (!field) return 'all';
  return doc.meta[field] || undefined;
}

/**
 * The groups of one grouped count, numbered in order of first appearance, and the documents it leaves out.
 * Every count (word frequency, co-occurrence, slogans, merged shards, KWIC, trend, document units) keeps its
 * per-group arrays indexed by these numbers; `labels` is the counts' `groups` list and `leftOut` their `leftOut`.
 */
export class GroupIndex {
  readonly labels: string[] = [];
  readonly leftOut: LeftOutDocument[] = [];
  private readonly numbers = new Map<string, number>();

  /** `onNew(g)` runs for each new group, to grow the arrays kept in parallel with `labels`. */
  constructor(
    readonly field: string | undefined,
    private readonly onNew: (g: number) => void = () => {},
  ) {}

  /** The number of the document's group, or undefined when the document lacks the field (it is noted as left out). */
  groupOf(doc: { id: string; meta: Meta }): number | undefined {
    const label = groupOf(doc, this.field);
    if (label !== undefined) return this.numberOf(label);
    this.leaveOut(doc);
    return undefined;
  }

  /** Notes a document left out (one a worker thread or a shard found without the field). */
  leaveOut(doc: { id: string; meta: Meta }): void {
    this.leftOut.push({ id: doc.id, meta: doc.meta });
  }

  /** The label's number; a label seen for the first time is numbered next. */
  numberOf(label: string): number {
    let g = this.numbers.get(label);
    if (g === undefined) {
      g = this.labels.push(label) - 1;
      this.numbers.set(label, g);
      this.onNew(g);
    }
    return g;
  }
}

/**
 * A grouping by a field that no document has is an error (most likely a typo in the field's name), named with
 * the fields that the documents do have. The one place this error is raised.
 */
export function checkGrouping(grouping: Grouping): void {
  if (grouping.groups.length > 0 || grouping.leftOut.length === 0) return;
  const fields = new Set<string>();
  for (const doc of grouping.leftOut) for (const key of Object.keys(doc.meta)) if (!HIDDEN_FIELDS.has(key)) fields.add(key);
  const message = `no document has the field "${grouping.field}"; fields present: ${[...fields].sort().join(', ')}`;
  // Only the id that every document gets: the corpus has no metadata at all, and the user needs to know how to give it.
  if (fields.size > 1) throw new UsageError(message);
  throw new UsageError(`${message} (the documents have no metadata: give it in front matter or a metadata table)`, {
    cli: `${message} (the documents have no metadata: give it in front matter, --meta TABLE or --meta-from-name 'name_{${grouping.field}}')`,
  });
}
