/** Errors a user can cause. The CLI turns them into one line on stderr and exit code 2. */
export class TifaError extends Error {
  readonly exitCode: number = 2;
  /**
   * The message as the command line prints it, naming the flag to use (`--encoding`). `message` itself names
   * no flag: a library caller has options, not flags.
   */
  readonly cliMessage: string;
  constructor(message: string, options: { cli?: string } = {}) {
    super(message);
    this.name = new.target.name;
    this.cliMessage = options.cli ?? message;
  }
}

/** Bad command line: unknown option value, missing argument, unknown --by field. */
export class UsageError extends TifaError {}

/** Bad input data: missing path, undecodable file, malformed dictionary line or front matter. */
export class InputError extends TifaError {}
