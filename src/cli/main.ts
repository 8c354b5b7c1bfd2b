import { Command, CommanderError } from 'commander';
import { TifaError } from '../errors.js';
import { collocatesCommand } from './commands/collocates.js';
import { compareCommand } from './commands/compare.js';
import { coocCommand } from './commands/cooc.js';
import { corpusCommand } from './commands/corpus.js';
import { freqCommand } from './commands/freq.js';
import { importCommand } from './commands/import.js';
import { kwicCommand } from './commands/kwic.js';
import { lintCommand } from './commands/lint.js';
import { mergeCommand } from './commands/merge.js';
import { plotCommand } from './commands/plot.js';
import { reportCommand } from './commands/report.js';
import { segmentCommand } from './commands/segment.js';
import { slogansCommand } from './commands/slogans.js';
import { themesCommand } from './commands/themes.js';
import { termsCommand } from './commands/terms.js';
import { warn } from './context.js';

const COMMANDS = [corpusCommand, segmentCommand, importCommand, freqCommand, compareCommand, kwicCommand, slogansCommand, themesCommand, coocCommand, collocatesCommand, lintCommand, reportCommand, plotCommand, termsCommand, mergeCommand];

/** Usage errors in the same one-line form as every other tifa error, pointing at the command's help. */
function oneLineErrors(cmd: Command): Command {
  return cmd.exitOverride().configureOutput({
    outputError: (message, write) => {
      const name = cmd.name() === 'tifa' ? 'tifa' : `tifa ${cmd.name()}`;
      write(`tifa: ${message.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see ${name} --help)\n`);
    },
  });
}

function buildProgram(): Command {
  const program = oneLineErrors(
    new Command('tifa')
      .description('tifa (提法): corpus analysis for Chinese policy texts')
      .version('0.1.0')
      .option('--debug', 'print stack traces of errors'),
  );
  for (const make of COMMANDS) program.addCommand(oneLineErrors(make()));
  return program;
}

/** Exit quietly when the reader of stdout goes away (`tifa … | head -1`). */
function handleBrokenPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`tifa: cannot write to standard output (${err.code ?? err.message})\n`);
    process.exit(2);
  });
}

export async function main(argv: string[]): Promise<number> {
  handleBrokenPipe();
  const debug = argv.includes('--debug');
  try {
    await buildProgram().parseAsync(argv);
    // A command that found something (lint) sets the exit code itself.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander but successes to the user.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof TifaError) {
      warn(err.message);
      if (debug) process.stderr.write(`${err.stack}\n`);
      return err.exitCode;
    }
    if (debug) throw err;
    warn(`internal error: ${(err as Error).message} (run with --debug for details)`);
    return 70;
  }
}
