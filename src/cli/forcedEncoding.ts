import { closeSync, openSync, readSync } from 'node:fs';
import { decodeBuffer, forcedDecodingDoubt } from '../corpus/decode.js';
import { detectFormat } from '../corpus/formats.js';
import { STDIN, stdinBytes } from '../corpus/stdin.js';
import { firstFew, warn } from './terminal.js';

/** Bytes of each file judged: thousands of characters, read again cheaply from the page cache. */
const HEAD_BYTES = 16 * 1024;

function headOf(file: string): { head: Buffer; partial: boolean } | undefined {
  if (file === STDIN) {
    const bytes = stdinBytes();
    return { head: bytes.subarray(0, HEAD_BYTES), partial: bytes.length > HEAD_BYTES };
  }
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(HEAD_BYTES + 1);
    const n = readSync(fd, head, 0, head.length, 0);
    return { head: head.subarray(0, Math.min(n, HEAD_BYTES)), partial: n > HEAD_BYTES };
  } catch {
    // An unreadable file is reported, in one line, by the read that follows.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What tifa would read the head as without --encoding, when it reads as text at all. */
function detected(head: Buffer, file: string): string | undefined {
  try {
    return decodeBuffer(head, file).encoding;
  } catch {
    return undefined;
  }
}

/**
 * A forced --encoding is the user's call and is obeyed; but a wrong one turns a corpus into mojibake whose counts
 * look like any others. So the text files that do not read as text in it are named, in one line on stderr.
 */
export function noteForcedEncoding(files: readonly string[], encoding: string | undefined): void {
  if (encoding === undefined) return;
  const doubtful: string[] = [];
  const reasons = new Set<string>();
  const wouldBe = new Set<string>();
  for (const file of files) {
    const read = headOf(file);
    if (!read) continue;
    let format;
    try {
      format = detectFormat(read.head, file);
    } catch {
      continue;
    }
    // PDF and Word files carry their own encoding; --encoding does not apply to them.
    if (format === 'pdf' || format === 'docx') continue;
    const doubt = forcedDecodingDoubt(read.head, encoding, read.partial);
    if (doubt === undefined) continue;
    doubtful.push(file);
    if (reasons.size < 2) reasons.add(doubt);
    const other = detected(read.partial ? read.head.subarray(0, read.head.lastIndexOf(0x0a) + 1) : read.head, file);
    if (other !== undefined && other !== encoding) wouldBe.add(other);
  }
  if (doubtful.length === 0) return;
  const suggestion = wouldBe.size > 0 ? `; without --encoding tifa reads ${doubtful.length === 1 ? 'it' : 'them'} as ${[...wouldBe].join(' or ')}` : '';
  warn(
    `--encoding ${encoding} looks wrong for ${doubtful.length} file(s) (${[...reasons].join('; ')}): ${firstFew(doubtful)}${suggestion}; read as forced, counts may be mojibake`,
  );
}
