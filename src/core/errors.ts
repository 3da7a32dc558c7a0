/** Bad input or configuration: the CLI prints the message on one line and exits 2, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
