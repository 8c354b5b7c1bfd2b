import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import { decodeBuffer } from '../../corpus/decode.js';
import { renderArticle, splitIssue } from '../../corpus/importIssue.js';
import { readBytes } from '../../corpus/readCorpus.js';
import { InputError, UsageError } from '../../errors.js';
import { segmenterBreakEvidence } from '../../segment/breakEvidence.js';
import { createSegmenter } from '../../segment/createSegmenter.js';
import { noteForcedEncoding } from '../forcedEncoding.js';
import { printTable } from '../terminal.js';
import { TABLE_FORMATS } from '../../format/formatters.js';
import type { OutputFlags } from '../options.js';
import { writeFilesTogether } from '../writeFolder.js';

interface ImportFlags extends Pick<OutputFlags, 'format' | 'force'> {
  out: string;
  encoding?: string;
}

export function importCommand(): Command {
  const cmd = new Command('import')
    .description('split a compiled issue into one file per article, with metadata and page breaks repaired')
    .argument('<file>', 'the compiled issue as extracted text')
    .requiredOption('--out <dir>', 'folder to write the articles to (created if missing)')
    .option('--encoding <name>', 'force a decoding instead of detecting it')
    .option('--force', 'overwrite article files that already exist')
    .addOption(new Option('-f, --format <format>', 'format of the list of written files').choices(Object.keys(TABLE_FORMATS)).default('table'));
  return cmd.action((file: string, flags: ImportFlags) => {
    const buffer = readBytes(file);
    noteForcedEncoding([file], flags.encoding);
    const { text } = decodeBuffer(buffer, file, flags.encoding);
    const articles = splitIssue(text, basename(file), segmenterBreakEvidence(createSegmenter()));
    if (articles.length === 0) throw new InputError(`${file}: found no articles (no title and author blocks)`);
    const targets = articles.map((a) => join(flags.out, `${a.meta.id}.txt`));
    const existing = targets.filter((t) => existsSync(t));
    if (existing.length > 0 && !flags.force) {
      throw new UsageError(`${existing[0]} exists (${existing.length} of ${targets.length} files); pass --force to overwrite`);
    }
    writeFilesTogether(flags.out, articles.map((a) => ({ name: `${a.meta.id}.txt`, content: renderArticle(a) })), Boolean(flags.force));
    const rows = articles.map((a, i) => ({
      file: targets[i],
      id: a.meta.id,
      city: a.meta.city ?? '',
      author: a.meta.author ?? '',
      title: a.meta.title ?? '',
      paragraphs: a.sourceLines.length,
    }));
    printTable({ columns: ['file', 'id', 'city', 'author', 'title', 'paragraphs'], rows }, { format: flags.format });
  });
}
