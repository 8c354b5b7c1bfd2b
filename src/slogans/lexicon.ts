import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { bundledDictPath } from '../segment/dictionary.js';

/** One slogan (提法) of the curated lexicon, dict/slogans.tsv. */
export interface LexiconEntry {
  canonical: string;
  /** Other written forms of the same slogan, counted as the canonical one. */
  variants: string[];
  theme: string;
  /** The public expansion of a numbered abbreviation (四个意识 → 政治意识, …); empty when there is none. */
  expansion: string[];
  note: string;
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

const HEADER = 'canonical\tvariants\ttheme\texpansion\tnote';
const COLUMNS = 5;
// Spaces and full-width ＋ are extraction noise that the corpus normaliser removes; a form keeping them would never match.
const NOISE = /[\s＋]/;

function splitList(field: string, separator: string): string[] {
  return field.split(separator).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * Parses the slogan lexicon: a header line, then one slogan a line in five tab-separated columns. Every
 * surface form (canonical or variant) may appear once in the whole file, so each form maps to one slogan.
 */
export function parseLexicon(text: string, file: string): LexiconEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== HEADER) {
    throw new InputError(`${file}:1: expected the header "${HEADER.replaceAll('\t', '<TAB>')}"`);
  }
  const entries: LexiconEntry[] = [];
  const formLine = new Map<string, number>();
  lines.forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    if (index === 0 || line.trim() === '') return;
    const cells = line.split('\t');
    if (cells.length !== COLUMNS) {
      throw new InputError(`${at}: expected ${COLUMNS} tab-separated columns, got ${cells.length}`);
    }
    const [canonical, variantField, theme, expansionField, note] = cells.map((c) => c.trim());
    if (canonical === '') throw new InputError(`${at}: empty canonical form`);
    if (!THEMES.includes(theme)) {
      throw new InputError(`${at}: unknown theme "${theme}"; use one of ${THEMES.join(', ')}`);
    }
    const variants = splitList(variantField, '|');
    for (const form of [canonical, ...variants]) {
      if (NOISE.test(form)) throw new InputError(`${at}: "${form}" contains a space or full-width ＋`);
      const seen = formLine.get(form);
      if (seen !== undefined) throw new InputError(`${at}: "${form}" is already listed on line ${seen}`);
      formLine.set(form, index + 1);
    }
    // An item of an expansion may itself contain 、 (两个确立); such expansions separate their items with ；.
    const expansion = splitList(expansionField, expansionField.includes('；') ? '；' : '、');
    entries.push({ canonical, variants, theme, expansion, note });
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
