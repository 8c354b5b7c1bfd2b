import { Command } from 'commander';
import { CacheStore, maxCacheBytes } from '../../pipeline/cacheStore.js';
import { defaultCacheDir } from '../../pipeline/tokenCache.js';
import { printTable } from '../terminal.js';
import { outputOptions, type OutputFlags } from '../options.js';

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

export function cacheCommand(): Command {
  const cmd = new Command('cache').description('the token cache ($TIFA_CACHE_DIR, else ~/.cache/tifa; bound: $TIFA_CACHE_MAX_MB)');
  const info = new Command('info').description('where the cache is, its entries and size, its bound and leftover temporary files');
  outputOptions(info);
  info.action((flags: OutputFlags) => {
    const dir = defaultCacheDir();
    const found = new CacheStore(dir).info();
    const row = { folder: dir, entries: found.entries, mb: mb(found.bytes), max_mb: mb(maxCacheBytes()), temp_files: found.temps };
    printTable({ columns: Object.keys(row), rows: [row] }, flags);
  });
  const clear = new Command('clear').description('delete every entry (and temporary file) of the cache');
  clear.action(() => {
    const dir = defaultCacheDir();
    const { files, bytes } = new CacheStore(dir).clear();
    process.stderr.write(`tifa: removed ${files} file(s), ${mb(bytes)} MB, from ${dir}\n`);
  });
  return cmd.addCommand(info).addCommand(clear);
}
