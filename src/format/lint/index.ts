import { LINT_FORMATTERS as TEXT_FORMATTERS, type LintFormatter } from './text.js';
import { checkstyle } from './checkstyle.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { rdjson } from './rdjson.js';
import { sarif } from './sarif.js';

/** Every `tifa lint --format`: for people (stylish, compact), scripts (json) and CI tools (the rest). */
export const LINT_FORMATTERS: Readonly<Record<string, LintFormatter>> = { ...TEXT_FORMATTERS, github, checkstyle, junit, sarif, rdjson };
