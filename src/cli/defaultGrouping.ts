import type { Grouping } from '../analysis/groups.js';
import { noteLeftOut } from './leftOut.js';
import { UsageError } from '../errors.js';
import { warn } from './terminal.js';

/** What compare, report, plot and ca group by without --by, when the corpus has it (the bundled corpus does). */
export const DEFAULT_FIELD = 'city';

/** Documents up to which the default is one group per document (more are no comparison anyone reads). */
export const MAX_DOCUMENT_GROUPS = 200;

/** What they group by when no document has DEFAULT_FIELD: each document by its id. */
export const FALLBACK_FIELD = 'id';

/** What trend (and plot trend) go along without --by: a year, from a date or a file name. */
export const DEFAULT_TREND_FIELD = 'year';

/** The --by help of the commands that group by default. */
export const DEFAULT_GROUPING_HELP = `metadata field that defines the groups (default: ${DEFAULT_FIELD} when the documents have it, else each document by its id, up to ${MAX_DOCUMENT_GROUPS} documents)`;

/**
 * The grouping of a command whose groups default: by --by when it is given (a field no document has is then an
 * error, as everywhere); without it by city when some document has the field, else one group per document (id),
 * said once on stderr, since a folder of plain files has no city and its user never asked for one.
 * `groupBy(field)` returns the grouping (or the grouped count) by that field without judging it; a count left
 * out of a grouping is not cut, so trying city on a corpus without it costs one reading of the files.
 * The left-out note is made here, for the field chosen.
 */
export async function defaultGrouping<T extends Grouping>(
  by: string | undefined,
  groupBy: (field: string) => T | Promise<T>,
): Promise<{ field: string; grouping: T }> {
  let field = by ?? DEFAULT_FIELD;
  let grouping = await groupBy(field);
  if (by === undefined && grouping.groups.length === 0 && grouping.leftOut.length > 0) {
    const documents = grouping.leftOut.length;
    if (documents > MAX_DOCUMENT_GROUPS) {
      // Every document against the rest is a table (and a time) growing with documents × vocabulary that no one
      // reads past a few dozen columns: a folder of thousands of files needs the grouping its user has in mind.
      throw new UsageError(
        `no document has the field "${DEFAULT_FIELD}", and one group per document would make ${documents} groups: give --by FIELD (fields from front matter, --meta TABLE or --meta-from-name 'name_{field}'), or --by id for one group per document anyway`,
      );
    }
    warn(`no document has the field "${DEFAULT_FIELD}": one group per document (by id); --by FIELD groups otherwise`);
    field = FALLBACK_FIELD;
    grouping = await groupBy(field);
  }
  noteLeftOut(grouping);
  return { field, grouping };
}
