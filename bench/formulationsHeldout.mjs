// Recall and top-40 precision of `tifa slogans` on a held-out formulation list: a fixture folder holding list.tsv
// (recurring formulations listed by hand before tifa ran on the texts), verdicts.tsv (hand verdicts on the tool's extra
// finds) and sources.tsv (text name → file under ../shared/corpora/). The default is tests/fixtures/formulations-heldout.
// The texts are PDFs, web pages and Word files; they are turned into plain text here by the steps the lists were counted
// on (the fixtures' README.md: pdftotext -layout, a plain tag strip, word/document.xml unzipped and stripped), so the
// measure does not depend on tifa's own readers.
// Usage: node bench/formulationsHeldout.mjs [--fixture DIR] [--list FILE] [--texts-to DIR] [--original] [extra tifa slogans options…]
//   --list FILE scores another list of the fixture (default list.tsv; e.g. all.tsv, every formulation of the texts);
//   every text of sources.tsv is run and scored for top-40 precision, listed or not.
//   --texts-to DIR writes the plain texts (DIR/TEXT.txt) and stops without running tifa: the texts to list by hand.
//   --original gives tifa the source files themselves (its own web, PDF and Word readers, as a user runs it) instead of
//   the converted texts the lists were counted on; forms that sit only in what the readers drop (page navigation,
//   chrome) are then missed by design.
//   Needs ../shared, pdftotext and unzip; SHOW_MISSED=1 lists the misses.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { score } from './formulationsScore.mjs';

const CORPORA = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));

function option(args, name) {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  if (value === undefined) throw new Error(`${name} needs a value`);
  return value;
}

/** Removes a flag without a value from args; true when it was there. */
function flag(args, name) {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

function run(command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${command}: ${r.stderr || r.error}`);
  return r.stdout;
}

/** Layout lines break mid-sentence: lines stripped, page-number lines dropped, joined unless they end a sentence. */
function pdfText(file) {
  const lines = run('pdftotext', ['-layout', file, '-']).split('\n').map((l) => l.trim()).filter((l) => l && !/^[—\-－\s]*\d+[—\-－\s]*$/.test(l));
  return lines.map((l) => (/[。：；！？]$/.test(l) ? `${l}\n` : l)).join('');
}

const ENTITIES = { nbsp: '\u00a0', gt: '>', lt: '<', amp: '&', quot: '"', apos: "'" };
const unescape = (s) => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m));
const nonBlankLines = (s) => s.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');

function htmlText(file) {
  return nonBlankLines(unescape(readFileSync(file, 'utf8')
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/tr>|<\/h\d>/gi, '\n')
    .replace(/<[^>]+>/g, '')));
}

/** A Word file: word/document.xml, one line per paragraph (</w:p>) or line break (<w:br/>), other tags removed. */
function docxText(file) {
  return nonBlankLines(unescape(run('unzip', ['-p', file, 'word/document.xml'])
    .replace(/<\/w:p>|<w:br\/>/g, '\n')
    .replace(/<[^>]+>/g, '')));
}

const plainText = (file) => (file.endsWith('.pdf') ? pdfText(file) : file.endsWith('.docx') ? docxText(file) : htmlText(file));

const args = process.argv.slice(2);
const fixture = resolve(option(args, '--fixture') ?? fileURLToPath(new URL('../tests/fixtures/formulations-heldout/', import.meta.url)));
const list = option(args, '--list') ?? 'list.tsv';
const textsTo = option(args, '--texts-to');
const original = flag(args, '--original');
const rows = readFileSync(join(fixture, 'sources.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1);
// The converters are Debian packages, not npm ones: a machine without one is told which, in one line, and the bench
// stops there (exit 0: nothing was measured, nothing failed) instead of dying inside spawnSync.
const TOOLS = [['.pdf', 'pdftotext', 'poppler-utils'], ['.docx', 'unzip', 'unzip']];
if (!existsSync(CORPORA)) {
  console.error(`formulationsHeldout: skipped: no ${CORPORA} beside the clone (the fixture's sources are there)`);
  process.exit(0);
}
const missing = TOOLS.filter(([ext, tool]) => rows.some((l) => l.split('\t')[1]?.endsWith(ext)) && spawnSync(tool, ['-v']).error?.code === 'ENOENT');
if (missing.length > 0) {
  console.error(`formulationsHeldout: skipped: ${missing.map(([, tool, pkg]) => `${tool} is not installed (Debian package ${pkg})`).join(', ')}; it turns the fixture's sources into the texts the lists were counted on`);
  process.exit(0);
}
const dir = textsTo ?? mkdtempSync(join(tmpdir(), 'tifa-heldout-'));
mkdirSync(dir, { recursive: true });
for (const [text, source] of rows.map((l) => l.split('\t'))) writeFileSync(join(dir, `${text}.txt`), plainText(join(CORPORA, source)));
const texts = rows.map((l) => l.split('\t')[0]);
const sourceOf = new Map(rows.map((l) => l.split('\t')));
const pathOf = original ? (text) => join(CORPORA, sourceOf.get(text)) : (text) => join(dir, `${text}.txt`);
if (textsTo === undefined) score(join(fixture, list), join(fixture, 'verdicts.tsv'), pathOf, args, texts, join(fixture, 'candidates.tsv'));
