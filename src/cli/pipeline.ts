// The one pipeline behind `check` and `collect`: select the checks for the run's targets, get the facts they need
// (collected live from AWS and this machine, or recorded in a bundle), analyze them, build the report. A live check
// is "collect, then analyze what was collected", so a bundle analyzed later goes through exactly the same analysis
// as the live run that could have been made instead.
import { AwsClients } from '../aws/clients.js';
import { BEFORE_ACTIONS, type BeforeAction } from '../core/actions.js';
import { displayProxy, loadTransport, usesProxy, type Transport } from '../aws/transport.js';
import type { Collection } from '../core/collection.js';
import { NothingChecked, UsageError } from '../core/errors.js';
import type { FactFailure, FactOutcome } from '../core/failure.js';
import { EXIT } from '../engine/exit-codes.js';
import { attributeName, readOption, type AnyOption, type RunInputs } from '../core/option.js';
import { validateRegion } from '../core/parse.js';
import { RunStopped, untilStopped } from '../core/stop.js';
import { TOOL_NAME, toolVersion } from '../core/version.js';
import { analyze, factsNeeded } from '../engine/analyze.js';
import { lookupsFor, selectSome } from '../engine/registry.js';
import { primaryTarget, scopesOf } from '../engine/targets.js';
import type { AnyCheck, Severity } from '../engine/types.js';
import { appliesTo, iamActionsFor, type AnyFact } from '../facts/define.js';
import { LiveFactStore } from '../facts/store.js';
import { REPORT_SCHEMA_VERSION, summarize, type Report, type ReportBundle, type ReportProxy } from '../report/model.js';
import before from '../options/before.js';
import registrationCode from '../options/registration-code.js';
import { regionOfRegistrationCode } from '../data/client-network.js';
import { CHECKS, OPTIONS } from './registry.js';
import { resolveRegion } from './region.js';
import { progressText, startSpinner } from './spinner.js';
import { accountOf } from './account.js';
import { checkEndpointEnvironment } from './validate.js';

/** The selection flags as commander hands them over (`--tag` → tag, `--severity` → severity). */
export interface SelectionOptions {
  only?: string[];
  skip?: string[];
  tag?: string[];
  severity?: Severity[];
}

/** The checks a run over these inputs makes: by the targets' scopes, then the selection flags. */
export function checksFor(inputs: RunInputs, options: SelectionOptions): AnyCheck[] {
  const scopes = scopesOf(inputs, OPTIONS);
  if (scopes.length === 0) {
    throw new UsageError('nothing to check: name a target, e.g. --directory d-1234567890, --fleet <name>, --stack <name>, --image-builder <name>, --client or --local');
  }
  const selection = { only: options.only, skip: options.skip, tags: options.tag, severities: options.severity };
  const action = readOption(inputs, before);
  return selectSome(CHECKS, { scopes, ...selection, ...(action ? { before: action } : {}) });
}

/** A run's inputs from the parsed command line: every option given, kept in its section under its key. */
export function inputsFrom(flags: Record<string, unknown>, options: readonly AnyOption[] = OPTIONS): RunInputs {
  const inputs: RunInputs = { targets: {}, options: {} };
  for (const option of options) {
    const value = flags[attributeName(option)];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    inputs[option.section][option.key] = value;
  }
  return inputs;
}

/** An option given without the one it needs beside it (--workspace without --directory) is an input error. */
export function checkRequirements(inputs: RunInputs, options: readonly AnyOption[] = OPTIONS): RunInputs {
  for (const option of options) {
    if (option.requires && readOption(inputs, option) !== undefined && readOption(inputs, option.requires.option) === undefined) {
      throw new UsageError(option.requires.message);
    }
  }
  return inputs;
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
  /** Set when HTTPS_PROXY or HTTP_PROXY is: AWS calls went through it, the probes did not (the report says so). */
  proxy?: ReportProxy;
}

/** Collects, live, every fact `checks` need (each once, independent ones concurrently). */
export async function collectLive(
  checks: readonly AnyCheck[],
  inputs: RunInputs,
  awsOptions: AwsOptions,
  hooks: RunHooks = {},
): Promise<LiveCollection> {
  const region = checks.every((c) => c.meta.scope === 'local')
    ? await regionIfConfigured(awsOptions)
    : await resolveRegion(awsOptions.region, awsOptions.profile).catch((error: unknown) => {
        // A user with only a registration code has no Region configured: the code names one (SLiad+… is us-east-1).
        const fromCode = regionOfRegistrationCode(readOption(inputs, registrationCode) ?? '');
        if (fromCode && error instanceof UsageError) return fromCode;
        throw error;
      });
  if (!awsOptions.endpointUrl) checkEndpointEnvironment();
  const transport = await transportFor(checks, inputs, awsOptions.profile);
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
    transport,
  });
  // What was in flight when the run stopped, read before the aborted calls unwind.
  let waitingOn: string[] = [];
  hooks.signal?.addEventListener('abort', () => (waitingOn = aws.inFlight()), { once: true });
  try {
    const collected = await collectWith(aws, region, checks, inputs, awsOptions, hooks.signal);
    return { ...collected, waitingOn, ...(usesProxy(transport) ? { proxy: reportProxy(transport) } : {}) };
  } finally {
    // Nothing of the run may keep the process alive once its report is out.
    await aws.destroy();
  }
}

/** The facts a live run of `checks` settles: what they need, and the lookups of the targets they look at. */
function liveFacts(checks: readonly AnyCheck[], inputs: RunInputs) {
  const lookups = liveLookups(checks, inputs);
  return new Set([...factsNeeded(checks), ...lookups]);
}

/** The lookups of the targets `checks` look at (an unknown target is an input error, not a page of errors). */
function liveLookups(checks: readonly AnyCheck[], inputs: RunInputs) {
  return lookupsFor(checks, CHECKS, (option) => readOption(inputs, option) !== undefined);
}

/** Of `facts`, those that read AWS in this run: an opt-in fact (`onlyWith`) only when its option is given. */
function readingFacts(facts: Iterable<AnyFact>, inputs: RunInputs): AnyFact[] {
  return [...facts].filter((fact) => appliesTo(fact, inputs));
}

/**
 * The proxy and CA bundle AWS calls use (src/aws/transport.ts). A run that calls AWS refuses bad settings (exit 2);
 * one that only probes reads them only to say, in the report, that its probes did not go through the proxy.
 */
async function transportFor(checks: readonly AnyCheck[], inputs: RunInputs, profile: string | undefined): Promise<Transport> {
  if (iamActionsFor(readingFacts(liveFacts(checks, inputs), inputs)).length > 0) return loadTransport(profile);
  return loadTransport(profile).catch(() => ({ noProxy: [] }));
}

function reportProxy(transport: Transport): ReportProxy {
  return {
    ...(transport.httpsProxy ? { https: displayProxy(transport.httpsProxy) } : {}),
    ...(transport.httpProxy ? { http: displayProxy(transport.httpProxy) } : {}),
    noProxy: transport.noProxy,
    probes: 'direct',
  };
}

async function collectWith(
  aws: AwsClients,
  region: string,
  checks: readonly AnyCheck[],
  inputs: RunInputs,
  awsOptions: AwsOptions,
  signal: AbortSignal | undefined,
): Promise<Omit<LiveCollection, 'waitingOn'>> {
  // The targets and ids the checks look at are always looked up, so an unknown one is an input error rather than a
  // page of errors.
  const facts = liveFacts(checks, inputs);
  // Only runs that read AWS need credentials: client probes and checks of this machine run without any, and an
  // opt-in fact (`onlyWith`) counts only when its option is given.
  const actions = iamActionsFor(readingFacts(facts, inputs));
  // The SDK chunks of the services those reads go to load while the credentials resolve.
  if (actions.length > 0) aws.preload(actions.map((action) => action.split(':')[0]!));
  const secretValues = actions.length > 0 ? await requireCredentials(aws, awsOptions.profile, signal) : [];

  const startedAt = Date.now();
  const store = new LiveFactStore({ aws, inputs, region, facts, timeoutMs: awsOptions.timeout, ...(signal ? { signal } : {}) });
  const target = primaryTarget(inputs, OPTIONS);
  const what = target.id === 'this machine' ? `Looking at ${target.kind} checks on this machine` : `Looking at ${target.kind} ${target.id} in ${region}`;
  let settled = 0;
  const spinner = await startSpinner(() => progressText(what, { settled, total: facts.size, waitingOn: aws.inFlight() }));
  try {
    await Promise.all([...facts].map((fact) => store.settle(fact).finally(() => settled++)));
  } finally {
    spinner.stop();
  }
  const outcomes = await store.outcomes();
  rejectUnusableRun(outcomes);
  rejectUnreachableLookup(outcomes, liveLookups(checks, inputs), region, awsOptions);
  return {
    collection: {
      ...inputs,
      region,
      collectedAt: new Date(startedAt).toISOString(),
      durationMs: Date.now() - startedAt,
      facts: outcomes,
    },
    secretValues,
  };
}

/** Runs `checks` over collected facts: no AWS, no network, no clock. */
export function analyzeCollection(checks: readonly AnyCheck[], collection: Collection, bundle?: ReportBundle, proxy?: ReportProxy): Report {
  const findings = analyze(checks, {
    region: collection.region,
    collectedAt: collection.collectedAt,
    inputs: collection,
    facts: collection.facts,
  });
  const account = accountOf(collection.facts);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion() },
    target: primaryTarget(collection, OPTIONS),
    region: collection.region,
    ...(account ? { account } : {}),
    startedAt: collection.collectedAt,
    durationMs: collection.durationMs,
    ...(bundle ? { bundle } : {}),
    ...beforeOf(collection),
    ...(proxy ? { proxy } : {}),
    summary: summarize(findings),
    results: findings,
  };
}

/** The change a run judged (--before), as the report names it. */
function beforeOf(inputs: RunInputs): Pick<Report, 'before'> {
  const action = readOption(inputs, before) as BeforeAction | undefined;
  return action && Object.hasOwn(BEFORE_ACTIONS, action) ? { before: { action, description: BEFORE_ACTIONS[action] } } : {};
}

/** Checks of this machine need no Region: one is recorded when configured, never demanded. */
async function regionIfConfigured(options: AwsOptions): Promise<string> {
  if (options.region) return validateRegion(options.region, '--region');
  return resolveRegion(undefined, options.profile).catch(() => 'none');
}

export async function requireCredentials(aws: AwsClients, profile: string | undefined, signal?: AbortSignal): Promise<string[]> {
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

/**
 * When the lookup of the target itself could not reach AWS (refused, no route, timed out per attempt, or answered by
 * something that is not AWS), every check would say the same thing: one line names the endpoint, the error and what
 * to check, and the run exits 3. A stop of the whole run (--deadline, a signal) is not this: its report says so.
 */
function rejectUnreachableLookup(
  outcomes: Record<string, FactOutcome>,
  lookups: readonly { name: string }[],
  region: string,
  awsOptions: AwsOptions,
): void {
  for (const { name } of lookups) {
    const outcome = outcomes[name];
    if (!outcome || outcome.ok || !cannotReach(outcome.failure)) continue;
    const { failure } = outcome;
    const service = failure.iamAction?.split(':')[0];
    const where = failure.endpoint ?? (awsOptions.endpointUrl ? awsOptions.endpointUrl : `the ${service ?? 'AWS'} endpoint of ${region}`);
    const checks = [
      'a proxy (HTTPS_PROXY, NO_PROXY) or firewall between this machine and it',
      `a VPC endpoint for ${service ?? 'the service'} and its private DNS`,
      `the Region (${region})`,
      ...(awsOptions.endpointUrl ? ['--endpoint-url'] : []),
    ];
    const said = /[.?!]$/.test(failure.message) ? failure.message : `${failure.message}.`;
    throw new NothingChecked(`cannot reach AWS at ${where}: ${said} Nothing was checked. Check ${checks.join(', ')}`, EXIT.incomplete);
  }
}

function cannotReach(failure: FactFailure): boolean {
  if (failure.code === 'NotAnAwsReply') return true;
  // A timeout with an error code is an attempt's; the run's own deadline has none.
  return (failure.kind === 'unreachable' || failure.kind === 'timeout') && failure.code !== undefined;
}

/** Conditions that make the whole report meaningless are input/configuration errors (exit 2), not findings. */
export function rejectUnusableRun(facts: Record<string, { ok: boolean; failure?: { kind: string; message: string } }>): void {
  for (const outcome of Object.values(facts)) {
    if (outcome.ok || !outcome.failure) continue;
    if (outcome.failure.kind === 'target-not-found' || outcome.failure.kind === 'credentials') {
      throw new UsageError(outcome.failure.message);
    }
  }
}
