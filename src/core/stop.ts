// Why a run stopped before it finished: its overall deadline passed, or the user pressed Ctrl-C. The CLI aborts one
// AbortSignal with a RunStopped reason; the fact store, the SDK clients and the probes all stop waiting on it, and
// every fact still unsettled becomes a failure of this kind, so the checks that needed it report `error`.
import { setMaxListeners } from 'node:events';

export type StopKind = 'timeout' | 'interrupted';

export class RunStopped extends Error {
  constructor(
    readonly kind: StopKind,
    message: string,
  ) {
    super(message);
    this.name = 'RunStopped';
  }
}

/** The overall bound on a run unless --deadline says otherwise: a large directory's calls at the WorkSpaces API's
 *  2 a second fit well inside it, a hung endpoint does not hold a pipeline for long. */
export const DEFAULT_DEADLINE_MS = 300_000;

/** A signal that never aborts, for runs nobody can stop (tests, recorded facts). */
export const NEVER: AbortSignal = new AbortController().signal;
// Every store without a stop signal shares this one; each pending fact listens to it for a moment.
setMaxListeners(0, NEVER);

/** `work`, unless the signal aborts first: then it rejects with the signal's reason (the work is left behind). */
export function untilStopped<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
