import { checkGrouping, type Grouping } from '../analysis/groups.js';
import { firstFew, warn } from './terminal.js';

/**
 * What every grouped command says about the documents its count left out (the `leftOut` of the count it
 * returned): a field that no document has is an error (checkGrouping), otherwise one note on stderr.
 */
export function noteLeftOut(grouping: Grouping): void {
  checkGrouping(grouping);
  const ids = grouping.leftOut.map((doc) => doc.id);
  if (ids.length > 0) warn(`${ids.length} document(s) without "${grouping.field}" left out: ${firstFew(ids)}`);
}
