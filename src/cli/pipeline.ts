// The one pipeline behind `check` and `collect`: select the checks for the targets, get the facts they need
// (collected live from AWS and this machine, or recorded in a bundle), analyze them, build the report.
// A live check is "collect, then analyze what was collected", so a bundle analyzed later goes through exactly
// the same analysis as the live run that could have been made instead.
import { CHECKS } from '../../checks/index.js';
import { UsageError } from '../engine/errors.js';
import { describeSelection, selectChecks } from '../engine/registry.js';
import { factsNeeded, runChecks } from '../engine/runner.js';
import { primaryTarget, scopesOf, type Targets } from '../engine/targets.js';
import type { AnyCheck, CheckOptions, Severity } from '../engine/types.js';
import { AwsClients } from '../facts/aws/clients.js';
import { FACTS, iamActionsFor, targetFactsFor } from '../facts/index.js';
import { LiveFactStore, RecordedFactStore } from '../facts/store.js';
import type { FactName, FactOutcome } from '../facts/types.js';
import { REPORT_SCHEMA_VERSION, summarize, type Report, type ReportBundle } from '../report/model.js';
import { RunStopped, untilStopped } from '../engine/stop.js';
import { TOOL_NAME, toolVersion } from '../version.js';
import { resolveRegion, validateRegion } from './region.js';
import { checkEndpointEnvironment } from './validate.js';
import { startSpinner } from './spinner.js';

/** Everything analysis needs: what was looked at, where, when, with which options, and what was found. */
export interface Collection {
  targets: Targets;
  region: string;
  options: CheckOptions;
  /** When collection started (ISO 8601): the time checks see as `ctx.collectedAt`. */
  collectedAt: string;
  durationMs: number;
  /** Every fact settled, the ones other facts depend on included. */
  facts: Partial<Record<FactName, FactOutcome>>;
}

/** The selection flags as commander hands them over (`--tag` → tag, `--severity` → severity). */
export interface SelectionOptions {
  only?: string[];
  skip?: string[];
  tag?: string[];
  severity?: Severity[];
}

/** The checks a run over `targets` makes: by the targets' scopes, then the selection flags. */
export function checksFor(targets: Targets, options: SelectionOptions): AnyCheck[] {
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
  return checks;
}

/** The target flags of a live run. */
export interface TargetFlags {
  directory?: string;
  workspace?: string;
  bundleIds?: string[];
  /** --client-ip: what the IP access control group checks test. */
  clientIp?: string;
  imageBuilder?: string;
  client?: boolean;
  probeHost?: string[];
  local?: boolean;
}

/** The run's targets, and the options checks read that the target flags set. */
export function liveTargets(flags: TargetFlags): { targets: Targets; checkOptions: CheckOptions } {
  if ((flags.workspace || flags.bundleIds?.length) && !flags.directory) {
    throw new UsageError(
      flags.workspace
        ? '--workspace works within a directory: add --directory <id> (the directory the WorkSpace belongs to)'
        : '--bundle works within a directory: add --directory <id> (the directory you will launch the bundle in)',
    );
  }
  if (flags.probeHost?.length && !flags.client) throw new UsageError('--probe-host goes with --client');
  const bundleIds = flags.bundleIds?.length ? { bundleIds: flags.bundleIds } : {};
  const workspaceId = flags.workspace ? { workspaceId: flags.workspace } : {};
  return {
    targets: {
      ...(flags.directory ? { directoryId: flags.directory } : {}),
      ...workspaceId,
      ...bundleIds,
      ...(flags.imageBuilder ? { imageBuilderName: flags.imageBuilder } : {}),
      ...(flags.client ? { client: true } : {}),
      ...(flags.probeHost?.length ? { probeHosts: flags.probeHost } : {}),
      ...(flags.local ? { local: true } : {}),
    },
    checkOptions: { ...bundleIds, ...workspaceId, ...(flags.clientIp ? { clientIp: flags.clientIp } : {}) },
  };
}

/** How to reach AWS for a live run. */
export interface AwsOptions {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  timeout: number;
  maxAttempts: number;
  /** Bound on the whole run, in ms: what has not settled by then is reported as timed out. */
  deadline?: number;
}

export interface RunHooks {
  /** Called with the IAM action of every AWS call the run sends (--debug logs them; tests record them). */
  onCall?: (iamAction: string) => void;
  /** --debug: one line per AWS call as it ends (outcome, attempts, time). */
  trace?: (line: string) => void;
  /** The run's stop signal (--deadline, Ctrl-C, see run-control.ts): every wait of the collection honours it. */
  signal?: AbortSignal;
}

export interface LiveCollection {
  collection: Collection;
  /** The credential values used, so a writer can prove none of them ended up in a file. Never written. */
  secretValues: string[];
  /** The AWS calls still in flight when the run was stopped (deadline, Ctrl-C); empty if it was not. */
  waitingOn: string[];
}

/** Collects, live, every fact `checks` need (each once, independent ones concurrently). */
export async function collectLive(
  checks: readonly AnyCheck[],
  targets: Targets,
  options: CheckOptions,
  awsOptions: AwsOptions,
  hooks: RunHooks = {},
): Promise<LiveCollection> {
  const region = checks.every((c) => c.meta.scope === 'local')
    ? await regionIfConfigured(awsOptions)
    : await resolveRegion(awsOptions.region, awsOptions.profile);
  if (!awsOptions.endpointUrl) checkEndpointEnvironment();
  // Without --endpoint-url the SDK itself honours AWS_ENDPOINT_URL and the per-service AWS_ENDPOINT_URL_<SERVICE>
  // (e.g. AWS_ENDPOINT_URL_APPSTREAM); passing either here would override the per-service ones.
  const aws = new AwsClients({
    region,
    timeoutMs: awsOptions.timeout,
    maxAttempts: awsOptions.maxAttempts,
    ...(awsOptions.profile ? { profile: awsOptions.profile } : {}),
    ...(awsOptions.endpointUrl ? { endpoint: awsOptions.endpointUrl } : {}),
    ...(hooks.onCall ? { onCall: hooks.onCall } : {}),
    ...(hooks.trace ? { trace: hooks.trace } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
  });
  // What was in flight when the run stopped, read before the aborted calls unwind.
  let waitingOn: string[] = [];
  hooks.signal?.addEventListener('abort', () => (waitingOn = aws.inFlight()), { once: true });
  try {
    const collected = await collectWith(aws, region, checks, targets, options, awsOptions, hooks.signal);
    return { ...collected, waitingOn };
  } finally {
    // Nothing of the run may keep the process alive once its report is out.
    await aws.destroy();
  }
}

async function collectWith(
  aws: AwsClients,
  region: string,
  checks: readonly AnyCheck[],
  targets: Targets,
  options: CheckOptions,
  awsOptions: AwsOptions,
  signal: AbortSignal | undefined,
): Promise<Omit<LiveCollection, 'waitingOn'>> {
  // The target itself, and the ids named with it, are always looked up, so an unknown id is an input error rather
  // than a page of errors.
  const lookups = [...targetFactsFor(new Set(checks.map((c) => c.meta.scope))), ...namedIdFacts(targets)];
  const names = new Set([...factsNeeded(checks), ...lookups]);
  // Only runs that read AWS need credentials: client probes and checks of this machine run without any.
  const secretValues = iamActionsFor(names).length > 0 ? await requireCredentials(aws, awsOptions.profile, signal) : [];

  const startedAt = Date.now();
  const store = new LiveFactStore(FACTS, { aws, targets, region, timeoutMs: awsOptions.timeout, ...(signal ? { signal } : {}) });
  const target = primaryTarget(targets);
  const spinner = await startSpinner(`Looking at ${target.kind} ${target.id} in ${region}`);
  try {
    await Promise.all([...names].map((name) => store.settle(name)));
  } finally {
    spinner.stop();
  }
  const facts = await store.outcomes();
  rejectUnusableRun(facts);
  return {
    collection: {
      targets,
      region,
      options,
      collectedAt: new Date(startedAt).toISOString(),
      durationMs: Date.now() - startedAt,
      facts,
    },
    secretValues,
  };
}

/** The facts that look up the ids named with the target (--workspace, --bundle): each fails with TargetNotFound
 *  for an id that does not exist. */
function namedIdFacts(targets: Targets): FactName[] {
  return [
    ...(targets.workspaceId ? (['workspaces'] as const) : []),
    ...(targets.bundleIds?.length ? (['bundles'] as const) : []),
  ];
}

/** Runs `checks` over collected facts: no AWS, no network, no clock. */
export async function analyze(checks: readonly AnyCheck[], collection: Collection, bundle?: ReportBundle): Promise<Report> {
  const { findings } = await runChecks(checks, new RecordedFactStore(collection.facts), {
    region: collection.region,
    collectedAt: collection.collectedAt,
    options: collection.options,
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion() },
    target: primaryTarget(collection.targets),
    region: collection.region,
    startedAt: collection.collectedAt,
    durationMs: collection.durationMs,
    ...(bundle ? { bundle } : {}),
    summary: summarize(findings),
    results: findings,
  };
}

/** Checks of this machine need no Region: one is recorded when configured, never demanded. */
async function regionIfConfigured(options: AwsOptions): Promise<string> {
  if (options.region) return validateRegion(options.region, '--region');
  return resolveRegion(undefined, options.profile).catch(() => 'none');
}

async function requireCredentials(aws: AwsClients, profile: string | undefined, signal?: AbortSignal): Promise<string[]> {
  try {
    const resolving = (async () => (await aws.credentials())())();
    const identity = await (signal ? untilStopped(resolving, signal) : resolving);
    return [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken ?? ''].filter(Boolean);
  } catch (error) {
    // Ctrl-C while credentials resolve: nothing was checked, and the command says so (exit 130).
    if (error instanceof RunStopped && error.kind === 'interrupted') throw error;
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
