// The report of a fleet-wide run (`check --all`): one report for the whole run, the JSON contract for machines
// (schemaVersion 2). Each target's entry is a single-target report (schemaVersion 1's target, Region, times,
// summary and results) plus its account and its worst status; what could not be looked at (an account whose role
// could not be assumed, a Region where a kind of target could not be listed) is an entry too, with `error` saying
// why and no results. A single-target run's report is unchanged (schemaVersion 1).
import type { FactFailureKind } from '../core/failure.js';
import type { Skipped } from '../core/fleet.js';
import type { Scope } from '../core/scopes.js';
import { STATUS_ORDER, type Finding, type Status } from '../engine/types.js';
import type { Report, ReportBundle } from './model.js';

export const FLEET_REPORT_SCHEMA_VERSION = 2;

export interface TargetReport {
  /** The account (12 digits), when known. */
  account?: string;
  /** The Region; absent for an account that could not be entered. */
  region?: string;
  /** The target; for what could not be looked at, kind `account` (id: the account) or the kind whose listing
   *  failed (id: "*", every target of that kind in the Region). */
  target: { kind: Scope | 'account'; id: string };
  /** The worst status among its results (fail, error, warn, pass, skip, in that order); `error` for an entry
   *  that could not be looked at. */
  status: Status;
  startedAt?: string;
  durationMs?: number;
  summary: Record<Status, number>;
  results: Finding[];
  /** Why it could not be looked at (its `results` are then empty). */
  error?: { reason: FactFailureKind; message: string; iamAction?: string };
}

export interface FleetReport {
  schemaVersion: typeof FLEET_REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  /** When the run started (for a bundle: when `collect --all` ran) and how long collecting took. */
  startedAt: string;
  durationMs: number;
  accounts: string[];
  regions: string[];
  /** The kinds of target the run listed. */
  scopes: Scope[];
  /** Left out on purpose, said once (a Region where the service has no endpoint, a suspended account). */
  skipped: Skipped[];
  bundle?: ReportBundle;
  summary: {
    /** Targets by their worst status. */
    targets: Record<Status, number>;
    /** Every result of every target, by status. */
    results: Record<Status, number>;
  };
  /** Worst first, then by account, Region, kind and id. */
  targets: TargetReport[];
}

/** How many of each status. */
export function countStatuses(statuses: readonly Status[]): Record<Status, number> {
  const counts = { pass: 0, warn: 0, fail: 0, error: 0, skip: 0 };
  for (const status of statuses) counts[status]++;
  return counts;
}

/** The worst status among findings; `skip` when there are none. */
export function worstStatus(statuses: readonly Status[]): Status {
  return STATUS_ORDER.find((status) => statuses.includes(status)) ?? 'skip';
}

/** A target's entry from its single-target report. */
export function targetEntry(report: Report, account?: string): TargetReport {
  return {
    ...(account ? { account } : {}),
    region: report.region,
    // A fleet-wide run's members are live targets, never a plan (check --terraform-plan runs alone).
    target: report.target as TargetReport['target'],
    status: worstStatus(report.results.map((f) => f.status)),
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    summary: report.summary,
    results: report.results,
  };
}

/** Targets ordered for people and machines alike: worst first, then account, Region, kind, id. */
export function byWorst(targets: readonly TargetReport[]): TargetReport[] {
  const key = (t: TargetReport) => [t.account ?? '', t.region ?? '', t.target.kind, t.target.id].join('\u0000');
  return [...targets].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
  );
}

/** Where a target is, as every format names it: "directory d-123 · 111122223333 · us-east-1". */
export function whereOf(target: TargetReport): string {
  const what = target.target.kind === 'account' ? `account ${target.target.id}` : `${target.target.kind} ${target.target.id === '*' ? '(every one)' : target.target.id}`;
  return [what, ...(target.account && target.target.kind !== 'account' ? [target.account] : []), ...(target.region ? [target.region] : [])].join(' · ');
}

/** The single-target report of a target's entry (one that was looked at), for the renderers that compose the
 *  single-target ones. */
export function asReport(fleet: FleetReport, target: TargetReport): Report {
  const { kind, id } = target.target;
  if (kind === 'account' || target.error) throw new Error(`asReport: ${whereOf(target)} was not looked at`);
  return {
    schemaVersion: 1,
    tool: fleet.tool,
    target: { kind, id },
    region: target.region ?? 'none',
    // The account the run entered for this target (its role), which is what its facts name.
    ...(target.account ? { account: target.account } : {}),
    startedAt: target.startedAt ?? fleet.startedAt,
    durationMs: target.durationMs ?? 0,
    ...(fleet.bundle ? { bundle: fleet.bundle } : {}),
    summary: target.summary,
    results: target.results,
  };
}

/** Every finding of the run, each with the target it is about. */
export function allFindings(fleet: FleetReport): { target: TargetReport; finding: Finding }[] {
  return fleet.targets.flatMap((target) => target.results.map((finding) => ({ target, finding })));
}

/** What to do about an entry that could not be looked at: how to let wsdoctor in. */
export function unreachedSteps(target: TargetReport): string[] {
  const error = target.error;
  if (!error) return [];
  if (target.target.kind === 'account' && error.iamAction === 'sts:AssumeRole') {
    return [
      `Create the role in account ${target.target.id} with the read policy and the trust policy that \`wsdoctor iam-policy --all\` prints (the trust policy names who runs wsdoctor, and the external id when one is used).`,
      'Allow the identity wsdoctor runs as to call sts:AssumeRole on that role (the caller policy `wsdoctor iam-policy --all` prints), then run wsdoctor again.',
    ];
  }
  switch (error.reason) {
    case 'denied':
      return [
        `Allow ${error.iamAction ?? 'the action named above'} for the identity wsdoctor reads with in this account (\`wsdoctor iam-policy --all\` prints every action), then run wsdoctor again.`,
      ];
    case 'credentials':
      return [
        'AWS refused the credentials here: the Region may not be enabled for the account (opt-in Regions), or the session expired. Enable the Region or leave it out of --region, then run wsdoctor again.',
      ];
    case 'throttled':
      return ['The AWS API throttled the calls: run wsdoctor again later, or raise --max-attempts so retries back off longer.'];
    case 'timeout':
    case 'unreachable':
      return ['The AWS API endpoint did not answer in time: check the network path from this machine to it, or raise --timeout or --deadline, then run wsdoctor again.'];
    case 'interrupted':
      return ['The run was interrupted (Ctrl-C) before this could be looked at: run wsdoctor again.'];
    default:
      return ['Run wsdoctor again with --debug; if the error persists, report it with that output.'];
  }
}
