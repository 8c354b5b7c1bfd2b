import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Command } from 'commander';
import { extractedText } from '../../corpus/extractedText.js';
import { listCorpusFiles } from '../../corpus/files.js';
import { documentFromBytes, readBytes } from '../../corpus/readCorpus.js';
import { UsageError } from '../../errors.js';
import { segmenterBreakEvidence } from '../../segment/breakEvidence.js';
import { createSegmenter } from '../../segment/createSegmenter.js';
import { noteForcedEncoding } from '../forcedEncoding.js';
import { writeFileAtomic } from '../writeOutput.js';

interface ExtractFlags {
  out?: string;
  force?: boolean;
  encoding?: string;
}

/** Where a file's text goes under --out: the path itself for one file, NAME.txt inside the folder for several. */
function targetOf(file: string, out: string, several: boolean): string {
  return several ? join(out, `${basename(file, extname(file))}.txt`) : out;
}

export function extractCommand(): Command {
  return new Command('extract')
    .description('print the clean text tifa analyses of web pages, PDF, Word and text files, with their metadata as front matter')
    .argument('<paths...>', 'files or folders')
    .option('--out <path>', 'write the text to PATH (one file) or to NAME.txt files in the folder PATH (several files)')
    .option('--force', 'overwrite existing files under --out')
    .option('--encoding <name>', 'force a decoding (utf8, utf16le, utf16be, gb18030, gbk, big5) instead of detecting it')
    .action((paths: string[], flags: ExtractFlags) => {
      const files = listCorpusFiles(paths);
      noteForcedEncoding(files, flags.encoding);
      const several = files.length > 1 || (flags.out !== undefined && existsSync(flags.out) && statSync(flags.out).isDirectory());
      if (flags.out && several) {
        if (existsSync(flags.out) && !statSync(flags.out).isDirectory()) throw new UsageError(`--out ${flags.out}: several files are extracted, so it must be a folder`);
        mkdirSync(flags.out, { recursive: true });
        const names = new Set(files.map((f) => targetOf(f, flags.out!, true)));
        if (names.size < files.length) throw new UsageError(`--out ${flags.out}: two files would get the same name there; extract them separately`);
      }
      // The segmenter's word evidence at page breaks, as every analysis reads them: this is the text they analyse.
      const breakEvidence = segmenterBreakEvidence(createSegmenter());
      for (const file of files) {
        const text = extractedText(documentFromBytes(readBytes(file), file, { encoding: flags.encoding, breakEvidence }));
        if (flags.out) writeFileAtomic(targetOf(file, flags.out, several), text, Boolean(flags.force));
        else process.stdout.write(text);
      }
    });
}
