// A progress line on stderr, only when stderr is a terminal: pipes, files and CI logs get nothing from it. It says
// what the run waits on and how far it is ("7/12 facts · waiting on ec2:DescribeRouteTables"), redrawn as that moves.
export interface Spinner {
  stop(): void;
  /** New text (a fleet-wide run's "Checked 12 of 30 targets"). */
  update?(text: string): void;
}

/** Whether a progress line may be drawn: a terminal that can redraw a line (it knows its width: a pseudo-terminal
 *  of 0 columns cannot), and not a CI job. */
export function spinnerWanted(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (stream.columns ?? 0) > 0 && !env.CI && env.TERM !== 'dumb';
}

export interface Progress {
  settled: number;
  total: number;
  /** The AWS calls in flight, as IAM actions. */
  waitingOn: readonly string[];
}

/** "Looking at directory d-… in us-east-1: 7/12 facts · waiting on ec2:DescribeRouteTables (+2 more)". */
export function progressText(what: string, { settled, total, waitingOn }: Progress): string {
  const calls = waitingOn.length
    ? ` · waiting on ${waitingOn.slice(0, 2).join(', ')}${waitingOn.length > 2 ? ` (+${waitingOn.length - 2} more)` : ''}`
    : settled < total
      ? ' · probing'
      : '';
  return `${what}: ${settled}/${total} facts${calls}`;
}

/** `text` is read at every redraw; a fixed text (a fleet-wide run's) changes by `update`. */
export async function startSpinner(initial: string | (() => string), env = process.env): Promise<Spinner> {
  if (!spinnerWanted(process.stderr, env)) return { stop() {} };
  let text = typeof initial === 'string' ? () => initial : initial;
  const { default: ora } = await import('ora');
  const spinner = ora({ text: text(), stream: process.stderr, discardStdin: false }).start();
  // The line is as long as the terminal allows: a wrapped progress line cannot be redrawn in place.
  const fit = (line: string) => {
    const columns = Math.max(20, process.stderr.columns || 80);
    return line.length > columns - 3 ? `${line.slice(0, columns - 4)}…` : line;
  };
  const timer = setInterval(() => (spinner.text = fit(text())), 200);
  timer.unref();
  spinner.text = fit(text());
  return {
    stop: () => {
      clearInterval(timer);
      spinner.stop();
    },
    update: (next) => {
      text = () => next;
      spinner.text = fit(next);
    },
  };
}
