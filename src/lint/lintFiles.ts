import type { LexiconEntry } from '../lexicon/lexicon.js';
import { decodeBuffer, encodeText, type Decoded } from '../corpus/decode.js';
import { listCorpusFiles } from '../corpus/files.js';
import { readBytes } from '../corpus/readCorpus.js';
import { applyFixes } from './applyFixes.js';
import { isIgnored, type LintConfig } from './config.js';
import { lintTexts, type LintInput, type LintOptions } from './linter.js';
import type { LintResult } from './types.js';

export interface LintFilesOptions {
  config: LintConfig;
  /** Run only these rules (`--rule`). */
  only?: readonly string[];
  /** Force a decoding instead of detecting it. */
  encoding?: string;
  /** Work out the safe fixes; nothing is written here, the caller writes `changes`. */
  fix?: boolean;
  /** The slogan lexicon (default: the bundled one; `--lexicon`, `--no-bundled-lexicon`). */
  lexicon?: readonly LexiconEntry[];
}

/** A file whose safe fixes change it: the new text and the bytes to write, in the file's own encoding. */
export interface FileChange {
  filePath: string;
  /** The bytes that were read and linted: the file is replaced only if it still holds them. */
  original: Buffer;
  before: string;
  after: string;
  bytes: Buffer;
  applied: number;
}

export interface LintRun {
  /** After fixing, when fixing: what is left to do by hand. */
  results: LintResult[];
  changes: FileChange[];
  /** Files whose fixes cannot be written without changing other bytes, with the reason. */
  unfixable: string[];
  /** The decoded text each result describes (after fixing, when fixing), by file path: formats that count bytes read it. */
  texts: ReadonlyMap<string, string>;
}

interface SourceFile {
  filePath: string;
  bytes: Buffer;
  decoded: Decoded;
}

function encodeLike(file: SourceFile, text: string): Buffer {
  const { encoding, bom, eol } = file.decoded;
  return encodeText(text, encoding, bom, eol);
}

/**
 * The bytes of the fixed text, or the reason it cannot be written safely: decoding normalises line endings,
 * so a file that does not re-encode to its own bytes (mixed CRLF and LF) would change beyond the fixes.
 */
function fixedBytes(file: SourceFile, fixed: string): Buffer | string {
  if (!encodeLike(file, file.decoded.text).equals(file.bytes)) return 'its bytes do not round-trip (mixed line endings?)';
  const bytes = encodeLike(file, fixed);
  if (decodeBuffer(bytes, file.filePath, file.decoded.encoding).text !== fixed) return `the fixed text cannot be written in ${file.decoded.encoding}`;
  return bytes;
}

/** Lints files and folders (ignored files left out) and, with `fix`, works out the rewrite of each fixable file. */
export function lintFiles(paths: string[], options: LintFilesOptions): LintRun {
  const files: SourceFile[] = listCorpusFiles(paths)
    .filter((filePath) => !isIgnored(options.config, filePath))
    .map((filePath) => {
      const bytes = readBytes(filePath);
      return { filePath, bytes, decoded: decodeBuffer(bytes, filePath, options.encoding) };
    });
  const lintOptions: LintOptions = { only: options.only, settings: options.config.rules, allow: options.config.allow, lexicon: options.lexicon };
  const inputs: LintInput[] = files.map((f) => ({ filePath: f.filePath, text: f.decoded.text }));
  const results = lintTexts(inputs, lintOptions);
  const textsOf = () => new Map(inputs.map((input) => [input.filePath, input.text]));
  if (!options.fix) return { results, changes: [], unfixable: [], texts: textsOf() };
  const changes: FileChange[] = [];
  const unfixable: string[] = [];
  files.forEach((file, i) => {
    const { text: after, applied } = applyFixes(file.decoded.text, results[i].messages);
    if (applied === 0) return;
    const bytes = fixedBytes(file, after);
    if (typeof bytes === 'string') {
      unfixable.push(`${file.filePath}: not fixed: ${bytes}`);
      return;
    }
    changes.push({ filePath: file.filePath, original: file.bytes, before: file.decoded.text, after, bytes, applied });
    inputs[i] = { filePath: file.filePath, text: after };
  });
  // Fixed files are linted again, so positions and the corpus-wide comparison describe the new texts.
  return { results: changes.length > 0 ? lintTexts(inputs, lintOptions) : results, changes, unfixable, texts: textsOf() };
}
