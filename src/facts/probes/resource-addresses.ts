// Probe fact: the addresses a --resource given by name has, asked from this machine of the DNS servers the run's
// image builder and fleets would ask. Per VPC: the domain name servers of its DHCP option set (what its instances
// ask); where it gives only AmazonProvidedDNS (or none), this machine's own resolver, since AmazonProvidedDNS answers
// only inside the VPC — the finding says which, because a private hosted zone or split DNS can answer otherwise
// inside. The fact records what happened; H9 judges each address. An address given as such is not resolved.
import { isIP } from 'node:net';
import { FactError } from '../../core/failure.js';
import { splitHostAndPort } from '../../core/parse.js';
import { isIpv4 } from '../../net/cidr.js';
import { resolve4, type ResolveResult } from '../../net/resolve.js';
import resourceOption from '../../options/resource.js';
import { defineFact } from '../define.js';
import appstreamDhcpOptions from '../appstream/appstream-dhcp-options.js';
import appstreamSubnets from '../appstream/appstream-subnets.js';
import appstreamVpcs from '../appstream/appstream-vpcs.js';
import { collectResources, RESOURCE_FACTS, RESOURCE_OPTIONS } from '../appstream/resources.js';

export interface ResourceLookup {
  /** The VPCs whose instances ask these servers. */
  vpcIds: string[];
  /** dhcp: the VPC's DHCP option set names the servers · here: this machine's resolver (AmazonProvidedDNS VPCs). */
  via: 'dhcp' | 'here';
  servers?: string[];
  dhcpOptionsIds?: string[];
  result: ResolveResult;
  addresses: string[];
  code?: string;
}

export interface ResourceAddresses {
  /** The host name asked for (as given, without the port). */
  name: string;
  timeoutMs: number;
  lookups: ResourceLookup[];
}

export default defineFact({
  name: 'resourceAddresses',
  description: "from this machine: the --resource host name's IPv4 addresses, asked of the DNS servers the builder's and fleets' VPCs give them",
  iamActions: [],
  dependsOn: [...RESOURCE_FACTS, appstreamSubnets, appstreamVpcs, appstreamDhcpOptions],
  options: [resourceOption, ...RESOURCE_OPTIONS],
  redact: { name: 'hostname' },
  async collect(context): Promise<ResourceAddresses> {
    const { get, option, timeoutMs, signal } = context;
    const given = option(resourceOption);
    if (!given) throw new FactError({ kind: 'not-applicable', message: 'no --resource given' });
    const { host } = splitHostAndPort(given);
    if (isIP(host)) throw new FactError({ kind: 'not-applicable', message: `--resource ${given} is an address: nothing to resolve` });
    const resources = await collectResources(context);
    const [subnets, vpcs, dhcp] = await Promise.all([get(appstreamSubnets), get(appstreamVpcs), get(appstreamDhcpOptions)]);
    const subnetIds = new Set(resources.flatMap((r) => r.subnetIds));
    const vpcIds = [...new Set(subnets.filter((s) => subnetIds.has(s.SubnetId ?? '')).map((s) => s.VpcId ?? '').filter(Boolean))];
    // VPCs that would ask the same servers share one lookup.
    const groups = new Map<string, { vpcIds: string[]; servers: string[]; dhcpOptionsIds: string[] }>();
    for (const vpcId of vpcIds) {
      const options = dhcp.find((d) => d.DhcpOptionsId === vpcs.find((v) => v.VpcId === vpcId)?.DhcpOptionsId);
      const values = options?.DhcpConfigurations?.find((c) => c.Key === 'domain-name-servers')?.Values?.map((v) => v.Value ?? '') ?? [];
      const servers = values.filter((v) => isIpv4(v));
      const key = servers.join(',');
      const group = groups.get(key) ?? { vpcIds: [], servers, dhcpOptionsIds: [] };
      group.vpcIds.push(vpcId);
      if (servers.length && options?.DhcpOptionsId && !group.dhcpOptionsIds.includes(options.DhcpOptionsId)) group.dhcpOptionsIds.push(options.DhcpOptionsId);
      groups.set(key, group);
    }
    const lookups = await Promise.all(
      [...groups.values()].map(async (group): Promise<ResourceLookup> => {
        const outcome = await resolve4(host, { ...(group.servers.length ? { servers: group.servers } : {}), timeoutMs, signal });
        return {
          vpcIds: group.vpcIds,
          ...(group.servers.length ? { via: 'dhcp' as const, servers: group.servers, dhcpOptionsIds: group.dhcpOptionsIds } : { via: 'here' as const }),
          result: outcome.result,
          addresses: outcome.addresses,
          ...(outcome.code ? { code: outcome.code } : {}),
        };
      }),
    );
    return { name: host, timeoutMs, lookups };
  },
});
