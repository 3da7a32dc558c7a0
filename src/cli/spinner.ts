// A spinner on stderr, only when stderr is a terminal: pipes, files and CI logs get nothing from it.
export interface Spinner {
  stop(): void;
  /** New text (a fleet-wide run's "Checked 12 of 30 targets"). */
  update?(text: string): void;
}

export async function startSpinner(text: string): Promise<Spinner> {
  if (!process.stderr.isTTY || process.env.CI) return { stop() {} };
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: process.stderr, discardStdin: false }).start();
  return { stop: () => spinner.stop(), update: (next) => void (spinner.text = next) };
}
