import { readFileSync } from 'node:fs';
import { readTextFile } from '../corpus/readTextFile.js';
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
  /** Where the entry was read: `file:line` (absent for entries made in code). */
  at?: string;
}

/** The eight themes of policing language the lexicon started with (the seed feature's); dict/README.md. */
export const POLICE_THEMES: readonly string[] = ['政治建警', '改革创新', '基层治理', '执法规范', '安全稳定', '服务发展', '队伍建设', '科技信息化'];

/** Themes of general policy language (reform, development, party building, rule of law, … defence); dict/README.md. */
export const POLICY_THEMES: readonly string[] = [
  '改革开放',
  '经济发展',
  '党的建设',
  '民主法治',
  '国家安全',
  '社会治理',
  '生态文明',
  '民生保障',
  '文化建设',
  '科技创新',
  '外交',
  '国防军队',
  '祖国统一',
];

/** Every theme a slogan may be filed under. */
export const THEMES: readonly string[] = [...POLICE_THEMES, ...POLICY_THEMES];

/**
 * How a written form of a slogan stands: `accepted` (the `variants` column: an official form, counted and never
 * flagged), `discouraged` (counted, lint suggests the canonical form) or `wrong` (a mistake for the slogan:
 * counted as it, lint reports an error). The `discouraged` and `wrong` columns are optional.
 */
export type VariantStatus = 'accepted' | 'discouraged' | 'wrong';
const STATUS_COLUMNS: ReadonlyArray<Exclude<VariantStatus, 'accepted'>> = ['discouraged', 'wrong'];

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
    const marked = STATUS_COLUMNS.flatMap((name) => {
      const i = extraNames.indexOf(name);
      return i < 0 ? [] : splitList(cells[LEXICON_COLUMNS.length + i] ?? '', '|');
    });
    for (const form of [canonical, ...variants, ...marked]) {
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
    entries.push({ canonical, variants, theme, expansion, note, extra, at });
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

/** The forms of one status column of an entry (`discouraged`, `wrong`), `|`-separated. */
function marked(entry: LexiconEntry, status: Exclude<VariantStatus, 'accepted'>): string[] {
  return splitList(entry.extra?.[status] ?? '', '|');
}

/**
 * Every written form mapped to its canonical form: the canonical one, accepted variants, and the discouraged and
 * wrong forms (a use written wrongly is still a use of the slogan; lint says how it is written).
 */
export function lexiconSurfaceForms(entries: readonly LexiconEntry[]): Map<string, string> {
  const forms = new Map<string, string>();
  for (const entry of entries) {
    forms.set(entry.canonical, entry.canonical);
    for (const variant of [...entry.variants, ...marked(entry, 'discouraged'), ...marked(entry, 'wrong')]) forms.set(variant, entry.canonical);
  }
  return forms;
}

/** Each variant form (not the canonical one) with its slogan and status, for lint to judge how a use is written. */
export function variantStatus(entries: readonly LexiconEntry[]): Map<string, { canonical: string; status: VariantStatus }> {
  const status = new Map<string, { canonical: string; status: VariantStatus }>();
  for (const entry of entries) {
    for (const form of entry.variants) status.set(form, { canonical: entry.canonical, status: 'accepted' });
    for (const name of STATUS_COLUMNS) for (const form of marked(entry, name)) status.set(form, { canonical: entry.canonical, status: name });
  }
  return status;
}

/** A user's lexicon file, in any encoding tifa reads (a GBK export from Excel as well as UTF-8), validated. */
export function readLexiconFile(file: string): LexiconEntry[] {
  return parseLexicon(readTextFile(file, 'the lexicon file'), file);
}

/** Which lexicons a command uses: `--lexicon FILE` (repeatable) adds to the bundled one; `--no-bundled-lexicon` drops it. */
export interface LexiconChoice {
  lexicon?: string[];
  /** False with --no-bundled-lexicon. */
  bundledLexicon?: boolean;
}

/**
 * The lexicon of a run: the bundled entries (unless left out), then each file's. An entry of a file replaces a
 * bundled or earlier entry with the same canonical form (the user's theme and variants win); any other form
 * listed twice across the files is an error that names both places.
 */
export function chooseLexicon(choice: LexiconChoice = {}): LexiconEntry[] {
  const files = choice.lexicon ?? [];
  if (files.length === 0) return choice.bundledLexicon === false ? [] : loadBundledLexicon();
  const byCanonical = new Map<string, LexiconEntry>();
  for (const entry of choice.bundledLexicon === false ? [] : loadBundledLexicon()) byCanonical.set(entry.canonical, entry);
  for (const file of files) for (const entry of readLexiconFile(file)) byCanonical.set(entry.canonical, entry);
  const entries = [...byCanonical.values()];
  const place = new Map<string, LexiconEntry>();
  for (const entry of entries) {
    for (const form of [entry.canonical, ...entry.variants, ...marked(entry, 'discouraged'), ...marked(entry, 'wrong')]) {
      const key = foldForm(form);
      const other = place.get(key);
      if (other && other !== entry) {
        throw new InputError(`${entry.at ?? entry.canonical}: "${form}" is already a form of ${other.canonical} (${other.at ?? 'the bundled lexicon'})`);
      }
      place.set(key, entry);
    }
  }
  return entries;
}
