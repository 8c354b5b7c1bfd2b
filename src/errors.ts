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

/**
 * A message as one printable line: control characters (bytes of a bad file echoed back, which a terminal would
 * act on) and line breaks are shown as `\u001b`-style escapes.
 */
export function printable(message: string): string {
  return message.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Bad command line: unknown option value, missing argument, unknown --by field. */
export class UsageError extends TifaError {}

/** Bad input data: missing path, undecodable file, malformed dictionary line or front matter. */
export class InputError extends TifaError {}
