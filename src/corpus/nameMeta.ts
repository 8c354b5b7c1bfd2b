import { basename, extname } from 'node:path';
import { UsageError } from '../errors.js';
import { escapeRegExp } from '../escapeRegExp.js';

/**
 * Turns a pattern such as `gwr_{year}` into a matcher over file names (without extension):
 * `gwr_1954.txt` gives { year: '1954' }. Literal parts must match; a field is the shortest text up to the
 * next literal, the last one takes the rest.
 */
export function metaFromName(pattern: string): (file: string) => Record<string, string> | undefined {
  const fields: string[] = [];
  const source = pattern.replace(/\{([a-z_][a-z0-9_]*)\}|([^{]+)/gi, (_m, field: string | undefined, literal: string | undefined) => {
    if (field) {
      fields.push(field);
      return '(.+?)';
    }
    return escapeRegExp(literal ?? '');
  });
  if (fields.length === 0) throw new UsageError(`--meta-from-name "${pattern}" names no {field}`);
  const regex = new RegExp(`^${source}$`);
  return (file) => {
    const match = regex.exec(basename(file, extname(file)));
    if (!match) return undefined;
    return Object.fromEntries(fields.map((f, i) => [f, match[i + 1]]));
  };
}
