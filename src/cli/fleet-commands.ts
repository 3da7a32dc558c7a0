// `check --all` and `collect --all`, and a fleet bundle given to `check --bundle` or `redact`: the fleet-wide
// forms of the commands, kept beside them (check.ts, collect.ts) so each stays one page. Same rules: inputs checked
// before any AWS call, output paths too; the deadline and Ctrl-C stop the run and the report (or bundle) shows what
// was found; reports and bundles written whole or not at all.
import { printError } from './stderr.js';
import { redactFleetBundle } from '../bundle/redact.js';
import type { FleetBundle } from '../bundle/schema.js';
import { knownSecretValues } from '../bundle/secrets.js';
import { toFleetBundle } from '../bundle/fleet.js';
import { writeBundle } from '../bundle/write.js';
import type { FleetCollection } from '../core/fleet.js';
import { EXIT } from '../engine/exit-codes.js';
import type { ReportBundle } from '../report/model.js';
import { emitOptions } from './check-options.js';
import { checkDestinations, type EmitOptions } from './emit.js';
import { analyzeFleet, fleetExitCode } from './fleet-analysis.js';
import { emitFleetReport } from './fleet-emit.js';
import { collectFleet, fleetKinds, type FleetRunOptions } from './fleet.js';
import { checkOutputPaths } from './output.js';
import { inputsFrom, type RunHooks, type SelectionOptions } from './pipeline.js';
import type { FailOn } from '../engine/exit-codes.js';
import type { ReportFormat } from '../report/model.js';
import type { ReportSpec } from './validate.js';
import { FACTS, OPTIONS } from './registry.js';
import { runControlled } from './run-control.js';

/** `check` as commander hands it over (check.ts's options; declared here so neither module imports the other). */
export interface FleetCheckOptions extends FleetRunOptions, SelectionOptions {
  format: ReportFormat;
  output?: string;
  report?: ReportSpec<ReportFormat>[];
  failOn: FailOn;
  [flag: string]: unknown;
}

/** `collect` as commander hands it over. */
export interface FleetCollectOptions extends FleetRunOptions, SelectionOptions {
  output: string;
  redact?: boolean;
  note?: string;
  [flag: string]: unknown;
}

/** The judgement options of a fleet-wide run (its targets are found, not given): what every target is judged by. */
function judgementOptions(flags: Record<string, unknown>): Record<string, unknown> {
  return inputsFrom(flags).options;
}

export async function runFleetCheck(options: FleetCheckOptions, hooks: RunHooks): Promise<number> {
  const emit: EmitOptions = emitOptions(options);
  const judged = judgementOptions(options);
  const kinds = fleetKinds(options.scope, judged, options);
  await checkDestinations(emit);
  return runControlled(options.deadline, async (signal) => {
    const { collection, waitingOn } = await collectFleet(kinds, judged, options, { ...hooks, signal });
    const report = analyzeFleet(collection, options);
    await emitFleetReport(report, emit);
    const errors = report.summary.results.error + report.summary.targets.error;
    return {
      exitCode: fleetExitCode(report, options.failOn),
      wrote: 'the report',
      unfinished: `${errors} check${errors === 1 ? '' : 's'} or target${errors === 1 ? '' : 's'} could not finish`,
      waitingOn,
    };
  });
}

/** `check --bundle FILE` with a fleet bundle: the whole run analyzed again, offline, as the live run reported it. */
export async function checkFleetBundle(collection: FleetCollection, origin: ReportBundle, options: FleetCheckOptions): Promise<number> {
  const emit: EmitOptions = emitOptions(options);
  // Options that only change how the saved facts are judged (offline ones) replace the bundle's, as for one target.
  const given = judgementOptions(options);
  const judged: FleetCollection = {
    ...collection,
    options: { ...collection.options, ...given },
    members: collection.members.map((m) => ({ ...m, options: { ...m.options, ...given } })),
  };
  const report = analyzeFleet(judged, options satisfies SelectionOptions, origin);
  await emitFleetReport(report, emit);
  return fleetExitCode(report, options.failOn);
}

export async function runFleetCollect(options: FleetCollectOptions, hooks: RunHooks): Promise<number> {
  const judged = judgementOptions(options);
  const kinds = fleetKinds(options.scope, judged, options);
  await checkOutputPaths([{ flag: '--output', path: options.output }]);
  return runControlled(options.deadline, async (signal) => {
    const { collection, secretValues, waitingOn } = await collectFleet(kinds, judged, options, { ...hooks, signal });
    const collected = toFleetBundle(collection, FACTS, options.note);
    const bundle = options.redact ? redactFleetBundle(collected, { facts: FACTS, options: OPTIONS }) : collected;
    await writeBundle(options.output, bundle, knownSecretValues(secretValues));
    const failed = failedFacts(bundle);
    return {
      exitCode: summarizeFleetBundle(bundle, options.output),
      wrote: 'the bundle',
      unfinished: `${failed} fact${failed === 1 ? '' : 's'} could not be collected`,
      waitingOn,
    };
  });
}

/** `redact FILE` with a fleet bundle. */
export async function redactFleet(bundle: FleetBundle, output: string): Promise<number> {
  const redacted = redactFleetBundle(bundle, { facts: FACTS, options: OPTIONS });
  await writeBundle(output, redacted, knownSecretValues());
  return summarizeFleetBundle(redacted, output);
}

/** One line on stderr: what was written, what could not be looked at, what next. */
function summarizeFleetBundle(bundle: FleetBundle, path: string): number {
  const failed = failedFacts(bundle);
  const { unreached, accounts, regions } = bundle.fleet;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const redacted = bundle.redaction
    ? `, redacted (${Object.entries(bundle.redaction.replaced).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'nothing to replace'})`
    : '';
  const problems = [
    ...(failed ? [`${plural(failed, 'fact')} could not be collected`] : []),
    ...(unreached.length ? [`${plural(unreached.length, 'place')} could not be looked at (${unreached.map((u) => [u.kind === 'account' ? 'account' : u.kind, u.account, u.region].filter(Boolean).join(' ')).join('; ')})`] : []),
  ];
  printError(
    `wrote ${path}: ${plural(bundle.members.length, 'target')} in ${plural(accounts.length, 'account')} and ${plural(regions.length, 'Region')}${redacted}` +
      `${problems.length ? `; ${problems.join('; ')} (the bundle says why)` : ''}. Analyze it anywhere with: wsdoctor check --bundle ${path}`,
  );
  return failed > 0 || unreached.length > 0 ? EXIT.incomplete : EXIT.ok;
}

function failedFacts(bundle: FleetBundle): number {
  return bundle.members.reduce(
    (n, m) => n + Object.values(m.facts).filter((r) => !r.ok && r.failure.kind !== 'not-applicable').length,
    0,
  );
}
