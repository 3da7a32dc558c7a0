// Stopping a run early, cleanly. The overall deadline (--deadline) and Ctrl-C abort one signal that the fact store,
// the SDK clients and the probes honour: the run ends promptly and the report shows what was found so far.
import { setMaxListeners } from 'node:events';
import { EXIT } from '../engine/exit-codes.js';
import { DEFAULT_DEADLINE_MS, RunStopped } from '../core/stop.js';
import { printError } from './stderr.js';

export interface RunControl {
  signal: AbortSignal;
  /** True once the user pressed Ctrl-C: the run exits 130 after reporting. */
  readonly interrupted: boolean;
  /** Ends the deadline timer and the Ctrl-C handler; call once the report is written. */
  dispose(): void;
}

export function controlRun(deadlineMs: number): RunControl {
  const controller = new AbortController();
  // Every pending fact, request and timer listens to this one signal: dozens at once is by design.
  setMaxListeners(0, controller.signal);
  let interrupted = false;
  const timer = setTimeout(
    () => controller.abort(new RunStopped('timeout', `timed out: the run's overall deadline (--deadline ${deadlineMs} ms) passed`)),
    deadlineMs,
  );
  const onInterrupt = () => {
    // A second Ctrl-C means "now": leave without a report (an --output file is still whole or absent).
    if (interrupted) process.exit(EXIT.interrupted);
    interrupted = true;
    controller.abort(new RunStopped('interrupted', 'interrupted (Ctrl-C)'));
  };
  process.on('SIGINT', onInterrupt);
  return {
    signal: controller.signal,
    get interrupted() {
      return interrupted;
    },
    dispose() {
      clearTimeout(timer);
      process.off('SIGINT', onInterrupt);
    },
  };
}

/** What a live command reports back once its output is written. */
export interface ControlledOutcome {
  exitCode: number;
  /** What the command wrote: "the report", "the bundle". */
  wrote: string;
  /** What the stop left undone, in words, e.g. "3 checks could not finish". */
  unfinished: string;
  /** The AWS calls in flight when the run stopped. */
  waitingOn: string[];
}

/**
 * Runs a live command (`check`, `collect`) under its deadline and Ctrl-C. `work` gets the stop signal and returns
 * once its output is written (Ctrl-C from then on only sets the exit code, so files are written whole). A run that
 * stopped early gets one line on stderr saying why; Ctrl-C makes the exit code 130.
 */
export async function runControlled(
  deadlineMs: number | undefined,
  work: (signal: AbortSignal) => Promise<ControlledOutcome>,
): Promise<number> {
  const control = controlRun(deadlineMs ?? DEFAULT_DEADLINE_MS);
  try {
    const { exitCode, wrote, unfinished, waitingOn } = await work(control.signal);
    if (control.signal.aborted) {
      const reason = control.signal.reason as RunStopped;
      const waiting = waitingOn.length ? ` while waiting on ${waitingOn.join(', ')}` : '';
      printError(`${reason.message}${waiting}: ${wrote} shows what was found before that (${unfinished})`);
    }
    return control.interrupted ? EXIT.interrupted : exitCode;
  } catch (error) {
    if (error instanceof RunStopped && error.kind === 'interrupted') {
      printError(`${error.message} before anything was checked`);
      return EXIT.interrupted;
    }
    throw error;
  } finally {
    control.dispose();
  }
}
