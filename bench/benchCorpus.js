// What every bench script sets up the same way: its options, the source texts (the government work reports
// beside the clone, else the bundled corpus) and corpora made of copies of them.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const MB = 1024 * 1024;

const args = process.argv.slice(2);
/** The value of --name on the command line, or `fallback`. */
export const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

const gwr = join(root, '..', 'shared', 'corpora', 'gov-work-reports');
/** The folder the bench texts come from. */
export const source = existsSync(gwr) ? gwr : join(root, 'corpus');
/** Its .txt files, in name order. */
export const sourceFiles = readdirSync(source)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(source, f));

/** The source texts repeated, in order, until they hold `mb` MB of UTF-8; and how many bytes they hold. */
export function sourceTexts(mb) {
  const once = sourceFiles.map((file) => readFileSync(file, 'utf8'));
  const texts = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * MB; i++) {
    const text = once[i % once.length];
    texts.push(text);
    bytes += Buffer.byteLength(text);
  }
  return { texts, bytes };
}

/** A corpus of about `mb` MB below `work`: copies of the source files in numbered folders. */
export function scaledCorpus(work, mb) {
  const dir = join(work, `corpus-${mb}mb`);
  let bytes = 0;
  for (let copy = 0; bytes < mb * MB; copy++) {
    const sub = join(dir, `copy${String(copy).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (const file of sourceFiles) {
      if (bytes >= mb * MB) break;
      const target = join(sub, file.split('/').pop());
      copyFileSync(file, target);
      bytes += statSync(target).size;
    }
  }
  return { dir, bytes };
}
