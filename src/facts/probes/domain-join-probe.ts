// Probe fact: what a domain-joined image builder or fleet instance needs to join its domain, asked from this machine
// with the DNS servers the instance would use. For each domain: the domain name servers of the VPC's DHCP option set
// (what the instance asks; AmazonProvidedDNS cannot be asked from outside the VPC) and the DNS addresses Directory
// Service gives for a directory of that name; each is asked for the domain's A records (the guide's
// `Resolve-DnsName <domain>`, 000 lines 84-85), and each domain controller address they give is tried on TCP 389, 88
// and 53 (its `Test-NetConnection -Port 389|88|53`, lines 82-83). The fact records what happened; checks judge it.
import { Resolver } from 'node:dns/promises';
import { isIpv4 } from '../../net/cidr.js';
import { probeTcp } from '../../net/tcp.js';
import type { ProbeResult } from '../../net/probe-outcome.js';
import { defineFact } from '../define.js';
import appstreamDhcpOptions from '../appstream/appstream-dhcp-options.js';
import appstreamSubnets from '../appstream/appstream-subnets.js';
import appstreamVpcs from '../appstream/appstream-vpcs.js';
import domainDirectories from '../appstream/domain-directories.js';
import { collectResources, RESOURCE_FACTS, RESOURCE_OPTIONS } from '../appstream/resources.js';

/** The ports the guide tests before adding a Directory Config (000 line 83): LDAP, Kerberos, DNS. */
export const DOMAIN_JOIN_PORTS = [389, 88, 53] as const;
/** Domain controllers tried per domain: a domain's A records can be many, and a few show the path. */
const MAX_CONTROLLERS = 4;

/** found: A records · missing: NXDOMAIN or no A data · refused · servfail · timeout · error. */
export type LookupResult = 'found' | 'missing' | 'refused' | 'servfail' | 'timeout' | 'error';

export interface DomainServerLookup {
  address: string;
  /** What named it: "dhcp:dopt-…" (the VPC's option set), "ds:d-…" (Directory Service). */
  sources: string[];
  result: LookupResult;
  code?: string;
  addresses?: string[];
}

export interface DomainJoinProbe {
  domain: string;
  /** The image builder and fleets joined to it. */
  resources: string[];
  /** Where the instances ask from, which this machine may not be. */
  subnetIds: string[];
  vpcIds: string[];
  /** The VPCs whose DHCP option set gives only AmazonProvidedDNS (or none): asked from inside the VPC only. */
  amazonDnsVpcs: string[];
  timeoutMs: number;
  servers: DomainServerLookup[];
  controllers: { address: string; ports: { port: number; result: ProbeResult; code?: string }[] }[];
}

export default defineFact({
  name: 'domainJoinProbe',
  description:
    "from this machine: the domain's A records asked of the DNS servers a domain-joined builder or fleet uses, and TCP 389, 88 and 53 to each domain controller they name",
  iamActions: [],
  dependsOn: [...RESOURCE_FACTS, appstreamSubnets, appstreamVpcs, appstreamDhcpOptions, domainDirectories],
  options: [...RESOURCE_OPTIONS],
  redact: { domain: 'domain' },
  async collect(context): Promise<DomainJoinProbe[]> {
    const { get, timeoutMs, signal } = context;
    const joined = (await collectResources(context)).filter((r) => r.directoryName);
    if (joined.length === 0) return [];
    const [subnets, vpcs, dhcp, directories] = await Promise.all([get(appstreamSubnets), get(appstreamVpcs), get(appstreamDhcpOptions), get(domainDirectories)]);
    const domains = [...new Set(joined.map((r) => r.directoryName!.toLowerCase()))];
    return Promise.all(
      domains.map(async (domain): Promise<DomainJoinProbe> => {
        const members = joined.filter((r) => r.directoryName!.toLowerCase() === domain);
        const subnetIds = [...new Set(members.flatMap((r) => r.subnetIds))];
        const vpcIds = [...new Set(subnets.filter((s) => subnetIds.includes(s.SubnetId ?? '')).map((s) => s.VpcId!).filter(Boolean))];
        const servers = new Map<string, string[]>();
        const add = (address: string, source: string) => servers.set(address, [...(servers.get(address) ?? []), source]);
        const amazonDnsVpcs: string[] = [];
        for (const vpcId of vpcIds) {
          const options = dhcp.find((d) => d.DhcpOptionsId === vpcs.find((v) => v.VpcId === vpcId)?.DhcpOptionsId);
          const values = options?.DhcpConfigurations?.find((c) => c.Key === 'domain-name-servers')?.Values?.map((v) => v.Value ?? '') ?? [];
          const custom = values.filter((v) => isIpv4(v));
          if (custom.length === 0) amazonDnsVpcs.push(vpcId);
          for (const address of custom) add(address, `dhcp:${options!.DhcpOptionsId}`);
        }
        for (const directory of directories.filter((d) => d.Name?.toLowerCase() === domain)) {
          for (const address of (directory.DnsIpAddrs ?? []).filter(isIpv4)) add(address, `ds:${directory.DirectoryId}`);
        }
        const lookups = await Promise.all([...servers].map(([address, sources]) => lookup(address, sources, domain, timeoutMs, signal)));
        const controllers = [...new Set(lookups.flatMap((l) => l.addresses ?? []))].slice(0, MAX_CONTROLLERS);
        return {
          domain,
          resources: members.map((r) => r.label),
          subnetIds,
          vpcIds,
          amazonDnsVpcs,
          timeoutMs,
          servers: lookups,
          controllers: await Promise.all(
            controllers.map(async (address) => ({
              address,
              ports: await Promise.all(
                DOMAIN_JOIN_PORTS.map(async (port) => {
                  const { result, code } = await probeTcp(address, port, timeoutMs, signal);
                  return { port, result, ...(code ? { code } : {}) };
                }),
              ),
            })),
          ),
        };
      }),
    );
  },
});

/** The domain's A records from one server only, bounded by `timeoutMs` and the run's stop. */
async function lookup(address: string, sources: string[], domain: string, timeoutMs: number, signal: AbortSignal): Promise<DomainServerLookup> {
  // As the AD Connector probe: two tries, a hard deadline, and only this server (setServers replaces the system's).
  const resolver = new Resolver({ timeout: Math.max(1, Math.floor(timeoutMs / 3)), tries: 2 });
  resolver.setServers([address]);
  const deadline = setTimeout(() => resolver.cancel(), timeoutMs);
  const stop = () => resolver.cancel();
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) stop();
  try {
    const addresses = await resolver.resolve4(domain);
    return { address, sources, result: 'found', addresses };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'UNKNOWN';
    return { address, sources, result: lookupResult(code), code };
  } finally {
    clearTimeout(deadline);
    signal.removeEventListener('abort', stop);
  }
}

function lookupResult(code: string): LookupResult {
  switch (code) {
    case 'ENOTFOUND':
    case 'ENODATA':
      return 'missing';
    case 'ESERVFAIL':
      return 'servfail';
    case 'ECONNREFUSED':
    case 'EREFUSED':
      return 'refused';
    case 'ETIMEOUT':
    case 'ECANCELLED':
      return 'timeout';
    default:
      return 'error';
  }
}
