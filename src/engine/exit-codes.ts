import type { Finding } from './types.js';

export const EXIT = {
  /** Nothing failed and nothing errored. */
  ok: 0,
  /** At least one check failed. */
  fail: 1,
  /** Usage, input or configuration error: nothing was checked. */
  usage: 2,
  /** No check failed, but at least one could not look (error): the run is incomplete. */
  incomplete: 3,
  /** wsdoctor itself crashed: a bug to report. */
  internal: 4,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export function exitCodeFor(findings: readonly Finding[]): number {
  if (findings.some((f) => f.status === 'fail')) return EXIT.fail;
  if (findings.some((f) => f.status === 'error')) return EXIT.incomplete;
  return EXIT.ok;
}
