// Analysis of a fleet-wide run, collected a moment ago or read from a bundle: each member goes through exactly the
// analysis of a single-target run (its own checks, by its target's kind and the selection flags), and the run's
// report gathers them, with what could not be looked at as entries of its own. No AWS, no network, no clock.
import type { FleetCollection, Unreached } from '../core/fleet.js';
import { TOOL_NAME, toolVersion } from '../core/version.js';
import { fleetExitCodeFor, type FailOn } from '../engine/exit-codes.js';
import { summarize, type ReportBundle } from '../report/model.js';
import { byWorst, countStatuses, FLEET_REPORT_SCHEMA_VERSION, targetEntry, type FleetReport, type TargetReport } from '../report/fleet-model.js';
import { analyzeCollection, checksFor, type SelectionOptions } from './pipeline.js';

export function analyzeFleet(collection: FleetCollection, selection: SelectionOptions, bundle?: ReportBundle): FleetReport {
  const analyzed = collection.members.map((member) => targetEntry(analyzeCollection(checksFor(member, selection), member, bundle), member.account));
  const targets = byWorst([...analyzed, ...collection.unreached.map(unreachedEntry)]);
    return {
    schemaVersion: FLEET_REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion() },
    startedAt: collection.collectedAt,
    durationMs: collection.durationMs,
    accounts: collection.accounts,
    regions: collection.regions,
    scopes: collection.scopes,
    skipped: collection.skipped,
    ...(bundle ? { bundle } : {}),
    summary: { targets: countStatuses(targets.map((t) => t.status)), results: summarize(targets.flatMap((t) => t.results)) },
    targets,
  };
}

function unreachedEntry(unreached: Unreached): TargetReport {
  const { failure } = unreached;
  return {
    ...(unreached.account ? { account: unreached.account } : {}),
    ...(unreached.region ? { region: unreached.region } : {}),
    target: { kind: unreached.kind, id: unreached.kind === 'account' ? (unreached.account ?? 'the caller’s account') : '*' },
    status: 'error',
    summary: { pass: 0, warn: 0, fail: 0, error: 0, skip: 0 },
    results: [],
    error: { reason: failure.kind, message: failure.message, ...(failure.iamAction ? { iamAction: failure.iamAction } : {}) },
  };
}

/** The exit code of a fleet-wide run: its worst finding, and anything it could not look at as an error. */
export function fleetExitCode(report: FleetReport, failOn: FailOn): number {
  return fleetExitCodeFor(
    report.targets.flatMap((t) => t.results),
    report.targets.filter((t) => t.error).length,
    failOn,
  );
}
