import { InputError } from '../errors.js';
import { newMeta, STANDARD_FIELDS } from './document.js';

const FENCE = '---';
const KEY = /^[a-z_][a-z0-9_]*$/;
// `s`: a value may hold U+2028/U+2029, which `.` alone does not match (lines are split on \n only).
const FIELD_LINE = /^([a-z_][a-z0-9_]*):(.*)$/s;
/** A `key: value` line whose key has other characters (`城市: 黄山`, `Title: …`): named as such, not as a missing `---`. */
const OTHER_KEY_LINE = /^([^\s:][^:]{0,40}?):\s/u;

export interface FrontMatter {
  meta: Record<string, string>;
  /** Offset of the body in the text (0 without front matter). */
  bodyStart: number;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

/**
 * Reads an optional front-matter block: a first line `---`, lines `key: value`, a closing `---`.
 * Strict on purpose: a malformed block would otherwise end up in the analysed text unnoticed.
 */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const firstLineEnd = text.indexOf('\n');
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  if (firstLine.trimEnd() !== FENCE) return { meta: newMeta(), bodyStart: 0, bodyLine: 1 };
  const lines = text.split('\n');
  // A final newline ends the last line; it does not open an empty one.
  if (lines.at(-1) === '') lines.pop();
  const meta = newMeta();
  let offset = lines[0].length + 1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const lineNumber = i + 1;
    if (line.trimEnd() === FENCE) {
      return { meta, bodyStart: Math.min(offset + line.length + 1, text.length), bodyLine: lineNumber + 1 };
    }
    const field = FIELD_LINE.exec(line);
    const otherKey = field ? null : OTHER_KEY_LINE.exec(line);
    if (otherKey && line !== '') {
      throw new InputError(`${file}:${lineNumber}: front matter key "${otherKey[1]}" must be a-z, 0-9 or _ (e.g. city, title)`);
    }
    if (!field) {
      // The usual cause is a block whose closing line was forgotten, so the body reads as more front matter.
      throw new InputError(
        `${file}:${lineNumber}: front matter line is not "key: value" (key in a-z, 0-9, _): ${JSON.stringify(line)}; is the closing "---" missing?`,
      );
    }
    const [, key, value] = field;
    if (Object.hasOwn(meta, key)) throw new InputError(`${file}:${lineNumber}: front matter key "${key}" appears twice`);
    meta[key] = value.trim();
    offset += line.length + 1;
  }
  throw new InputError(`${file}:1: front matter opened with "---" is never closed`);
}

/** Standard fields first in their usual order, then the others alphabetically, so rewrites give stable diffs. */
function orderedKeys(meta: Record<string, string>): string[] {
  const standard: readonly string[] = STANDARD_FIELDS;
  const rest = Object.keys(meta)
    .filter((k) => !standard.includes(k))
    .sort();
  return [...standard.filter((k) => Object.hasOwn(meta, k)), ...rest];
}

/** Writes a front-matter block (with its closing line and newline) that `parseFrontMatter` reads back unchanged. */
export function formatFrontMatter(meta: Record<string, string>): string {
  const lines = orderedKeys(meta).map((key) => {
    if (!KEY.test(key)) throw new InputError(`front matter key "${key}" is not made of a-z, 0-9 and _ (starting with a letter or _)`);
    const value = meta[key].replace(/[\r\n]+/g, ' ').trim();
    return value === '' ? `${key}:` : `${key}: ${value}`;
  });
  return [FENCE, ...lines, FENCE, ''].join('\n');
}
