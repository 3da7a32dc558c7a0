// One SDK client per service for the run's Region, created on first use: loading a client costs 20–200 ms, so
// `wsdoctor --help` and `list` never reach an SDK package. Every client is made here, from its service file
// (src/aws/services/), so none escapes the read-only guard, the rate limit, the run's stop signal or call tracking.
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { addSecret } from '../core/secrets.js';
import { registerProfileSecrets } from './profile-secrets.js';
import { SDK_BY_IAM_PREFIX } from './sdk/index.generated.js';
import { validateReplies } from './replies.js';
import { guardReadOnly, iamActionOf, type AnyClient } from './read-only.js';
import { rateLimit, SMITHY_CONTEXT, TokenBucket } from './rate-limit.js';
import type { RequestGate } from './request-gate.js';
import type { ClientConfig, ServiceDefinition } from './service.js';
import { shareReads, type SharedReads } from './shared-reads.js';
import { displayProxy, proxyFor, usesProxy, type Transport } from './transport.js';

export interface AwsConfig {
  region: string;
  profile?: string;
  endpoint?: string;
  /** Bound on one HTTP attempt (connect and response), in ms. */
  timeoutMs: number;
  maxAttempts: number;
  /** For tests and the IAM-policy proof: called with each action ("ec2:DescribeVpcs") as it is sent. */
  onCall?: (iamAction: string) => void;
  /** Tests inject a fake HTTP handler here to drive the real middleware (retries, error parsing). */
  requestHandler?: unknown;
  credentials?: AwsCredentialIdentityProvider;
  /** Aborts when the run stops (deadline, Ctrl-C): rate-limit waits, retry delays and open sockets all end. */
  signal?: AbortSignal;
  /** --debug: one line per AWS call (action, outcome, attempts, time); never a body or a credential. */
  trace?: (line: string) => void;
  /** A fleet-wide run: what the clients of one account share across its Regions (see AccountShare). */
  account?: AccountShare;
  /** --max-concurrency: the bound on requests open at once, shared by every client of the run. */
  gate?: RequestGate;
  /** Proxy and CA bundle (transport.ts): every client and the credential chain's own calls go out through it. */
  transport?: Transport;
}

/**
 * What every AwsClients of one account shares in a fleet-wide run (one AwsClients per account and Region): the
 * rate-limit buckets, so calls are paced per account, service and Region (a global service such as IAM once per
 * account), and the answers to repeated reads (shared-reads.ts).
 */
export interface AccountShare {
  buckets: Map<string, TokenBucket>;
  reads: SharedReads;
}

/** A service's client and its SDK package (for its command classes). */
export interface ServiceClient<Sdk, Client> {
  client: Client;
  sdk: Sdk;
}

export class AwsClients {
  private readonly cache = new Map<string, Promise<ServiceClient<unknown, unknown>>>();
  /** One bucket per service and Region, shared by every call to it (the scope at which AWS throttles). */
  private readonly buckets: Map<string, TokenBucket>;
  private credentialsProvider?: Promise<AwsCredentialIdentityProvider>;
  /** Calls sent and not yet answered, by IAM action: what a stopped run was still waiting on. */
  private readonly pending = new Map<string, number>();
  private readonly otherRegions = new Map<string, AwsClients>();

  constructor(readonly config: AwsConfig) {
    this.buckets = config.account?.buckets ?? new Map();
  }

  /**
   * The run's client for `service`, made on first use; `region` asks for one in another Region (a lookup that
   * searches the account's other Regions), made the same way and paced by that Region's own bucket.
   */
  use<Sdk, Client>(service: ServiceDefinition<Sdk, Client>, { region = this.config.region }: { region?: string } = {}): Promise<ServiceClient<Sdk, Client>> {
    const key = region === this.config.region ? service.iamPrefix : `${service.iamPrefix}@${region}`;
    let made = this.cache.get(key);
    if (!made) {
      made = (async () => {
        // The client's chunk loads while the shared pieces (HTTP handler, credential chain) load and resolve, not
        // after them: the first call of a run waits for both (bench/RESULTS.md, section 2).
        const [sdk, config] = await Promise.all([service.load(), this.clientConfig(region)]);
        const client = service.makeClient(sdk, config) as Client & AnyClient;
        const { account, gate, trace } = this.config;
        // Before the guard, so outermost: a repeated read sends nothing (shared-reads.ts).
        if (account) shareReads(client, service, scopeOf(service, region), account.reads, trace);
        guardReadOnly(client, service, this.config.onCall);
        validateReplies(client, service.iamPrefix, (await import('./sdk-shared.js')).NormalizedSchema);
        rateLimit(client, this.bucket(service, region), gate);
        if (this.config.signal) carryRunSignal(client, this.config.signal);
        trackCalls(client, service.iamPrefix, this.pending, this.config.trace);
        if (this.config.trace && this.config.transport && usesProxy(this.config.transport)) {
          traceRoutes(client, service.iamPrefix, this.config.transport, this.config.trace);
        }
        return { sdk, client };
      })();
      this.cache.set(key, made);
    }
    return made as Promise<ServiceClient<Sdk, Client>>;
  }

  /**
   * Starts loading the SDK code a run will need — the shared handler and credential chain, and the clients of these
   * services (IAM prefixes) — without waiting: called before credentials resolve, so the chunks load meanwhile
   * rather than one after the other. use() later gets the same modules, already loaded or on their way.
   */
  preload(iamPrefixes: Iterable<string>): void {
    const loading = [import('./sdk-shared.js'), ...[...new Set(iamPrefixes)].map((prefix) => SDK_BY_IAM_PREFIX[prefix]?.())];
    // A chunk that fails to load fails again, with its error, where use() needs it.
    for (const load of loading) load?.catch(() => undefined);
  }

  /** The credential provider every client shares, so credentials are resolved once per run. */
  credentials(): Promise<AwsCredentialIdentityProvider> {
    this.credentialsProvider ??= (async () => {
      let provider = this.config.credentials;
      const defaultChain = !provider;
      if (!provider) {
        // SSO tokens, a credential_process command line, a web identity token: secrets before the chain can echo them.
        await registerProfileSecrets(this.config.profile);
        const { fromNodeProviderChain } = await import('./sdk-shared.js');
        // The SDK's default chain (env, SSO, ini, process, web identity, container, IMDS); `profile` selects a
        // profile, SSO ones included.
        // The chain's own calls (SSO, STS for assumed roles and web identity) go through the same proxy and CA
        // bundle as the checks' calls; the instance metadata and container endpoints are reached directly by the SDK.
        const requestHandler = await this.transportHandler();
        provider = fromNodeProviderChain({
          ...(this.config.profile ? { profile: this.config.profile } : {}),
          clientConfig: { region: this.config.region, ...(requestHandler ? { requestHandler } : {}) },
          // The chain's multi-line notices (e.g. "both a profile and environment keys are set") go to --debug,
          // not to stderr, where wsdoctor says one line or nothing.
          logger: sdkLogger(this.config.trace),
        });
      }
      // Cached so every client and every call reuse one resolution; its values are secrets from then on. Temporary
      // credentials (an assumed role's) are resolved again five minutes before they expire.
      let cached: ReturnType<AwsCredentialIdentityProvider> | undefined;
      let refreshAt = Infinity;
      return () => {
        if (cached && Date.now() < refreshAt) return cached;
        refreshAt = Infinity;
        cached = provider!().then(async (identity) => {
          for (const value of [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken]) addSecret(value);
          // An SSO token the chain refreshed on the way is in the cache now.
          if (defaultChain) await registerProfileSecrets(this.config.profile);
          // Not sooner than 30 s from now, so a short session cannot make every call resolve again.
          if (identity.expiration) refreshAt = Math.max(identity.expiration.getTime() - 5 * 60_000, Date.now() + 30_000);
          return identity;
        });
        return cached;
      };
    })();
    return this.credentialsProvider;
  }

  /**
   * The same caller's clients in another Region, made once and closed with these (a registration code says which
   * Region its directory is in, and the run's Region may be another). They share this run's credentials.
   */
  forRegion(region: string): AwsClients {
    if (region === this.config.region) return this;
    let other = this.otherRegions.get(region);
    if (!other) {
      other = new AwsClients({ ...this.config, region, credentials: async () => (await this.credentials())() });
      this.otherRegions.set(region, other);
    }
    return other;
  }

  /** The rate limiter for one service in this run's Region. */
  bucket(service: Pick<ServiceDefinition, 'iamPrefix' | 'rateLimit' | 'global'>, region = this.config.region): TokenBucket {
    const key = `${service.iamPrefix}:${scopeOf(service, region)}`;
    let bucket = this.buckets.get(key);
    // A fleet-wide run keeps one token of each burst in reserve (rate-limit.ts: its many calls at once are where
    // arrival jitter made the service throttle calls sent at exactly the pace); a single-target run spends it all.
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(service.rateLimit, undefined, this.config.account ? 1 : 0)));
    return bucket;
  }

  /** The AWS calls in flight right now ("ec2:DescribeSubnets"), sorted. */
  inFlight(): string[] {
    return [...new Set([...this.pending.keys(), ...[...this.otherRegions.values()].flatMap((other) => other.inFlight())])].sort();
  }

  /** Closes every client's sockets (after the report is out, so nothing keeps the process alive). */
  async destroy(): Promise<void> {
    const made = await Promise.allSettled(this.cache.values());
    for (const result of made) if (result.status === 'fulfilled') (result.value.client as AnyClient).destroy();
    await Promise.all([...this.otherRegions.values()].map((other) => other.destroy()));
  }

  /** A handler with the transport's agents, for the credential chain; undefined when the SDK's default will do. */
  private async transportHandler(): Promise<unknown> {
    const transport = this.config.transport;
    if (this.config.requestHandler || !transport || (!usesProxy(transport) && !transport.ca)) return undefined;
    return this.httpHandler();
  }

  private async httpHandler(): Promise<unknown> {
    const { NodeHttpHandler } = await import('./sdk-shared.js');
    const transport = this.config.transport;
    const agents = transport && (usesProxy(transport) || transport.ca) ? (await import('./proxy-agent.js')).transportAgents(transport) : {};
    return new NodeHttpHandler({
      ...agents,
      connectionTimeout: this.config.timeoutMs,
      // Without throwOnRequestTimeout the handler only logs a warning and keeps waiting: a stalled endpoint
      // would hang the run. socketTimeout bounds a response that starts and then stops arriving.
      requestTimeout: this.config.timeoutMs,
      throwOnRequestTimeout: true,
      socketTimeout: this.config.timeoutMs,
    });
  }

  private async clientConfig(region: string): Promise<ClientConfig> {
    const handler = this.config.requestHandler ?? (await this.httpHandler());
    const requestHandler = bounded(handler as Handler, this.config.timeoutMs, this.config.signal);
    return {
      region,
      credentials: await this.credentials(),
      // Adaptive mode adds a client-side rate limiter that backs off when the service throttles; one client per
      // service is shared by every fact so they throttle together instead of each hammering the API.
      retryMode: 'adaptive',
      maxAttempts: this.config.maxAttempts,
      requestHandler: requestHandler as never,
      ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
    };
  }
}

/** Where a service's calls are paced and its answers shared: its Region, or the account for a global service. */
function scopeOf(service: { global?: boolean }, region: string): string {
  return service.global ? 'global' : region;
}

function sdkLogger(trace: ((line: string) => void) | undefined) {
  const log = (...parts: unknown[]) => trace?.(parts.map(String).join(' ').replace(/\s+/g, ' ').trim());
  return { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: log, error: log };
}

interface Handler {
  handle(request: unknown, options?: { abortSignal?: AbortSignal }): Promise<{ response?: { body?: unknown } }>;
}

/**
 * Every attempt through the transport is bounded as a whole, not only while idle: the handler's own timeouts end a
 * connect that hangs and an answer that never starts (`requestTimeout`) or stalls (`socketTimeout`), but a body that
 * drips a byte a second resets the idle timer forever. Once the answer has started, what is left of `timeoutMs`
 * bounds its body; past it the body is destroyed with a TimeoutError (retried like any timeout, then reported).
 * The run's signal goes to every request too, so an open socket closes when the run stops.
 */
function bounded(handler: Handler, timeoutMs: number, signal: AbortSignal | undefined): Handler {
  return new Proxy(handler, {
    get(target, property) {
      if (property === 'handle') {
        return async (request: unknown, options: { abortSignal?: AbortSignal } = {}) => {
          const started = performance.now();
          const abortSignal = options.abortSignal ?? signal;
          const out = await target.handle(request, { ...options, ...(abortSignal ? { abortSignal } : {}) });
          const body = out?.response?.body as { destroy?(error: Error): void; once?(event: string, listener: () => void): void; readableEnded?: boolean } | undefined;
          if (body && typeof body.destroy === 'function' && typeof body.once === 'function' && !body.readableEnded) {
            const left = Math.max(0, timeoutMs - (performance.now() - started));
            const timer = setTimeout(() => {
              const error = Object.assign(new Error(`the answer was still arriving after --timeout ${timeoutMs} ms`), { name: 'TimeoutError', code: 'ETIMEDOUT' });
              body.destroy!(error);
            }, left);
            body.once('close', () => clearTimeout(timer));
            body.once('end', () => clearTimeout(timer));
          }
          return out;
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The SDK's retry delays (and our rate-limit waits) read the call's abort signal: give every call the run's. */
function carryRunSignal(client: AnyClient, signal: AbortSignal): void {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: Record<string, { abortSignal?: AbortSignal } | undefined>) =>
      (args: unknown) => {
        const smithy = (context[SMITHY_CONTEXT] ??= {});
        smithy.abortSignal ??= signal;
        return next(args);
      },
    { step: 'initialize', name: 'wsdoctorRunSignal' },
  );
}

/** Counts each call in flight (see `inFlight`) and, with --debug, traces its outcome. */
function trackCalls(client: AnyClient, iamPrefix: string, pending: Map<string, number>, trace?: (line: string) => void): void {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<{ output?: { $metadata?: { attempts?: number } } }>, context: { commandName?: string }) =>
      async (args: unknown) => {
        const action = iamActionOf(iamPrefix, context.commandName ?? 'Unknown');
        const started = performance.now();
        const took = (attempts = 1) => `(${attempts} attempt${attempts === 1 ? '' : 's'}, ${Math.round(performance.now() - started)} ms)`;
        pending.set(action, (pending.get(action) ?? 0) + 1);
        try {
          const result = await next(args);
          trace?.(`${action} ok ${took(result.output?.$metadata?.attempts)}`);
          return result;
        } catch (error) {
          const e = error as { name?: string; message?: string; $metadata?: { attempts?: number } };
          trace?.(`${action} failed: ${e.name ?? 'Error'}: ${e.message ?? ''} ${took(e.$metadata?.attempts)}`);
          throw error;
        } finally {
          const left = pending.get(action)! - 1;
          if (left > 0) pending.set(action, left);
          else pending.delete(action);
        }
      },
    { step: 'initialize', name: 'wsdoctorCallTracker', priority: 'low' },
  );
}

/** --debug with a proxy set: which way each call goes, decided as the agent decides it (transport.ts). */
function traceRoutes(client: AnyClient, iamPrefix: string, transport: Transport, trace: (line: string) => void): void {
  client.middlewareStack.add(
    (next: (args: { request?: unknown }) => Promise<unknown>, context: { commandName?: string }) => (args: { request?: unknown }) => {
      const request = args.request as { protocol?: string; hostname?: string; port?: number } | undefined;
      if (request?.hostname && request.protocol) {
        const endpoint = { protocol: request.protocol, hostname: request.hostname, ...(request.port ? { port: request.port } : {}) };
        const proxy = proxyFor(transport, endpoint);
        const where = `${endpoint.protocol}//${endpoint.hostname}${request.port ? `:${request.port}` : ''}`;
        const route = proxy
          ? `through proxy ${displayProxy(proxy)} (${endpoint.protocol === 'https:' ? 'CONNECT tunnel' : 'absolute-URI request'})`
          : 'direct (NO_PROXY)';
        trace(`${iamActionOf(iamPrefix, context.commandName ?? 'Unknown')} to ${where} ${route}`);
      }
      return next(args);
    },
    { step: 'build', name: 'wsdoctorRouteTrace' },
  );
}
