// Stopping a run early, cleanly. The overall deadline (--deadline), Ctrl-C (SIGINT) and the signals a supervisor
// sends — SIGTERM (`timeout`, a cancelled CI job, Kubernetes stopping a pod) and SIGHUP (the terminal or session went
// away) — abort one signal that the fact store, the SDK clients and the probes honour: the run ends promptly and the
// report shows what was found so far.
import { setMaxListeners } from 'node:events';
import { EXIT } from '../engine/exit-codes.js';
import { DEFAULT_DEADLINE_MS, RunStopped } from '../core/stop.js';
import { printError } from './stderr.js';

/** The signals that stop a run, how the stop reads, and the exit code (128 + the signal's number, as shells do). */
const STOP_SIGNALS = {
  SIGINT: { reason: 'interrupted (Ctrl-C)', exitCode: EXIT.interrupted },
  SIGTERM: { reason: 'terminated (SIGTERM)', exitCode: EXIT.terminated },
  SIGHUP: { reason: 'hung up (SIGHUP)', exitCode: EXIT.hangup },
} as const;

type StopSignal = keyof typeof STOP_SIGNALS;

export interface RunControl {
  signal: AbortSignal;
  /** True once a signal stopped the run: it exits 128 + that signal after reporting. */
  readonly interrupted: boolean;
  /** The exit code the signal that stopped the run calls for, or undefined. */
  readonly signalExitCode: number | undefined;
  /** Ends the deadline timer and the signal handlers; call once the report is written. */
  dispose(): void;
}

export function controlRun(deadlineMs: number): RunControl {
  const controller = new AbortController();
  // Every pending fact, request and timer listens to this one signal: dozens at once is by design.
  setMaxListeners(0, controller.signal);
  let stoppedBy: StopSignal | undefined;
  const timer = setTimeout(
    () => controller.abort(new RunStopped('timeout', `timed out: the run's overall deadline (--deadline ${deadlineMs} ms) passed`)),
    deadlineMs,
  );
  const handlers = (Object.keys(STOP_SIGNALS) as StopSignal[]).map((name) => {
    const onSignal = () => {
      // A second signal means "now": leave without a report (an --output file is still whole or absent).
      if (stoppedBy) process.exit(STOP_SIGNALS[name].exitCode);
      stoppedBy = name;
      controller.abort(new RunStopped('interrupted', STOP_SIGNALS[name].reason));
    };
    process.on(name, onSignal);
    return [name, onSignal] as const;
  });
  return {
    signal: controller.signal,
    get interrupted() {
      return stoppedBy !== undefined;
    },
    get signalExitCode() {
      return stoppedBy && STOP_SIGNALS[stoppedBy].exitCode;
    },
    dispose() {
      clearTimeout(timer);
      for (const [name, onSignal] of handlers) process.off(name, onSignal);
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
 * Runs a live command (`check`, `collect`) under its deadline and the stop signals. `work` gets the stop signal and
 * returns once its output is written (a signal from then on only sets the exit code, so files are written whole). A
 * run that stopped early gets one line on stderr saying why; a signal makes the exit code 128 + its number.
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
    return control.signalExitCode ?? exitCode;
  } catch (error) {
    if (error instanceof RunStopped && error.kind === 'interrupted') {
      printError(`${error.message} before anything was checked`);
      return control.signalExitCode ?? EXIT.interrupted;
    }
    throw error;
  } finally {
    control.dispose();
  }
}
