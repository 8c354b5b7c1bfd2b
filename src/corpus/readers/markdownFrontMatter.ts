import { InputError } from '../../errors.js';
import { newMeta, type Meta } from '../document.js';

/** A front-matter block: YAML between `---` lines (Jekyll, Hugo, Hexo, Obsidian) or TOML between `+++` lines (Hugo). */
const FENCES: ReadonlyArray<{ open: string; close: readonly string[]; separator: ':' | '=' }> = [
  { open: '---', close: ['---', '...'], separator: ':' },
  { open: '+++', close: ['+++'], separator: '=' },
];
const KEY = /^[a-z_][a-z0-9_]*$/;

export interface MarkdownFrontMatter {
  meta: Meta;
  /** Offset of the body in the text (0 without front matter). */
  bodyStart: number;
}

/** A scalar as a reader means it: quotes taken off (with YAML's and TOML's escapes in double quotes), a trailing ` # comment` dropped. */
function scalar(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && value[0] === '"' && value.endsWith('"')) return value.slice(1, -1).replace(/\\(["\\/])/g, '$1').replace(/\\n/g, ' ').replace(/\\t/g, '\t');
  if (value.length >= 2 && value[0] === "'" && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  return value.replace(/\s+#.*$/, '');
}

/** `[a, "b c"]`: the items, unquoted, joined by `, ` (a metadata value is one string). */
function flowList(raw: string): string {
  const inner = raw.trim().slice(1, -1);
  const items = inner.match(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+/g) ?? [];
  return items.map(scalar).filter((item) => item !== '').join(', ');
}

function value(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? flowList(trimmed) : scalar(trimmed);
}

/** `Title`, `last-modified`, `og title` as keys tifa groups by: lower case, `-` and spaces as `_`. */
function keyOf(raw: string, file: string, lineNumber: number): string {
  const key = raw.trim().toLowerCase().replace(/[-\s]+/g, '_');
  if (!KEY.test(key)) throw new InputError(`${file}:${lineNumber}: front matter key "${raw.trim()}" must be made of a-z, 0-9, _ or - (e.g. city, title)`);
  return key;
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;

/**
 * Reads the front matter of a Markdown file in the forms site generators write: `key: value` with or without
 * quotes, lists (`[a, b]` or `- item` lines, joined by `, `), folded and literal blocks (`|`, `>`), one level of
 * nesting (`params:` then `  city: 黄山` is `params_city`), TOML's `key = value` and `[section]`, and comments.
 * A block that is never closed, or a line that is none of these, stops with `file:line`: the body would otherwise
 * be read as metadata, or metadata as text.
 */
export function parseMarkdownFrontMatter(text: string, file: string): MarkdownFrontMatter {
  const firstEnd = text.indexOf('\n');
  const first = (firstEnd === -1 ? text : text.slice(0, firstEnd)).trimEnd();
  const fence = FENCES.find((f) => f.open === first);
  if (!fence) return { meta: newMeta(), bodyStart: 0 };
  const lines = text.split('\n');
  const meta = newMeta();
  let offset = lines[0].length + 1;
  /** The key whose value the following more-indented lines continue (lists, blocks), and the nesting parent. */
  let open: { key: string; indent: number; block: 'list' | 'text' | 'map' | undefined } | undefined;
  let section = '';
  const set = (key: string, v: string, lineNumber: number) => {
    if (Object.hasOwn(meta, key)) throw new InputError(`${file}:${lineNumber}: front matter key "${key}" appears twice`);
    meta[key] = v;
  };
  const append = (key: string, v: string, separator: string) => {
    meta[key] = meta[key] === '' ? v : `${meta[key]}${separator}${v}`;
  };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const lineNumber = i + 1;
    if (fence.close.includes(line.trimEnd())) return { meta, bodyStart: Math.min(offset + line.length + 1, text.length) };
    offset += line.length + 1;
    const content = line.trim();
    if (content === '' || content.startsWith('#')) continue;
    const indent = indentOf(line);
    if (open && indent > open.indent) {
      if (content.startsWith('- ') || content === '-') {
        if (open.block === 'map') throw new InputError(`${file}:${lineNumber}: front matter list item under "${open.key}", which holds keys`);
        open.block = 'list';
        append(open.key, value(content.slice(1)), ', ');
        continue;
      }
      const nested = open.block !== 'text' && open.block !== 'list' ? /^([^:"'#\s][^:]*):(?:\s+(.*))?$/.exec(content) : null;
      if (nested) {
        if (open.block === undefined && meta[open.key] === '') delete meta[open.key];
        open.block = 'map';
        set(`${open.key}_${keyOf(nested[1], file, lineNumber)}`, value(nested[2] ?? ''), lineNumber);
        continue;
      }
      if (open.block === 'text') {
        append(open.key, content, ' ');
        continue;
      }
    }
    if (fence.separator === '=' && /^\[[^\]]+\]$/.test(content)) {
      section = `${keyOf(content.slice(1, -1).replace(/\./g, '_'), file, lineNumber)}_`;
      continue;
    }
    const pair = fence.separator === ':' ? /^([^:"'#\s][^:]*?):(?:\s+(.*)|$)/.exec(content) : /^([^="'#\s][^=]*?)\s*=\s*(.*)$/.exec(content);
    if (!pair || indent > 0) {
      throw new InputError(
        `${file}:${lineNumber}: front matter line is not "key${fence.separator === ':' ? ':' : ' ='} value": ${JSON.stringify(line)}; is the closing "${fence.close[0]}" missing?`,
      );
    }
    const key = section + keyOf(pair[1], file, lineNumber);
    const raw = (pair[2] ?? '').trim();
    const block = /^[|>][-+]?$/.test(raw);
    set(key, block ? '' : value(raw), lineNumber);
    open = { key, indent, block: block ? 'text' : undefined };
  }
  throw new InputError(`${file}:1: front matter opened with "${fence.open}" is never closed`);
}
