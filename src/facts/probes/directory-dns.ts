// Probe fact: what an AD Connector needs from the DNS servers it was given, asked from this machine. Each server
// is asked for the domain controller locator SRV records (_ldap._tcp.<domain>, _kerberos._tcp.<domain>) over
// UDP, and TCP 53 is tried, because AD Connector needs both ("via TCP and UDP over port 53", 002 lines 8413-8415).
// Always port 53: AD Connector takes DNS servers as plain IPs, so there is no other port to test.
// The fact records what happened (answers, error codes); the checks decide what it means.
import { Resolver } from 'node:dns/promises';
import { FactError } from '../../core/failure.js';
import { isIpAddress } from '../../net/cidr.js';
import { probeTcp } from '../../net/tcp.js';
import { defineFact, type FactValue } from '../define.js';
import dsDirectory from '../ds/ds-directory.js';
import workspacesDirectory from '../workspaces/workspaces-directory.js';

export const DNS_PORT = 53;

/** The two records the guides name (001 line 456; 002 lines 8436-8438), with the word AD Connector's error uses. */
export const LOCATOR_RECORDS = [
  { record: 'ldap', label: 'LDAP', prefix: '_ldap._tcp.' },
  { record: 'kerberos', label: 'Kerberos', prefix: '_kerberos._tcp.' },
] as const;

export type LocatorRecord = (typeof LOCATOR_RECORDS)[number]['record'];

/**
 * found: ≥ 1 SRV record · missing: NXDOMAIN or no SRV data · servfail: the server answered that it failed ·
 * refused: nothing listening (ECONNREFUSED) or a REFUSED answer · timeout: no answer within the run's --timeout ·
 * error: anything else (the code says what).
 */
export type SrvResult = 'found' | 'missing' | 'servfail' | 'refused' | 'timeout' | 'error';

export interface SrvLookup {
  record: LocatorRecord;
  name: string;
  result: SrvResult;
  /** The resolver's error code (ENOTFOUND, ENODATA, ESERVFAIL, EREFUSED, ECONNREFUSED, ETIMEOUT, …). */
  code?: string;
  answers?: { name: string; port: number; priority: number; weight: number }[];
}

/** open: the connection was accepted · refused: reset (nothing listening) · unreachable: no route from here. */
export type TcpResult = 'open' | 'refused' | 'timeout' | 'unreachable' | 'error';

export interface DnsServerProbe {
  address: string;
  port: number;
  /** Which API fields named this server, e.g. "ds:DnsIpAddrs". */
  sources: string[];
  tcp: { result: TcpResult; code?: string };
  srv: SrvLookup[];
}

export interface DirectoryDnsProbe {
  directoryId: string;
  /** The directory's fully qualified DNS name, e.g. corp.example.com. */
  domain: string;
  timeoutMs: number;
  /** Where the guide says the DNS servers must be reachable from: the AD Connector's subnets. */
  vpcId?: string;
  subnetIds: string[];
  servers: DnsServerProbe[];
}

export default defineFact({
  name: 'directoryDns',
  description:
    "the AD Connector's DNS servers asked from this machine: TCP 53, and the _ldap._tcp and _kerberos._tcp SRV records of the domain",
  iamActions: [],
  dependsOn: [workspacesDirectory, dsDirectory],
  async collect({ get, timeoutMs, signal }): Promise<DirectoryDnsProbe> {
    const workspaces = await get(workspacesDirectory);
    // Checked before Directory Service is asked, so directories it does not hold (wsd-…) are simply not applicable.
    if (workspaces.DirectoryType && workspaces.DirectoryType !== 'AD_CONNECTOR') {
      throw notAdConnector(workspaces.DirectoryId, workspaces.DirectoryType);
    }
    const directory = await get(dsDirectory);
    if (directory.Type !== 'ADConnector') throw notAdConnector(directory.DirectoryId, directory.Type);
    const domain = directory.Name;
    if (!domain) {
      throw new FactError({ kind: 'error', message: `Directory Service gives no DNS name for ${directory.DirectoryId}` });
    }
    const servers = dnsServers(workspaces, directory);
    if (servers.size === 0) {
      throw new FactError({
        kind: 'not-found',
        message: `neither Directory Service nor WorkSpaces lists a DNS server address for ${directory.DirectoryId}`,
      });
    }
    return {
      directoryId: directory.DirectoryId ?? workspaces.DirectoryId ?? '',
      domain,
      timeoutMs,
      ...(directory.ConnectSettings?.VpcId ? { vpcId: directory.ConnectSettings.VpcId } : {}),
      subnetIds: directory.ConnectSettings?.SubnetIds ?? workspaces.SubnetIds ?? [],
      servers: await Promise.all(
        [...servers].map(([address, sources]) => probeServer(address, sources, domain, timeoutMs, signal)),
      ),
    };
  },
});

function notAdConnector(id: string | undefined, type: string | undefined): FactError {
  return new FactError({
    kind: 'not-applicable',
    message: `${id} is a ${type ?? 'non-AD Connector'} directory; the DNS probes apply to AD Connector`,
  });
}

/** Every DNS server address either API gives, with the fields that named it. */
function dnsServers(
  workspaces: FactValue<typeof workspacesDirectory>,
  directory: FactValue<typeof dsDirectory>,
): Map<string, string[]> {
  const servers = new Map<string, string[]>();
  const add = (addresses: string[] | undefined, source: string) => {
    for (const address of addresses ?? []) {
      if (!isIpAddress(address)) continue;
      servers.set(address, [...(servers.get(address) ?? []), source]);
    }
  };
  add(directory.DnsIpAddrs, 'ds:DnsIpAddrs');
  add(directory.DnsIpv6Addrs, 'ds:DnsIpv6Addrs');
  add(workspaces.DnsIpAddresses, 'workspaces:DnsIpAddresses');
  add(workspaces.DnsIpv6Addresses, 'workspaces:DnsIpv6Addresses');
  return servers;
}

/** TCP 53 and both SRV lookups, concurrently; the whole server is bounded by `timeoutMs`, and by the run's stop. */
async function probeServer(
  address: string,
  sources: string[],
  domain: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<DnsServerProbe> {
  // Two tries (the second after timeoutMs/3, then 2/3 left for it) so one lost datagram is not a timeout; c-ares's
  // own timing is approximate, so a hard deadline cancels whatever is still waiting when the bound is reached.
  const resolver = new Resolver({ timeout: Math.max(1, Math.floor(timeoutMs / 3)), tries: 2 });
  // Only this server: setServers replaces the system's resolvers, so nothing is asked of anything else.
  resolver.setServers([address]);
  const deadline = setTimeout(() => resolver.cancel(), timeoutMs);
  const stop = () => resolver.cancel();
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) stop();
  try {
    const [tcp, ...srv] = await Promise.all([
      tcpConnect(address, DNS_PORT, timeoutMs, signal),
      ...LOCATOR_RECORDS.map(({ record, prefix }) => lookupSrv(resolver, record, `${prefix}${domain}`)),
    ]);
    return { address, port: DNS_PORT, sources, tcp, srv };
  } finally {
    clearTimeout(deadline);
    signal.removeEventListener('abort', stop);
  }
}

async function lookupSrv(
  resolver: Resolver,
  record: LocatorRecord,
  name: string,
): Promise<SrvLookup> {
  try {
    // The record's fields, no more: Node 24 adds `type: 'SRV'` to each answer, and a bundle must not depend on the
    // Node version that collected it.
    const answers = (await resolver.resolveSrv(name)).map(({ name, port, priority, weight }) => ({ name, port, priority, weight }));
    return { record, name, result: 'found', answers };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'UNKNOWN';
    return { record, name, result: srvResult(code), code };
  }
}

function srvResult(code: string): SrvResult {
  switch (code) {
    case 'ENOTFOUND': // NXDOMAIN
    case 'ENODATA': // the name exists, without SRV data
      return 'missing';
    case 'ESERVFAIL':
      return 'servfail';
    case 'ECONNREFUSED': // c-ares: could not contact the server (a port-unreachable reply, or the send failed)
    case 'EREFUSED': // the server answered REFUSED
      return 'refused';
    case 'ETIMEOUT':
    case 'ECANCELLED': // only ever the deadline above
      return 'timeout';
    default:
      return 'error';
  }
}

/** The TCP half of "DNS unavailable (TCP port 53)": the shared TCP probe, in this fact's words. */
async function tcpConnect(host: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<DnsServerProbe['tcp']> {
  const { result, code } = await probeTcp(host, port, timeoutMs, signal);
  const tcp: TcpResult = result === 'open' || result === 'refused' || result === 'timeout' || result === 'unreachable' ? result : 'error';
  return { result: tcp, ...(code ? { code } : result === 'timeout' ? { code: 'ETIMEDOUT' } : {}) };
}
