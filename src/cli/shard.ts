import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { listCorpusFiles } from '../corpus/files.js';
import { InputError } from '../errors.js';
import { readBytes } from '../corpus/readTextFile.js';
import { createSegmenter } from '../segment/createSegmenter.js';
import { corpusPaths } from './openCorpus.js';
import type { CorpusFlags } from './options.js';

/**
 * A shard: the complete counts of one command over part of a corpus (`--shard`), and everything they were
 * counted with, so that `tifa merge` can give exactly the table of one run, or refuse shards that overlap or
 * were counted differently. The format is versioned; `counts` is the command's own (mergeFrequency.ts,
 * mergeSlogans.ts).
 */
export interface Shard {
  tifa_shard: typeof SHARD_VERSION;
  command: string;
  /** The command's options, those that change counts or tables; a --meta table by its SHA-1. */
  options: Record<string, unknown>;
  /** The segmentation: backend and a digest of every dictionary and lexicon form it loads. */
  segmenter: string;
  /** The files counted: name and SHA-1 of the bytes (what makes two shards overlap). */
  files: Array<{ name: string; sha1: string }>;
  counts: unknown;
}

export const SHARD_VERSION = 1;

/**
 * Flags that decide where output goes, how fast it comes or which files are read: shards may differ in them.
 * --dict is in the segmenter digest, --meta and --lexicon in their own; the paths may differ from host to host.
 * slogans --quoted-from is in the shard's own stamp of quoted forms (corpusQuotes.ts).
 */
const NOT_COUNTED = new Set(['format', 'output', 'force', 'bom', 'shard', 'jobs', 'cache', 'skipBad', 'dict', 'meta', 'lexicon', 'counts', 'quotedFrom']);

const sha1 = (bytes: Buffer | string) => createHash('sha1').update(bytes).digest('hex');

/** The options a shard records, keys sorted so that two shards compare as JSON. */
function countedOptions(flags: Record<string, unknown>): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const key of Object.keys(flags).sort()) {
    if (!NOT_COUNTED.has(key) && flags[key] !== undefined) options[key] = flags[key];
  }
  if (typeof flags.meta === 'string') options.meta = sha1(readFileSync(flags.meta));
  if (Array.isArray(flags.lexicon)) options.lexicon = flags.lexicon.map((file: string) => sha1(readFileSync(file)));
  return options;
}

/** The shard JSON of a command's counts over `paths`. */
export function shardJson(command: string, paths: string[] | undefined, flags: CorpusFlags & { terms?: unknown }, counts: unknown): string {
  const segmenter = createSegmenter({ backend: flags.segmenter, userDicts: flags.dict, compound: flags.compound }).key;
  const files = listCorpusFiles(corpusPaths(paths)).map((file) => ({ name: basename(file), sha1: sha1(readBytes(file)) }));
  const shard: Shard = { tifa_shard: SHARD_VERSION, command, options: countedOptions(flags as unknown as Record<string, unknown>), segmenter, files, counts };
  return `${JSON.stringify(shard)}\n`;
}

export interface ShardFile {
  file: string;
  shard: Shard;
}

export function readShard(file: string): ShardFile {
  const text = readBytes(file, 'shard').toString('utf8');
  let shard: Shard | undefined;
  try {
    shard = JSON.parse(text);
  } catch {
    shard = undefined;
  }
  if (!shard || typeof shard !== 'object' || typeof shard.command !== 'string' || !Array.isArray(shard.files)) {
    throw new InputError(`${file}: not a tifa shard (write one with --shard, e.g. tifa freq DIR --shard -o part.json)`);
  }
  if (shard.tifa_shard !== SHARD_VERSION) throw new InputError(`${file}: a shard of format ${shard.tifa_shard}; this tifa reads format ${SHARD_VERSION}`);
  return { file, shard };
}

/** --min-count for minCount: how the user wrote the option. */
const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const shown = (key: string, value: unknown) => (value === undefined ? `no ${flagName(key)}` : `${flagName(key)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);

/**
 * Shards merge only if they are of one command, counted with the same options and segmentation, and share no
 * file; otherwise one line names the two shards and what differs (a doubled count is never a result).
 */
export function checkShards(shards: readonly ShardFile[]): void {
  const [first] = shards;
  // By content: the same document copied into two shards is counted twice, whatever its path there.
  const seen = new Map<string, { index: number; file: string; name: string }>();
  shards.forEach(({ file, shard }, index) => {
    const pair = `${first.file} and ${file}`;
    if (shard.command !== first.shard.command) throw new InputError(`${pair} are shards of different commands (${first.shard.command}, ${shard.command})`);
    if (shard.segmenter !== first.shard.segmenter) {
      throw new InputError(`${pair} were segmented differently (${first.shard.segmenter.split(':')[0]}, ${shard.segmenter.split(':')[0]}: backend, --dict or lexicon)`);
    }
    const keys = [...new Set([...Object.keys(first.shard.options), ...Object.keys(shard.options)])].sort();
    const differs = keys.find((k) => JSON.stringify(first.shard.options[k]) !== JSON.stringify(shard.options[k]));
    if (differs !== undefined) {
      throw new InputError(`${pair} were counted with different options: ${shown(differs, first.shard.options[differs])}, ${shown(differs, shard.options[differs])}`);
    }
    for (const { name, sha1: digest } of shard.files) {
      const earlier = seen.get(digest);
      if (earlier && earlier.index !== index) {
        throw new InputError(`${earlier.file} and ${file} overlap: both count ${earlier.name === name ? name : `${earlier.name} (${name})`}`);
      }
      seen.set(digest, { index, file, name });
    }
  });
}
