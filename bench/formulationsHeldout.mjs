// Recall and top-40 precision of `tifa slogans` on the held-out list (tests/fixtures/formulations-heldout/list.tsv:
// three texts outside the 67 reports the lexicon was mined from, listed by hand before tifa ran on them).
// The texts are a PDF and two web pages; they are turned into plain text here by the steps the list was counted on
// (fixture README.md: pdftotext -layout, a plain tag strip), so the measure does not depend on tifa's own readers.
// Usage: node bench/formulationsHeldout.mjs [extra tifa slogans options…]   (needs ../shared and pdftotext)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { score } from './formulationsScore.mjs';

const HELD = fileURLToPath(new URL('../tests/fixtures/formulations-heldout/', import.meta.url));
const CORPORA = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));
const SOURCES = {
  'beijing-gwr-2024': `${CORPORA}pdf/beijing-gwr-2024.pdf`,
  'gz-thnet-gangao-qingnian-2023-1': `${CORPORA}web-pages/gz-thnet-gangao-qingnian-2023-1.html`,
  'gz-wjw-jiatingyisheng-2023-1930': `${CORPORA}web-pages/gz-wjw-jiatingyisheng-2023-1930.html`,
};

function pdfText(file) {
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`pdftotext: ${run.stderr || run.error}`);
  const lines = run.stdout.split('\n').map((l) => l.trim()).filter((l) => l && !/^[—\-－\s]*\d+[—\-－\s]*$/.test(l));
  return lines.map((l) => (/[。：；！？]$/.test(l) ? `${l}\n` : l)).join('');
}

const ENTITIES = { nbsp: '\u00a0', gt: '>', lt: '<', amp: '&', quot: '"', apos: "'" };
function htmlText(file) {
  const s = readFileSync(file, 'utf8')
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/tr>|<\/h\d>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m));
  return s.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'tifa-heldout-'));
for (const [text, file] of Object.entries(SOURCES)) writeFileSync(join(dir, `${text}.txt`), file.endsWith('.pdf') ? pdfText(file) : htmlText(file));
score(`${HELD}list.tsv`, `${HELD}verdicts.tsv`, (text) => join(dir, `${text}.txt`), process.argv.slice(2));
