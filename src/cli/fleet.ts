// A fleet-wide run, live: every target of the chosen kinds in every chosen Region of every chosen account, in one
// process. The shape, and why:
//   - accounts: the caller's own, or each of --accounts / --organization entered with STS AssumeRole (--role-arn);
//     an account that cannot be entered is one `error` naming it and why, and every other account still runs;
//   - per account and Region one AwsClients (its own clients and sockets). All the AwsClients of one account share
//     their rate-limit buckets and their answers (AccountShare): calls are paced per account, service and Region with
//     each service's own limit (src/aws/services/), and a read two targets share — the same operation with the same
//     input, in the same account and Region — is sent once (src/aws/shared-reads.ts);
//   - per target one fact store, given the target as if typed (`--directory d-…`): its checks, facts and findings
//     are exactly a single-target run's. The listing's description of the target becomes its lookup fact;
//   - everything runs at once: accounts, Regions, listings and targets. What bounds the run is each account's
//     rate limits, and --max-concurrency bounds the requests open at once across all of it (request-gate.ts);
//   - a Region where a service has no endpoint is skipped and said once, not an error per target.
import { assumedRoleCredentials, type RoleToAssume } from '../aws/assume-role.js';
import { AwsClients, type AccountShare, type AwsConfig } from '../aws/clients.js';
import { loadTransport } from '../aws/transport.js';
import { RequestGate } from '../aws/request-gate.js';
import { SharedReads } from '../aws/shared-reads.js';
import ec2 from '../aws/services/ec2.js';
import organizations from '../aws/services/organizations.js';
import sts from '../aws/services/sts.js';
import { paginate } from '../aws/paginate.js';
import { regionChoice, roleArnFor, accountOfRoleArn, type RegionChoice } from '../core/accounts.js';
import { UsageError } from '../core/errors.js';
import { toFactFailure, type FactFailure, type FactOutcome } from '../core/failure.js';
import type { FleetCollection, MemberCollection, Skipped, Unreached } from '../core/fleet.js';
import type { RunInputs } from '../core/option.js';
import type { Scope } from '../core/scopes.js';
import { NEVER, RunStopped } from '../core/stop.js';
import type { Discoverer, DiscoveredTarget } from '../discover/define.js';
import { DISCOVERERS } from '../discover/targets/index.generated.js';
import { factsNeeded } from '../engine/analyze.js';
import { lookupsFor } from '../engine/registry.js';
import type { AnyCheck } from '../engine/types.js';
import type { AnyFact } from '../facts/define.js';
import { LiveFactStore } from '../facts/store.js';
import { DEFAULT_MAX_CONCURRENCY, type FleetFlags } from './fleet-options.js';
import { checksFor, requireCredentials, type AwsOptions, type RunHooks, type SelectionOptions } from './pipeline.js';
import { resolveRegion } from './region.js';
import { CHECKS } from './registry.js';
import { startSpinner, type Spinner } from './spinner.js';
import { checkEndpointEnvironment } from './validate.js';

/** Where STS, Organizations and DescribeRegions are asked when --region is `all` and no Region is configured. */
export const FALLBACK_HOME_REGION = 'us-east-1';

/** A kind of target the run lists, with the checks its targets get. */
export interface FleetKind {
  discoverer: Discoverer;
  checks: AnyCheck[];
}

/**
 * The kinds of target a fleet-wide run lists (--scope, or every kind with a discoverer), each with its checks after
 * the selection flags. A kind no selected check looks at is left out; none left is the same input error a
 * single-target run gives. Needs no AWS: run before any call.
 */
export function fleetKinds(scopes: readonly Scope[] | undefined, options: Record<string, unknown>, selection: SelectionOptions): FleetKind[] {
  const listed = DISCOVERERS.map((d) => d.scope);
  const unknown = (scopes ?? []).filter((scope) => !listed.includes(scope));
  if (unknown.length > 0) {
    throw new UsageError(`--scope ${unknown.join(',')}: --all lists ${listed.join(', ')} (a ${unknown[0]} target is named, not listed)`);
  }
  const chosen = DISCOVERERS.filter((d) => !scopes?.length || scopes.includes(d.scope));
  const kinds: FleetKind[] = [];
  let firstError: unknown;
  for (const discoverer of chosen) {
    try {
      kinds.push({ discoverer, checks: checksFor(inputsFor(discoverer, 'placeholder', options), selection) });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      // An unknown check id is wrong whatever the kind; "no check matches" only for this kind.
      if (!/^no check for /.test(error.message)) throw error;
      firstError ??= error;
    }
  }
  if (kinds.length === 0) {
    throw firstError instanceof UsageError
      ? new UsageError(firstError.message.replace(/^no check for a \S+ target/, `no check for --all (${chosen.map((d) => d.scope).join(', ')})`))
      : new UsageError('no kind of target to list');
  }
  return kinds;
}

/** A target's inputs: the value of its option, as if typed, and the run's judgement options. */
export function inputsFor(discoverer: Discoverer, value: string, options: Record<string, unknown>): RunInputs {
  return { targets: { [discoverer.target.key]: value }, options: { ...options } };
}

export interface FleetRunOptions extends AwsOptions, FleetFlags {}

export interface LiveFleetCollection {
  collection: FleetCollection;
  /** Every credential value used (the caller's and each assumed role's), so a writer can prove none is in a file. */
  secretValues: string[];
  waitingOn: string[];
}

/** Test seams: extra client configuration (a fake HTTP handler), and the discoverers (default: the registry). */
export interface FleetSeams {
  clientConfig?: Partial<AwsConfig>;
}

interface Account {
  id: string | undefined;
  /** The role entered, or none: the caller's own account. */
  role?: RoleToAssume;
}

/** Collects, live, every target of `kinds` in the run's accounts and Regions. */
export async function collectFleet(
  kinds: readonly FleetKind[],
  options: Record<string, unknown>,
  run: FleetRunOptions,
  hooks: RunHooks = {},
  seams: FleetSeams = {},
): Promise<LiveFleetCollection> {
  if (!run.endpointUrl) checkEndpointEnvironment();
  const choice: RegionChoice = run.region !== undefined ? regionChoice(run.region) : { all: false, regions: [await resolveRegion(undefined, run.profile)] };
  const home = choice.all ? await resolveRegion(undefined, run.profile).catch(() => FALLBACK_HOME_REGION) : choice.regions[0]!;
  const gate = new RequestGate(run.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY);
  // Every account's calls (and STS AssumeRole's) go through the proxy and CA bundle the aws CLI would use.
  const transport = await loadTransport(run.profile);
  const made: AwsClients[] = [];
  const clients = (config: Pick<AwsConfig, 'region'> & Partial<AwsConfig>): AwsClients => {
    const aws = new AwsClients({
      timeoutMs: run.timeout,
      maxAttempts: run.maxAttempts,
      ...(run.profile ? { profile: run.profile } : {}),
      ...(run.endpointUrl ? { endpoint: run.endpointUrl } : {}),
      ...(hooks.onCall ? { onCall: hooks.onCall } : {}),
      ...(hooks.trace ? { trace: hooks.trace } : {}),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      gate,
      transport,
      ...seams.clientConfig,
      ...config,
    });
    made.push(aws);
    return aws;
  };
  let waitingOn: string[] = [];
  hooks.signal?.addEventListener('abort', () => (waitingOn = [...new Set(made.flatMap((aws) => aws.inFlight()))].sort()), { once: true });

  const caller = clients({ region: home });
  const secretValues = [...(await requireCredentials(caller, run.profile, hooks.signal))];
  const spinner = await startSpinner('Finding the accounts');
  const run_ = new FleetRun(kinds, options, run, hooks, clients, caller, spinner, secretValues);
  try {
    const collection = await run_.collect(choice, home);
    return { collection, secretValues, waitingOn };
  } finally {
    spinner.stop();
    await Promise.all(made.map((aws) => aws.destroy()));
  }
}

class FleetRun {
  private readonly members: MemberCollection[] = [];
  private readonly unreached: Unreached[] = [];
  private readonly skipped: Skipped[] = [];
  /** Per service: the Regions where it had no endpoint (skipped, once), and whether it answered anywhere. */
  private readonly noEndpoint = new Map<string, { serviceName: string; regions: Map<string, Unreached[]>; answered: boolean }>();
  /** Listings that failed (not for want of an endpoint), with their service: settled into `unreached` at the end. */
  private readonly listingFailures: { unreached: Unreached; discoverer: Discoverer }[] = [];
  private readonly accounts = new Set<string>();
  private readonly regions = new Set<string>();
  /**
   * Per account and Region, the outcomes of facts that read no run input (the Region's WorkSpaces listing, its IP
   * groups, the account's workspaces_DefaultRole): settled once and handed to every target's store, as a plan's
   * targets share them. Shared reads already send each call once; this also keeps one copy of each value in memory
   * instead of one per target (the Region's full WorkSpaces listing is thousands of WorkSpaces).
   */
  private readonly sharedFacts = new Map<string, Map<string, { fact: AnyFact; outcome: Promise<FactOutcome> }>>();
  private found = 0;
  private done = 0;
  private listing = 0;

  constructor(
    private readonly kinds: readonly FleetKind[],
    private readonly options: Record<string, unknown>,
    private readonly run: FleetRunOptions,
    private readonly hooks: RunHooks,
    private readonly clients: (config: Pick<AwsConfig, 'region'> & Partial<AwsConfig>) => AwsClients,
    private readonly caller: AwsClients,
    private readonly spinner: Spinner,
    private readonly secretValues: string[],
  ) {}

  async collect(choice: RegionChoice, home: string): Promise<FleetCollection> {
    const startedAt = Date.now();
    const accounts = await this.resolveAccounts();
    this.progress();
    await Promise.all(accounts.map((account) => this.collectAccount(account, choice, home)));
    this.settleNoEndpoint();
    this.settleListingFailures();
    const order = (m: { account?: string; region?: string }) => `${m.account ?? ''} ${m.region ?? ''}`;
    return {
      collectedAt: new Date(startedAt).toISOString(),
      durationMs: Date.now() - startedAt,
      options: this.options,
      accounts: [...this.accounts].sort(),
      regions: [...this.regions].sort(),
      scopes: this.kinds.map((k) => k.discoverer.scope),
      members: this.members.sort((a, b) => order(a).localeCompare(order(b))),
      unreached: this.unreached.sort((a, b) => order(a).localeCompare(order(b))),
      skipped: this.skipped,
    };
  }

  /** The caller's account, or each account to enter with --role-arn (from --accounts, --organization or the ARN). */
  private async resolveAccounts(): Promise<Account[]> {
    const { roleArn, externalId } = this.run;
    if (!roleArn) return [{ id: await this.callerAccount() }];
    const role = (id: string): Account => ({
      id,
      role: { roleArn: roleArnFor(roleArn, id), account: id, ...(externalId ? { externalId } : {}) },
    });
    if (this.run.accounts) return this.run.accounts.map(role);
    if (this.run.organization) return (await this.organizationAccounts()).map(role);
    return [role(accountOfRoleArn(roleArn)!)];
  }

  /** The account of the caller's credentials (sts:GetCallerIdentity, which needs no permission): targets' label. */
  private async callerAccount(): Promise<string | undefined> {
    try {
      const { client, sdk } = await this.caller.use(sts);
      return (await client.send(new sdk.GetCallerIdentityCommand({}))).Account;
    } catch (error) {
      // Every call of the run will meet the same problem, and say it: the account is only a label.
      this.hooks.trace?.(`could not read the caller's account: ${toFactFailure(error).message}`);
      return undefined;
    }
  }

  /** --organization: every ACTIVE account (organizations:ListAccounts, from the management or a delegated account). */
  private async organizationAccounts(): Promise<string[]> {
    try {
      const { client, sdk } = await this.caller.use(organizations);
      // 20 is the API's largest page.
      const listed = await paginate(client, sdk.ListAccountsCommand, {}, { items: (page) => page.Accounts, pageSize: ['MaxResults', 20] });
      const ids: string[] = [];
      for (const account of listed) {
        const state = account.State ?? account.Status;
        if (!account.Id) continue;
        if (state === undefined || state === 'ACTIVE') ids.push(account.Id);
        else this.skipped.push({ what: `account ${account.Id}`, reason: `it is ${state} in the organization` });
      }
      if (ids.length === 0) throw new UsageError('--organization: organizations:ListAccounts lists no active account');
      return ids;
    } catch (error) {
      if (error instanceof UsageError || error instanceof RunStopped) throw error;
      const failure = toFactFailure(error);
      throw new UsageError(
        `--organization: could not list the organization's accounts: ${failure.message}` +
          (failure.kind === 'denied' ? ' (run from the management account or a delegated administrator, with organizations:ListAccounts)' : ''),
      );
    }
  }

  private async collectAccount(account: Account, choice: RegionChoice, home: string): Promise<void> {
    if (account.id) this.accounts.add(account.id);
    const share: AccountShare = { buckets: new Map(), reads: new SharedReads() };
    let credentials: NonNullable<AwsConfig['credentials']>;
    if (account.role) {
      // Entered once, here: a role that cannot be assumed is one error for the account, not one per call.
      const provider = sharedProvider(assumedRoleCredentials(this.caller, account.role));
      try {
        const identity = await provider();
        this.secretValues.push(...[identity.accessKeyId, identity.secretAccessKey, identity.sessionToken ?? ''].filter(Boolean));
      } catch (error) {
        this.unreached.push({ account: account.id!, kind: 'account', failure: this.failureOf(error) });
        return;
      }
      credentials = provider;
    } else {
      credentials = await this.caller.credentials();
    }
    const forRegion = (region: string) => this.clients({ region, account: share, credentials });
    let regions: string[];
    if (choice.all) {
      try {
        regions = await enabledRegions(forRegion(home));
      } catch (error) {
        this.unreached.push({ ...(account.id ? { account: account.id } : {}), region: home, kind: 'account', failure: this.failureOf(error, 'could not list its Regions (ec2:DescribeRegions)') });
        return;
      }
    } else {
      regions = choice.regions;
    }
    await Promise.all(regions.map((region) => this.collectRegion(account, region, forRegion(region))));
  }

  private async collectRegion(account: Account, region: string, aws: AwsClients): Promise<void> {
    this.regions.add(region);
    await Promise.all(
      this.kinds.map(async (kind) => {
        const { discoverer } = kind;
        let found: DiscoveredTarget[];
        this.listing++;
        this.progress();
        try {
          found = await discoverer.list({ aws, region, signal: this.hooks.signal ?? NEVER });
          this.noEndpointFor(discoverer).answered = true;
        } catch (error) {
          const unreached: Unreached = {
            ...(account.id ? { account: account.id } : {}),
            region,
            kind: discoverer.scope,
            failure: this.failureOf(error, `could not list its ${discoverer.scope} targets`),
          };
          if (this.hasNoEndpoint(error, discoverer)) {
            const regions = this.noEndpointFor(discoverer).regions;
            regions.set(region, [...(regions.get(region) ?? []), unreached]);
          } else {
            this.listingFailures.push({ unreached, discoverer });
          }
          return;
        } finally {
          this.listing--;
        }
        this.found += found.length;
        this.progress();
        await Promise.all(found.map((target) => this.collectTarget(kind, account, region, aws, target)));
      }),
    );
  }

  private async collectTarget(kind: FleetKind, account: Account, region: string, aws: AwsClients, found: DiscoveredTarget): Promise<void> {
    const { discoverer, checks } = kind;
    const where = { ...(account.id ? { account: account.id } : {}), region };
    // The listing is AWS's answer, as hostile as any: a value the option would refuse is not run as that option.
    try {
      discoverer.target.parse?.(found.value);
    } catch {
      this.unreached.push({
        ...where,
        kind: discoverer.scope,
        failure: { kind: 'error', message: `the listing returned ${JSON.stringify(found.value.slice(0, 80))}, which is not ${discoverer.target.expected ?? `a ${discoverer.scope} name`}: not checked` },
      });
      this.done++;
      return;
    }
    const inputs = inputsFor(discoverer, found.value, this.options);
    const lookups = lookupsFor(checks, CHECKS, (option) => option === discoverer.target || Object.hasOwn(this.options, option.key));
    const facts = new Set([...factsNeeded(checks), ...lookups]);
    const started = Date.now();
    const sharedKey = `${account.id ?? ''} ${region}`;
    if (!this.sharedFacts.has(sharedKey)) this.sharedFacts.set(sharedKey, new Map());
    const store = new LiveFactStore({
      aws,
      inputs,
      region,
      facts,
      shared: this.sharedFacts.get(sharedKey)!,
      timeoutMs: this.run.timeout,
      ...(this.hooks.signal ? { signal: this.hooks.signal } : {}),
      ...(found.known ? { known: found.known } : {}),
    });
    await Promise.all([...facts].map((fact) => store.settle(fact)));
    this.members.push({
      ...where,
      ...inputs,
      collectedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      facts: await store.outcomes(),
    });
    this.done++;
    this.progress();
  }

  /** An error while entering or listing, as a failure; a stopped run says so in its own words. */
  private failureOf(error: unknown, what?: string): FactFailure {
    const signal = this.hooks.signal;
    const failure =
      signal?.aborted && signal.reason instanceof RunStopped
        ? { kind: signal.reason.kind, message: signal.reason.message }
        : toFactFailure(error);
    return what ? { ...failure, message: `${what}: ${failure.message}` } : failure;
  }

  private noEndpointFor(discoverer: Discoverer) {
    const key = discoverer.service.iamPrefix;
    let entry = this.noEndpoint.get(key);
    if (!entry) this.noEndpoint.set(key, (entry = { serviceName: discoverer.serviceName, regions: new Map(), answered: false }));
    return entry;
  }

  /**
   * The service's endpoint name does not resolve in this Region: AWS does not offer it there. Only when the endpoint
   * is AWS's own (no --endpoint-url, no AWS_ENDPOINT_URL…): a name of the user's that does not resolve is an error.
   */
  private hasNoEndpoint(error: unknown, discoverer: Discoverer): boolean {
    const failure = toFactFailure(error);
    if (failure.kind !== 'unreachable' || failure.code !== 'ENOTFOUND') return false;
    return !this.run.endpointUrl && !Object.keys(process.env).some((name) => /^AWS_ENDPOINT_URL(_|$)/.test(name));
  }

  /**
   * Regions without the service's endpoint are skipped and said once — unless the service answered in no Region at
   * all: then it is this machine that cannot resolve AWS's names, and each is an error after all.
   */
  private settleNoEndpoint(): void {
    for (const { serviceName, regions, answered } of this.noEndpoint.values()) {
      if (regions.size === 0) continue;
      if (!answered) {
        for (const list of regions.values()) this.unreached.push(...list);
        continue;
      }
      for (const region of [...regions.keys()].sort()) {
        this.skipped.push({ what: region, reason: `${serviceName} has no API endpoint there (not offered in that Region)` });
      }
    }
  }

  /**
   * A Region where a service refused every listing the same way (AppStream denied there by a service control policy,
   * or not subscribed): one error for the service in that account and Region, naming the kinds it could not list —
   * not one per kind. Listings that failed differently stay apart: each says its own reason.
   */
  private settleListingFailures(): void {
    const groups = new Map<string, { unreached: Unreached; discoverer: Discoverer }[]>();
    for (const failed of this.listingFailures) {
      const { account, region, failure } = failed.unreached;
      const key = [account ?? '', region ?? '', failed.discoverer.service.iamPrefix, failure.kind].join(' ');
      groups.set(key, [...(groups.get(key) ?? []), failed]);
    }
    for (const group of groups.values()) {
      if (group.length === 1) {
        this.unreached.push(group[0]!.unreached);
        continue;
      }
      group.sort((a, b) => a.discoverer.scope.localeCompare(b.discoverer.scope));
      const first = group[0]!;
      const scopes = group.map((g) => g.discoverer.scope);
      const actions = group.flatMap((g) => (g.unreached.failure.iamAction ? [g.unreached.failure.iamAction] : []));
      const others = actions.slice(1);
      this.unreached.push({
        ...first.unreached,
        failure: {
          ...first.unreached.failure,
          message:
            `${first.discoverer.serviceName}: could not list its ${scopes.join(', ')} targets: ` +
            `${first.unreached.failure.message.replace(/^could not list its \S+ targets: /, '')}` +
            (others.length ? ` (and ${others.join(', ')} the same way)` : ''),
        },
      });
    }
  }

  private progress(): void {
    const listing = this.listing > 0 ? ` · listing targets in ${this.listing} place${this.listing === 1 ? '' : 's'}` : '';
    const accounts = this.accounts.size ? ` in ${this.accounts.size} account${this.accounts.size === 1 ? '' : 's'}` : '';
    this.spinner.update?.(`Checked ${this.done} of ${this.found} targets${accounts}${listing}`);
  }
}

/** The account's enabled Regions (ec2:DescribeRegions without AllRegions lists only those). */
async function enabledRegions(aws: AwsClients): Promise<string[]> {
  const { client, sdk } = await aws.use(ec2);
  const out = await client.send(new sdk.DescribeRegionsCommand({}));
  const regions = (out.Regions ?? []).flatMap((r) => (r.RegionName ? [r.RegionName] : []));
  if (regions.length === 0) throw new Error('ec2:DescribeRegions listed no Region');
  return [...new Set(regions)].sort();
}

/** One provider for every Region of an account: the role is assumed once, and again only before it expires. */
function sharedProvider(provider: NonNullable<AwsConfig['credentials']>): NonNullable<AwsConfig['credentials']> {
  let cached: ReturnType<typeof provider> | undefined;
  let refreshAt = Infinity;
  return () => {
    if (cached && Date.now() < refreshAt) return cached;
    refreshAt = Infinity;
    cached = provider().then((identity) => {
      if (identity.expiration) refreshAt = Math.max(identity.expiration.getTime() - 5 * 60_000, Date.now() + 30_000);
      return identity;
    });
    // A failed attempt is not kept: the next Region asks again (and says why, if it fails again).
    cached.catch(() => (cached = undefined));
    return cached;
  };
}
