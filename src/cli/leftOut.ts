import { HIDDEN_FIELDS } from '../corpus/document.js';
import { UsageError } from '../errors.js';
import { firstFew, warn } from './terminal.js';

/**
 * Notes on stderr which documents a grouped table leaves out, once, after counting; a field that no
 * document has is a usage error (most likely a typo), named with the fields that do exist.
 */
export function leftOutReporter(field: string | undefined): {
  onLeftOut: (doc: { id: string; meta: Record<string, string> }) => void;
  report: (groupsFound: number) => void;
} {
  const ids: string[] = [];
  const seenFields = new Set<string>();
  return {
    onLeftOut: (doc) => {
      ids.push(doc.id);
      for (const key of Object.keys(doc.meta)) if (!HIDDEN_FIELDS.has(key)) seenFields.add(key);
    },
    report: (groupsFound) => {
      if (groupsFound === 0 && ids.length > 0) {
        throw new UsageError(`no document has the field "${field}"; fields present: ${[...seenFields].sort().join(', ')}`);
      }
      if (ids.length > 0) {
        warn(`${ids.length} document(s) without "${field}" left out: ${firstFew(ids)}`);
      }
    },
  };
}
