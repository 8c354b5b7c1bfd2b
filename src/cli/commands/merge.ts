import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { frequencyTable } from '../../analysis/frequencyTable.js';
import { mergeFrequencyShards } from '../../analysis/mergeFrequency.js';
import { InputError } from '../../errors.js';
import type { Row } from '../../format/table.js';
import { printTable } from '../terminal.js';
import { outputOptions, positiveInt, type OutputFlags } from '../options.js';

function readShard(file: string): { file: string; rows: Row[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`${file}: cannot read file`);
  }
  try {
    const rows = JSON.parse(text);
    if (!Array.isArray(rows)) throw new Error('not an array');
    return { file, rows };
  } catch (err) {
    throw new InputError(`${file}: not a JSON array of rows (${(err as Error).message})`);
  }
}

export function mergeCommand(): Command {
  const cmd = new Command('merge')
    .description('merge `tifa freq --format json` results of corpus shards into the table of one run')
    .argument('<files...>', 'JSON outputs of tifa freq on shards (complete word lists: no --top or --min-count)')
    .option('--top <n>', 'only the n most frequent terms', positiveInt)
    .option('--min-count <n>', 'only terms seen at least n times', positiveInt, 1);
  outputOptions(cmd);
  return cmd.action((files: string[], flags: OutputFlags & { top?: number; minCount: number }) => {
    const { counts, per } = mergeFrequencyShards(files.map(readShard));
    printTable(frequencyTable(counts, { top: flags.top, minCount: flags.minCount, per }), flags);
  });
}
