/** Errors a user can cause. The CLI turns them into one line on stderr and exit code 2. */
export class TifaError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command line: unknown option value, missing argument, unknown --by field. */
export class UsageError extends TifaError {}

/** Bad input data: missing path, undecodable file, malformed dictionary line or front matter. */
export class InputError extends TifaError {}
