// `wsdoctor check`: resolve the target and Region, collect the facts the selected checks need, analyze, report.
import { CHECKS } from '../../checks/index.js';
import { UsageError } from '../engine/errors.js';
import { exitCodeFor, type FailOn } from '../engine/exit-codes.js';
import { describeSelection, selectChecks } from '../engine/registry.js';
import { factsNeeded, runChecks } from '../engine/runner.js';
import { primaryTarget, scopesOf, type Targets } from '../engine/targets.js';
import type { Severity } from '../engine/types.js';
import { AwsClients } from '../facts/aws/clients.js';
import { FACTS, iamActionsFor, targetFactsFor } from '../facts/index.js';
import { LiveFactStore } from '../facts/store.js';
import type { FactName, FactOutcome } from '../facts/types.js';
import { REPORT_SCHEMA_VERSION, summarize, type Report, type ReportFormat } from '../report/model.js';
import { TOOL_NAME, toolVersion } from '../version.js';
import { checkDestinations, emitReport } from './emit.js';
import type { ReportSpec } from './validate.js';
import { resolveRegion, validateRegion } from './region.js';
import { startSpinner } from './spinner.js';

export interface CheckCommandOptions {
  directory?: string;
  workspace?: string;
  bundle?: string[];
  imageBuilder?: string;
  client?: boolean;
  probeHost?: string[];
  local?: boolean;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  format: ReportFormat;
  output?: string;
  report?: ReportSpec<ReportFormat>[];
  failOn: FailOn;
  only?: string[];
  skip?: string[];
  tag?: string[];
  severity?: Severity[];
  timeout: number;
  maxAttempts: number;
  clientIp?: string;
}

export interface CheckHooks {
  /** Called with the IAM action of every AWS call the run sends (--debug logs them; tests record them). */
  onCall?: (iamAction: string) => void;
}

export async function runCheckCommand(options: CheckCommandOptions, hooks: CheckHooks = {}): Promise<number> {
  const targets = targetsOf(options);
  const scopes = scopesOf(targets);
  if (scopes.length === 0) {
    throw new UsageError('nothing to check: name a target, e.g. --directory d-1234567890, --image-builder <name>, --client or --local');
  }
  const selection = { only: options.only, skip: options.skip, tags: options.tag, severities: options.severity };
  const checks = selectChecks(CHECKS, { scopes, ...selection });
  if (checks.length === 0) {
    throw new UsageError(
      `no check for a ${scopes.join(' or ')} target matches ${describeSelection(selection)} (\`wsdoctor list\` shows ids, tags and severities)`,
    );
  }
  const emit = { format: options.format, output: options.output, reports: options.report, failOn: options.failOn };
  await checkDestinations(emit);

  const region = checks.every((c) => c.meta.scope === 'local')
    ? await regionIfConfigured(options)
    : await resolveRegion(options.region, options.profile);
  // Without --endpoint-url the SDK itself honours AWS_ENDPOINT_URL and the per-service AWS_ENDPOINT_URL_<SERVICE>
  // (e.g. AWS_ENDPOINT_URL_APPSTREAM); passing either here would override the per-service ones.
  const aws = new AwsClients({
    region,
    timeoutMs: options.timeout,
    maxAttempts: options.maxAttempts,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    ...(hooks.onCall ? { onCall: hooks.onCall } : {}),
  });
  // The target itself, and the ids named with it, are always looked up, so an unknown id is an input error rather
  // than a page of errors.
  const lookups = [...targetFactsFor(new Set(checks.map((c) => c.meta.scope))), ...namedIdFacts(targets)];
  // Only runs that read AWS need credentials: client probes and checks of this machine run without any.
  if (iamActionsFor([...factsNeeded(checks), ...lookups]).length > 0) await requireCredentials(aws, options.profile);

  const startedAt = new Date();
  const store = new LiveFactStore(FACTS, { aws, targets, region, timeoutMs: options.timeout });
  const spinner = await startSpinner(`Checking ${primaryTarget(targets).kind} ${primaryTarget(targets).id} in ${region}`);
  let run;
  try {
    [run] = await Promise.all([
      runChecks(checks, store, {
        region,
        collectedAt: startedAt.toISOString(),
        options: {
          ...(options.bundle ? { bundleIds: options.bundle } : {}),
          ...(options.workspace ? { workspaceId: options.workspace } : {}),
          ...(options.clientIp ? { clientIp: options.clientIp } : {}),
        },
      }),
      ...lookups.map((name) => store.settle(name)),
    ]);
  } finally {
    spinner.stop();
  }
  rejectUnusableRun(await store.outcomes());

  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion() },
    target: primaryTarget(targets),
    region,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    summary: summarize(run.findings),
    results: run.findings,
  };
  await emitReport(report, emit);
  return exitCodeFor(run.findings, options.failOn);
}

/** The facts that look up the ids named with the target (--workspace, --bundle): each fails with TargetNotFound
 *  for an id that does not exist. */
function namedIdFacts(targets: Targets): FactName[] {
  return [
    ...(targets.workspaceId ? (['workspaces'] as const) : []),
    ...(targets.bundleIds?.length ? (['bundles'] as const) : []),
  ];
}

function targetsOf(options: CheckCommandOptions): Targets {
  if ((options.workspace || options.bundle) && !options.directory) {
    throw new UsageError(
      options.workspace
        ? '--workspace works within a directory: add --directory <id> (the directory the WorkSpace belongs to)'
        : '--bundle works within a directory: add --directory <id> (the directory you will launch the bundle in)',
    );
  }
  if (options.probeHost?.length && !options.client) throw new UsageError('--probe-host goes with --client');
  return {
    ...(options.directory ? { directoryId: options.directory } : {}),
    ...(options.workspace ? { workspaceId: options.workspace } : {}),
    ...(options.bundle ? { bundleIds: options.bundle } : {}),
    ...(options.imageBuilder ? { imageBuilderName: options.imageBuilder } : {}),
    ...(options.client ? { client: true } : {}),
    ...(options.probeHost?.length ? { probeHosts: options.probeHost } : {}),
    ...(options.local ? { local: true } : {}),
  };
}

/** Checks of this machine need no Region: one is recorded when configured, never demanded. */
async function regionIfConfigured(options: CheckCommandOptions): Promise<string> {
  if (options.region) return validateRegion(options.region, '--region');
  return resolveRegion(undefined, options.profile).catch(() => 'none');
}

async function requireCredentials(aws: AwsClients, profile: string | undefined): Promise<void> {
  try {
    await (await aws.credentials())();
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const hint = profile
      ? `for profile "${profile}" (for SSO profiles run \`aws sso login --profile ${profile}\`)`
      : '(set AWS_PROFILE or pass --profile, or configure credentials as for the AWS CLI)';
    throw new UsageError(`no usable AWS credentials ${hint}: ${detail}`);
  }
}

/** Conditions that make the whole report meaningless are input/configuration errors (exit 2), not findings. */
function rejectUnusableRun(facts: Partial<Record<FactName, FactOutcome>>): void {
  for (const outcome of Object.values(facts)) {
    if (outcome.ok) continue;
    if (outcome.failure.code === 'TargetNotFound') throw new UsageError(outcome.failure.message);
    if (outcome.failure.kind === 'credentials') throw new UsageError(outcome.failure.message);
  }
}
