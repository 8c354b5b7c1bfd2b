import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { bundledDictPath } from '../bundledDict.js';
import { foldForm } from './fold.js';

/** One slogan (提法) of the curated lexicon, dict/slogans.tsv. */
export interface LexiconEntry {
  canonical: string;
  /** Other written forms of the same slogan, counted as the canonical one. */
  variants: string[];
  theme: string;
  /** The public expansion of a numbered abbreviation (四个意识 → 政治意识, …); empty when there is none. */
  expansion: string[];
  note: string;
  /**
   * Columns after the five above, keyed by their header name (`source`, a per-variant status, …): the parser
   * checks only that the header names them; what they mean belongs to whoever reads them.
   */
  extra: Readonly<Record<string, string>>;
}

/** The eight themes a slogan is filed under; dict/README.md gives the meaning of each. */
export const THEMES: readonly string[] = [
  '政治建警',
  '改革创新',
  '基层治理',
  '执法规范',
  '安全稳定',
  '服务发展',
  '队伍建设',
  '科技信息化',
];

/** The five columns every lexicon starts with, in this order; named columns may follow. */
export const LEXICON_COLUMNS = ['canonical', 'variants', 'theme', 'expansion', 'note'] as const;
const HEADER = LEXICON_COLUMNS.join('\t');
const EXTRA_NAME = /^[a-z][a-z0-9_]*$/;
// Spaces and full-width ＋ are extraction noise that the corpus normaliser removes; a form keeping them would never match.
const NOISE = /[\s＋]/;

function splitList(field: string, separator: string): string[] {
  return field.split(separator).map((s) => s.trim()).filter((s) => s !== '');
}

/** Names of the columns after the fixed five, checked: lower-case, distinct. */
function extraColumns(header: string, file: string): string[] {
  const names = header.split('\t');
  if (names.length < LEXICON_COLUMNS.length || LEXICON_COLUMNS.some((name, i) => names[i] !== name)) {
    throw new InputError(`${file}:1: expected the header "${HEADER.replaceAll('\t', '<TAB>')}" (further named columns allowed)`);
  }
  const extra = names.slice(LEXICON_COLUMNS.length).map((name) => name.trim());
  extra.forEach((name, i) => {
    if (!EXTRA_NAME.test(name)) throw new InputError(`${file}:1: column ${LEXICON_COLUMNS.length + i + 1} needs a lower-case name, got "${name}"`);
    if (extra.indexOf(name) !== i) throw new InputError(`${file}:1: column "${name}" is named twice`);
  });
  return extra;
}

/**
 * Parses the slogan lexicon: a header line, then one slogan a line in tab-separated columns, the five of
 * LEXICON_COLUMNS first; a row may leave out trailing named columns. Every surface form (canonical or variant)
 * may appear once in the whole file, once folded (foldForm), so each written form maps to one slogan.
 */
export function parseLexicon(text: string, file: string): LexiconEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const extraNames = extraColumns(lines[0], file);
  const width = LEXICON_COLUMNS.length + extraNames.length;
  const entries: LexiconEntry[] = [];
  const formLine = new Map<string, number>();
  lines.forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    if (index === 0 || line.trim() === '') return;
    const cells = line.split('\t');
    if (cells.length < LEXICON_COLUMNS.length || cells.length > width) {
      const expected = width === LEXICON_COLUMNS.length ? `${width}` : `${LEXICON_COLUMNS.length} to ${width}`;
      throw new InputError(`${at}: expected ${expected} tab-separated columns, got ${cells.length}`);
    }
    const [canonical, variantField, theme, expansionField, note] = cells.map((c) => c.trim());
    if (canonical === '') throw new InputError(`${at}: empty canonical form`);
    if (!THEMES.includes(theme)) {
      throw new InputError(`${at}: unknown theme "${theme}"; use one of ${THEMES.join(', ')}`);
    }
    const variants = splitList(variantField, '|');
    for (const form of [canonical, ...variants]) {
      if (NOISE.test(form)) throw new InputError(`${at}: "${form}" contains a space or full-width ＋`);
      const key = foldForm(form);
      const seen = formLine.get(key);
      if (seen !== undefined) throw new InputError(`${at}: "${form}" is already listed on line ${seen}`);
      formLine.set(key, index + 1);
    }
    // An item of an expansion may itself contain 、 (两个确立); such expansions separate their items with ；.
    const expansion = splitList(expansionField, expansionField.includes('；') ? '；' : '、');
    const extra: Record<string, string> = {};
    extraNames.forEach((name, i) => (extra[name] = (cells[LEXICON_COLUMNS.length + i] ?? '').trim()));
    entries.push({ canonical, variants, theme, expansion, note, extra });
  });
  return entries;
}

let bundled: LexiconEntry[] | undefined;

/** The lexicon shipped in dict/slogans.tsv, read once per process. */
export function loadBundledLexicon(): LexiconEntry[] {
  if (bundled === undefined) {
    const file = bundledDictPath('slogans.tsv');
    bundled = parseLexicon(readFileSync(file, 'utf8'), file);
  }
  return bundled;
}

/** Every written form (canonical and variants) mapped to its canonical form. */
export function lexiconSurfaceForms(entries: readonly LexiconEntry[]): Map<string, string> {
  const forms = new Map<string, string>();
  for (const entry of entries) {
    forms.set(entry.canonical, entry.canonical);
    for (const variant of entry.variants) forms.set(variant, entry.canonical);
  }
  return forms;
}
