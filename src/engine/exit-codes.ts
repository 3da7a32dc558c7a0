import type { Finding, Status } from './types.js';

export const EXIT = {
  /** Nothing at the --fail-on level, and nothing errored. */
  ok: 0,
  /** At least one finding at the --fail-on level (by default: a check failed). */
  fail: 1,
  /** Usage, input or configuration error: nothing was checked. */
  usage: 2,
  /** Nothing at the --fail-on level, but at least one check could not look (error): the run is incomplete. */
  incomplete: 3,
  /** wsdoctor itself crashed: a bug to report. */
  internal: 4,
  /** Interrupted (Ctrl-C): 128 + SIGINT. */
  interrupted: 130,
  /** Hung up (SIGHUP: the terminal or session closed): 128 + SIGHUP. */
  hangup: 129,
  /** Terminated (SIGTERM: `timeout`, a cancelled CI job, Kubernetes stopping a pod): 128 + SIGTERM. */
  terminated: 143,
} as const;

/**
 * What makes a run exit non-zero. The levels nest: `warn` gates on warnings, failures and errors; `fail` (the
 * default) on failures and errors; `error` only on checks that could not look, so findings never break a
 * pipeline that only wants to know the tool ran completely.
 */
export type FailOn = 'warn' | 'fail' | 'error';
export const FAIL_ON_LEVELS: readonly FailOn[] = ['warn', 'fail', 'error'];

/** The statuses that produce exit 1 at a --fail-on level (errors always produce 3, unless 1 applies). */
export function gatingStatuses(failOn: FailOn): Status[] {
  return failOn === 'warn' ? ['fail', 'warn'] : failOn === 'fail' ? ['fail'] : [];
}

export function exitCodeFor(findings: readonly Finding[], failOn: FailOn = 'fail'): number {
  const gating = gatingStatuses(failOn);
  if (findings.some((f) => gating.includes(f.status))) return EXIT.fail;
  if (findings.some((f) => f.status === 'error')) return EXIT.incomplete;
  return EXIT.ok;
}

/**
 * A fleet-wide run: the worst finding of any target decides, as for one target; anything the run could not look at
 * (an account it could not enter, a Region where it could not list targets) counts as an error.
 */
export function fleetExitCodeFor(findings: readonly Finding[], unreached: number, failOn: FailOn = 'fail'): number {
  const code = exitCodeFor(findings, failOn);
  return code === EXIT.ok && unreached > 0 ? EXIT.incomplete : code;
}

/** The documented table: `--help` prints it, and a test holds the README's table to it. */
export const EXIT_CODE_TABLE: readonly { code: number; meaning: string }[] = [
  { code: EXIT.ok, meaning: 'nothing at the --fail-on level and nothing errored' },
  {
    code: EXIT.fail,
    meaning: 'a finding at the --fail-on level: a check failed (fail, the default) or warned (warn); never with error',
  },
  { code: EXIT.usage, meaning: 'usage, input or configuration error: nothing was checked' },
  { code: EXIT.incomplete, meaning: 'nothing at the --fail-on level, but a check could not look (error): the run is incomplete' },
  { code: EXIT.internal, meaning: 'wsdoctor itself crashed: please report it, with the --debug output' },
  {
    code: EXIT.interrupted,
    meaning: 'interrupted (Ctrl-C): the report shows what was found before it; checks it cut off say error: interrupted',
  },
  { code: EXIT.hangup, meaning: 'hung up (SIGHUP): as for Ctrl-C, the report (or bundle) is written with what was found' },
  {
    code: EXIT.terminated,
    meaning: 'terminated (SIGTERM, e.g. timeout or a cancelled CI job): as for Ctrl-C, the report (or bundle) is written with what was found',
  },
];
