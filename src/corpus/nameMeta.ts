import { basename, extname } from 'node:path';
import { UsageError } from '../errors.js';
import { escapeRegExp } from '../escapeRegExp.js';

/**
 * Several patterns (--meta-from-name is repeatable) for corpora whose files are named in more than one way:
 * the first pattern that matches a file's name gives its fields.
 */
export function metaFromName(patterns: readonly string[]): (file: string) => Record<string, string> | undefined {
  const matchers = patterns.map(patternMatcher);
  return (file) => {
    for (const match of matchers) {
      const meta = match(file);
      if (meta) return meta;
    }
    return undefined;
  };
}

/**
 * Turns a pattern such as `gwr_{year}` into a matcher over file names (without extension):
 * `gwr_1954.txt` gives { year: '1954' }. Literal parts must match; a field is the shortest text up to the
 * next literal, the last one takes the rest.
 */
function patternMatcher(pattern: string): (file: string) => Record<string, string> | undefined {
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
