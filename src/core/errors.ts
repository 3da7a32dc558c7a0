/** Bad input or configuration: the CLI prints the message on one line and exits 2, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The run could not look at anything, for one reason the user can act on (AWS could not be reached for the target's
 * lookup): one line on stderr naming it, and `exitCode` — not a report with the same error in every check.
 */
export class NothingChecked extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'NothingChecked';
  }
}
