import { Command, CommanderError } from 'commander';
import { printable, TifaError } from '../errors.js';
import { warn } from './terminal.js';
import { writeProblem } from './writeOutput.js';

type CommandFactory = () => Command;

/**
 * Each command's module is imported only when that command runs: loading all of them (and what they import) cost
 * more than the bundled corpus's whole analysis. `tifa --help` and unknown names load them all, `--version` none.
 */
const COMMANDS: Record<string, () => Promise<CommandFactory>> = {
  corpus: async () => (await import('./commands/corpus.js')).corpusCommand,
  segment: async () => (await import('./commands/segment.js')).segmentCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  freq: async () => (await import('./commands/freq.js')).freqCommand,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
  kwic: async () => (await import('./commands/kwic.js')).kwicCommand,
  slogans: async () => (await import('./commands/slogans.js')).slogansCommand,
  themes: async () => (await import('./commands/themes.js')).themesCommand,
  cooc: async () => (await import('./commands/cooc.js')).coocCommand,
  collocates: async () => (await import('./commands/collocates.js')).collocatesCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  plot: async () => (await import('./commands/plot.js')).plotCommand,
  terms: async () => (await import('./commands/terms.js')).termsCommand,
  lexicon: async () => (await import('./commands/lexicon.js')).lexiconCommand,
  merge: async () => (await import('./commands/merge.js')).mergeCommand,
  extract: async () => (await import('./commands/extract.js')).extractCommand,
  cache: async () => (await import('./commands/cache.js')).cacheCommand,
  trend: async () => (await import('./commands/trend.js')).trendCommand,
  keywords: async () => (await import('./commands/keywords.js')).keywordsCommand,
  topics: async () => (await import('./commands/topics.js')).topicsCommand,
  similar: async () => (await import('./commands/similar.js')).similarCommand,
  ca: async () => (await import('./commands/ca.js')).caCommand,
};

/** The command named on the command line (the first argument that is not an option), if it is one of tifa's. */
function chosenCommand(argv: string[]): string | undefined {
  const name = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}

/** Usage errors in the same one-line form as every other tifa error, pointing at the command's help. */
function oneLineErrors(cmd: Command): Command {
  return cmd.exitOverride().configureOutput({
    outputError: (message, write) => {
      const name = cmd.name() === 'tifa' ? 'tifa' : `tifa ${cmd.name()}`;
      write(`tifa: ${message.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see ${name} --help)\n`);
    },
  });
}

async function buildProgram(argv: string[]): Promise<Command> {
  const program = oneLineErrors(
    new Command('tifa')
      .description('tifa (提法): corpus analysis for Chinese policy texts')
      .version('0.1.0')
      .option('--debug', 'print stack traces of errors'),
  );
  const chosen = chosenCommand(argv);
  const versionOnly = chosen === undefined && argv.slice(2).some((arg) => arg === '-V' || arg === '--version');
  const wanted = chosen !== undefined ? [COMMANDS[chosen]] : versionOnly ? [] : Object.values(COMMANDS);
  const factories = await Promise.all(wanted.map((load) => load()));
  for (const make of factories) program.addCommand(oneLineErrors(make()));
  return program;
}

/** Exit quietly when the reader of stdout goes away (`tifa … | head -1`). */
function handleBrokenPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`tifa: ${writeProblem('to standard output', err)}\n`);
    process.exit(2);
  });
}

export async function main(argv: string[]): Promise<number> {
  handleBrokenPipe();
  const debug = argv.includes('--debug');
  try {
    await (await buildProgram(argv)).parseAsync(argv);
    // A command that found something (lint) sets the exit code itself.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander but successes to the user.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof TifaError) {
      warn(printable(err.cliMessage));
      if (debug) process.stderr.write(`${err.stack}\n`);
      return err.exitCode;
    }
    if (debug) throw err;
    warn(`internal error: ${(err as Error).message} (run with --debug for details)`);
    return 70;
  }
}
