// Small readings of fact values that several checks share.
import type { FactValue } from './define.js';
import type imageBuilderFact from './appstream/image-builder.js';
import type vpcFact from './ec2/vpc.js';
import type { DirectoryDnsProbe } from './probes/directory-dns.js';
import type { IpGroup } from './workspaces/ip-groups.js';

/** The VPC's IPv4 CIDRs that are associated (or being associated): what WorkSpaces tests at registration. */
export function associatedIpv4Cidrs(vpc: FactValue<typeof vpcFact>): string[] {
  const associations = vpc.CidrBlockAssociationSet ?? [];
  const cidrs = associations
    .filter((a) => a.CidrBlock && ['associated', 'associating'].includes(a.CidrBlockState?.State ?? 'associated'))
    .map((a) => a.CidrBlock!);
  if (cidrs.length === 0 && vpc.CidrBlock) cidrs.push(vpc.CidrBlock);
  return [...new Set(cidrs)];
}

/** An IP access control group as people name it: its id, and its name when it has one. */
export function ipGroupLabel(group: IpGroup): string {
  return group.groupName ? `${group.groupId} ("${group.groupName}")` : (group.groupId ?? 'an unnamed group');
}

/** A DNS server as an endpoint: 10.0.0.10:53, [2001:db8::53]:53. */
export function dnsEndpoint(server: DirectoryDnsProbe['servers'][number]): string {
  return server.address.includes(':') ? `[${server.address}]:${server.port}` : `${server.address}:${server.port}`;
}

/**
 * A probe that got no answer proves only that this machine got none. Says where the guide tests from instead:
 * the AD Connector's subnets (001 lines 196-198, "Launching WorkSpaces in my connected directory often fails").
 */
export function runFromDirectorySubnets(probe: DirectoryDnsProbe): string {
  const subnets = probe.subnetIds.length
    ? ` (${probe.subnetIds.join(', ')}${probe.vpcId ? ` in ${probe.vpcId}` : ''})`
    : '';
  return (
    'That may only mean the server is not reachable from where wsdoctor runs. Run wsdoctor from a host in the ' +
    `AD Connector's subnets${subnets}: the guide's own test is "launching an Amazon EC2 instance in each subnet and ` +
    'joining the instance to your directory using the IP addresses of the two DNS servers".'
  );
}

/** Whole minutes from the image builder's creation to `at` (never negative); undefined without a creation time. */
export function minutesSinceCreated(builder: FactValue<typeof imageBuilderFact>, at: string): number | undefined {
  const created = Date.parse(builder.CreatedTime ?? '');
  if (Number.isNaN(created)) return undefined;
  return Math.max(0, Math.floor((Date.parse(at) - created) / 60_000));
}
