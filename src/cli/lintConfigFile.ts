import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { CONFIG_FILE_NAME, parseLintConfig, type LintConfig } from '../lint/config.js';

/** The config given with --config, else `.tifalintrc.json` in `cwd`, else an empty one. */
export function loadLintConfig(cwd: string, file?: string): LintConfig {
  const path = file ?? join(cwd, CONFIG_FILE_NAME);
  if (file === undefined && !existsSync(path)) return { rules: {}, ignore: [], allow: [], variants: {}, baseDir: cwd };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`${path}: cannot read the lint config file`);
  }
  return parseLintConfig(text, path);
}
