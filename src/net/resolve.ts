// Name resolution for the client probes: the OS's DNS servers (or the ones a targets file names), asked with
// c-ares (node:dns Resolver), never getaddrinfo. getaddrinfo blocks one of libuv's four threads per lookup and
// cannot be cancelled: two dozen lookups against a dead resolver would queue behind each other and hold the process
// long past --timeout. A Resolver query is asynchronous, and `cancel()` ends it at the bound.
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * resolved: ≥ 1 address · nxdomain: the name does not exist · nodata: it exists, without an IPv4 address ·
 * servfail / refused: the server answered that it failed or would not · timeout: no answer within the bound ·
 * error: anything else (the code says what).
 */
export type ResolveResult = 'resolved' | 'nxdomain' | 'nodata' | 'servfail' | 'refused' | 'timeout' | 'error';

export interface ResolveOutcome {
  name: string;
  result: ResolveResult;
  addresses: string[];
  /** The resolver's error code (ENOTFOUND, ENODATA, ESERVFAIL, EREFUSED, ECONNREFUSED, ETIMEOUT, …). */
  code?: string;
  elapsedMs: number;
}

const BY_CODE: Record<string, ResolveResult> = {
  ENOTFOUND: 'nxdomain',
  ENODATA: 'nodata',
  ESERVFAIL: 'servfail',
  EREFUSED: 'refused',
  ECONNREFUSED: 'refused',
  ETIMEOUT: 'timeout',
  ECANCELLED: 'timeout',
};

export interface ResolveOptions {
  /** DNS servers to ask instead of the OS's (a targets file's `resolver`); IP addresses, optionally with :port. */
  servers?: readonly string[];
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The IPv4 addresses of `name`, asked within `timeoutMs`; an IP literal resolves to itself. */
export async function resolve4(name: string, { servers, timeoutMs, signal }: ResolveOptions): Promise<ResolveOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (isIP(name)) return { name, result: 'resolved', addresses: [name], elapsedMs: 0 };
  // Two tries, the second after a third of the bound, so one lost datagram is not a timeout; a hard deadline
  // cancels whatever is still waiting, since c-ares's own timing is approximate.
  const resolver = new Resolver({ timeout: Math.max(1, Math.floor(timeoutMs / 3)), tries: 2 });
  if (servers?.length) resolver.setServers([...servers]);
  const deadline = setTimeout(() => resolver.cancel(), Math.max(1, timeoutMs));
  const stop = () => resolver.cancel();
  signal?.addEventListener('abort', stop, { once: true });
  if (signal?.aborted) stop();
  try {
    const addresses = await resolver.resolve4(name);
    return { name, result: addresses.length ? 'resolved' : 'nodata', addresses, elapsedMs: elapsed() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'ERROR';
    return { name, result: BY_CODE[code] ?? 'error', addresses: [], code, elapsedMs: elapsed() };
  } finally {
    clearTimeout(deadline);
    signal?.removeEventListener('abort', stop);
  }
}

/** What a failed resolution means, in words. */
export function describeResolve(outcome: ResolveOutcome): string {
  switch (outcome.result) {
    case 'resolved':
      return `resolved to ${outcome.addresses.join(', ')}`;
    case 'nxdomain':
      return 'the name does not exist (NXDOMAIN)';
    case 'nodata':
      return 'the name has no IPv4 address';
    case 'servfail':
      return 'the DNS server failed to answer (SERVFAIL)';
    case 'refused':
      return 'the DNS server refused the query';
    case 'timeout':
      return 'no DNS answer in time (is UDP/TCP 53 blocked?)';
    default:
      return `DNS lookup failed (${outcome.code ?? 'error'})`;
  }
}
