import type { LexiconEntry } from '../lexicon/lexicon.js';
import { decodeBuffer, encodeText, type Decoded } from '../corpus/decode.js';
import { listCorpusFiles } from '../corpus/files.js';
import { documentFromBytes, readBytes } from '../corpus/readCorpus.js';
import { detectFormat } from '../corpus/formats.js';
import { readMarkdownSource } from '../corpus/readers/markdown.js';
import type { Format } from '../corpus/document.js';
import { InputError } from '../errors.js';
import { applyFixes } from './applyFixes.js';
import { isIgnored, type LintConfig } from './config.js';
import { linter, lintTexts, type LintInput, type LintOptions } from './linter.js';
import type { LintResult } from './types.js';

export interface LintFilesOptions {
  config: LintConfig;
  /** Run only these rules (`--rule`). */
  only?: readonly string[];
  /** Force a decoding instead of detecting it. */
  encoding?: string;
  /** Work out the safe fixes; nothing is written here, the caller writes `changes`. */
  fix?: boolean;
  /** inconsistent-form compares the files with each other (`--across-files`). */
  acrossFiles?: boolean;
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
  /** The decoded text a result describes (after fixing, when fixing), by file path: formats that count bytes read it. */
  textOf: (filePath: string) => string | undefined;
}

interface SourceFile {
  filePath: string;
  bytes: Buffer;
  decoded: Decoded;
}

/** A web page, PDF or Word file: linted in the text its reader extracts, positions mapped back through its origin. */
function extractedInput(filePath: string, bytes: Buffer, format: Format, options: LintFilesOptions): LintInput {
  // A fix is a rewrite of the text; written back it would replace the page, PDF or manuscript with plain text.
  if (options.fix) throw new InputError(`${filePath}: --fix rewrites text and Markdown files only, not ${format} files; lint it without --fix and correct it in its own editor`);
  const doc = documentFromBytes(bytes, filePath, { encoding: options.encoding });
  return { filePath, text: doc.text, origin: doc.origin };
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

/**
 * A Markdown file: linted in the text a reader sees (markup would raise false alarms: `**` inside a formulation,
 * `#` before a heading), at the file's own lines and columns, its fixes mapped back into the file.
 */
function markdownInput(filePath: string, source: string): LintInput {
  const { text, origin } = readMarkdownSource(source, filePath);
  return { filePath, text, origin, source: { text: source, offsetOf: (offset) => origin.toOriginal(offset) } };
}

/** The text of the file a result's lines, columns and fixes refer to. */
const fileText = (input: LintInput) => input.source?.text ?? input.text;

/** A file to lint: a text or Markdown file as it is on disk (so --fix can rewrite it), other formats through their reader. */
function readInput(filePath: string, options: LintFilesOptions): { input: LintInput; file?: SourceFile } {
  const bytes = readBytes(filePath);
  const format = detectFormat(bytes, filePath);
  if (format !== 'text' && format !== 'markdown') return { input: extractedInput(filePath, bytes, format, options) };
  const decoded = decodeBuffer(bytes, filePath, options.encoding);
  const input = format === 'markdown' ? markdownInput(filePath, decoded.text) : { filePath, text: decoded.text };
  return { input, file: { filePath, bytes, decoded } };
}

/** Lints files and folders (ignored files left out) and, with `fix`, works out the rewrite of each fixable file. */
export function lintFiles(paths: string[], options: LintFilesOptions): LintRun {
  const listed = listCorpusFiles(paths).filter((f) => !isIgnored(options.config, f));
  const lintOptions: LintOptions = {
    only: options.only,
    settings: options.config.rules,
    allow: options.config.allow,
    variants: options.config.variants,
    acrossFiles: options.acrossFiles,
    lexicon: options.lexicon,
  };
  if (!options.fix && !options.acrossFiles) {
    // Nothing to rewrite and no file compared with another: each file is read, linted and let go, so memory
    // follows one file and the findings. A format that needs a text reads its file again.
    const lint = linter(lintOptions);
    const results = listed.flatMap((filePath) => lint([readInput(filePath, options).input]));
    let last: LintInput | undefined;
    const textOf = (filePath: string) => fileText(last?.filePath === filePath ? last : (last = readInput(filePath, options).input));
    return { results, changes: [], unfixable: [], textOf };
  }
  const files: SourceFile[] = [];
  const inputs: LintInput[] = [];
  for (const filePath of listed) {
    const { input, file } = readInput(filePath, options);
    inputs.push(input);
    if (file) files.push(file);
  }
  const results = lintTexts(inputs, lintOptions);
  const texts = () => {
    const byPath = new Map(inputs.map((input) => [input.filePath, fileText(input)]));
    return (filePath: string) => byPath.get(filePath);
  };
  if (!options.fix) return { results, changes: [], unfixable: [], textOf: texts() };
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
    inputs[i] = inputs[i].source ? markdownInput(file.filePath, after) : { filePath: file.filePath, text: after };
  });
  // Fixed files are linted again, so positions and the corpus-wide comparison describe the new texts.
  return { results: changes.length > 0 ? lintTexts(inputs, lintOptions) : results, changes, unfixable, textOf: texts() };
}
