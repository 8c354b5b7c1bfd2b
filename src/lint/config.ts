import { dirname, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { globToRegExp } from './glob.js';
import { RULE_IDS } from './rules/index.js';
import type { Severity } from './types.js';
import { VARIANT_STATUSES, type VariantStatus } from './variantStatus.js';

/** The config file a run picks up from the current folder when no --config is given. */
export const CONFIG_FILE_NAME = '.tifalintrc.json';
const SETTINGS = ['off', 'warning', 'error'];
const KEYS = ['rules', 'ignore', 'allow', 'variants'];

export type RuleSetting = Severity | 'off';

/** `.tifalintrc.json`: rule settings, files to skip, and written forms that are never reported. */
export interface LintConfig {
  rules: Record<string, RuleSetting>;
  /** Globs, relative to `baseDir`. */
  ignore: string[];
  /** Exact written forms (某个写法) that a message never points into. */
  allow: string[];
  /** House style: the status of written variants of lexicon slogans, over the lexicon's own. */
  variants: Record<string, VariantStatus>;
  /** The folder of the config file (the current folder without one): where `ignore` globs start. */
  baseDir: string;
}

function stringList(value: unknown, key: string, file: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw new InputError(`${file}: "${key}" must be a list of non-empty strings`);
  }
  return value;
}

function ruleSettings(value: unknown, file: string): Record<string, RuleSetting> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${file}: "rules" must be an object such as { "dash-for-yi": "off" }`);
  }
  for (const [id, setting] of Object.entries(value)) {
    if (!RULE_IDS.includes(id)) throw new InputError(`${file}: unknown rule "${id}"; rules are ${RULE_IDS.join(', ')}`);
    if (typeof setting !== 'string' || !SETTINGS.includes(setting)) {
      throw new InputError(`${file}: rule "${id}" is set to ${JSON.stringify(setting)}; use "off", "warning" or "error"`);
    }
  }
  return value as Record<string, RuleSetting>;
}

function variantSettings(value: unknown, file: string): Record<string, VariantStatus> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${file}: "variants" must be an object such as { "党中央八项规定": "accepted" }`);
  }
  for (const [form, status] of Object.entries(value)) {
    if (typeof status !== 'string' || !(VARIANT_STATUSES as readonly string[]).includes(status)) {
      throw new InputError(`${file}: variant "${form}" is set to ${JSON.stringify(status)}; use ${VARIANT_STATUSES.map((s) => `"${s}"`).join(', ')}`);
    }
  }
  return value as Record<string, VariantStatus>;
}

/** Parses and checks a config file's text; every problem is an InputError naming the file. */
export function parseLintConfig(text: string, file: string): LintConfig {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InputError(`${file}: expected a JSON object`);
  const unknown = Object.keys(data).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0) throw new InputError(`${file}: unknown key "${unknown[0]}"; keys are ${KEYS.join(', ')}`);
  const fields = data as Record<string, unknown>;
  return {
    rules: ruleSettings(fields.rules, file),
    ignore: stringList(fields.ignore, 'ignore', file),
    allow: stringList(fields.allow, 'allow', file),
    variants: variantSettings(fields.variants, file),
    baseDir: dirname(resolve(file)),
  };
}

/** Whether a file matches one of the config's `ignore` globs (paths relative to the config's folder). */
export function isIgnored(config: LintConfig, file: string): boolean {
  const path = relative(config.baseDir, resolve(file)).split(sep).join('/');
  return config.ignore.some((glob) => globToRegExp(glob).test(path));
}
