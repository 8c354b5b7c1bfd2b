import { chooseLexicon, type LexiconChoice } from '../../lexicon/lexicon.js';
import { Command, Option } from 'commander';
import { listCorpusFiles } from '../../corpus/files.js';
import { STDIN } from '../../corpus/stdin.js';
import { UsageError } from '../../errors.js';
import { loadLintConfig } from '../lintConfigFile.js';
import { LINT_FORMATTERS } from '../../format/lint/index.js';
import { unifiedDiff } from '../../lint/lineDiff.js';
import { lintFiles } from '../../lint/lintFiles.js';
import { RULE_IDS } from '../../lint/rules/index.js';
import { noteForcedEncoding } from '../forcedEncoding.js';
import { colorFor, warn } from '../terminal.js';
import { corpusPaths } from '../openCorpus.js';
import { commaList } from '../options.js';
import { emit, replaceReadFile } from '../writeOutput.js';

interface LintFlags extends LexiconChoice {
  format: string;
  fix?: boolean;
  dryRun?: boolean;
  force?: boolean;
  rule?: string;
  config?: string;
  encoding?: string;
  maxWarnings?: number;
  acrossFiles?: boolean;
}

function warningLimit(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of warnings, not "${value}"`);
  return Number(value);
}

function ruleList(value: string): string[] {
  const ids = commaList(value);
  const unknown = ids.find((id) => !RULE_IDS.includes(id));
  if (unknown !== undefined) throw new UsageError(`unknown rule "${unknown}"; rules are ${RULE_IDS.join(', ')}`);
  return ids;
}

export function lintCommand(): Command {
  return new Command('lint')
    .description('check slogans and extraction damage: variants, inconsistent forms, quotes, punctuation, dashes for 一, page breaks')
    .argument('[paths...]', 'files or folders (default: the bundled corpus)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(Object.keys(LINT_FORMATTERS)).default('stylish'))
    .option('--fix', 'apply the safe fixes (spaces and ＋ in slogans, quote style, page-break joins) in place; text and Markdown files only')
    .option('--dry-run', 'with --fix (implied): print a unified diff of the fixes instead of writing them')
    .option('--force', 'with --fix: also fix read-only files')
    .option('--rule <ids>', `run only these rules (comma-separated): ${RULE_IDS.join(', ')}`)
    .option('--config <file>', 'lint config (default: .tifalintrc.json in the current folder, if any)')
    .option('--encoding <name>', 'force a decoding (utf8, utf16le, utf16be, gb18030, gbk, big5) instead of detecting it')
    .option('--across-files', 'inconsistent-form compares the files of the run with each other, not each file with itself')
    .option('--max-warnings <n>', 'pass (exit 0) with up to n warnings and no error; by default any finding fails the run', warningLimit)
    .option('--lexicon <file>', 'your own slogan lexicon (dict/slogans.tsv format), added to the bundled one; repeatable', (v: string, p: string[] = []) => [...p, v])
    .option('--no-bundled-lexicon', 'use only the --lexicon files, not the bundled lexicon')
    .action((paths: string[], flags: LintFlags) => {
      const fix = Boolean(flags.fix || flags.dryRun);
      if (flags.fix && !flags.dryRun && paths.includes(STDIN)) {
        throw new UsageError('--fix rewrites files in place, and standard input (-) is not one: give --dry-run for the diff');
      }
      if (flags.encoding !== undefined) noteForcedEncoding(listCorpusFiles(corpusPaths(paths)), flags.encoding);
      const run = lintFiles(corpusPaths(paths), {
        config: loadLintConfig(process.cwd(), flags.config),
        only: flags.rule === undefined ? undefined : ruleList(flags.rule),
        encoding: flags.encoding,
        fix,
        acrossFiles: flags.acrossFiles,
        lexicon: chooseLexicon(flags),
      });
      for (const note of run.unfixable) warn(note);
      const applied = run.changes.reduce((n, c) => n + c.applied, 0);
      if (flags.dryRun) {
        emit(run.changes.map((c) => unifiedDiff(c.filePath, c.before, c.after)).join(''));
        warn(`--dry-run: ${applied} fix(es) in ${run.changes.length} file(s) not written`);
      } else {
        // The user asked for --fix, so the files are replaced (atomically) without --force, unless read-only.
        run.changes.forEach((change, done) => {
          try {
            replaceReadFile(change.filePath, change.original, change.bytes, Boolean(flags.force));
          } catch (err) {
            if (done === 0 || !(err instanceof UsageError)) throw err;
            throw new UsageError(`${err.cliMessage} (the ${done} file(s) before it were fixed)`);
          }
        });
        if (fix) warn(`fixed ${applied} problem(s) in ${run.changes.length} file(s)`);
        emit(LINT_FORMATTERS[flags.format](run.results, { color: colorFor(process.stdout), textOf: run.textOf }));
      }
      // Errors and warnings alike fail the run (a CI job should not pass with findings left), unless --max-warnings
      // allows that many warnings.
      const messages = run.results.flatMap((r) => r.messages);
      const errors = messages.filter((m) => m.severity === 'error').length;
      const allowed = flags.maxWarnings ?? 0;
      if (errors > 0 || messages.length - errors > allowed) process.exitCode = 1;
    });
}
