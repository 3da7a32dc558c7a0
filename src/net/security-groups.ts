// Whether security groups, as DescribeSecurityGroups returns them, allow a flow: a protocol, a port range, and a
// remote address or CIDR, outbound or inbound. Security groups are stateful allow-lists, so the groups on one
// interface allow the union of their rules, and the answer to a flow is which of its ports no rule opens. Rules
// that name a prefix list, or another security group whose members are unknown, might open it: they are reported as
// unresolved, never counted as open. Pure: no AWS.
import { cidrCovers } from './cidr.js';
import { ALL_PORTS, formatPorts, protocolCarries, uncoveredParts, type PortRange, type Transport } from './port-ranges.js';

export interface SecurityGroupPermission {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp?: string }[];
  Ipv6Ranges?: { CidrIpv6?: string }[];
  PrefixListIds?: { PrefixListId?: string }[];
  UserIdGroupPairs?: { GroupId?: string }[];
}

export interface SecurityGroupInput {
  GroupId?: string;
  GroupName?: string;
  VpcId?: string;
  IpPermissions?: SecurityGroupPermission[];
  IpPermissionsEgress?: SecurityGroupPermission[];
}

export interface Flow {
  direction: 'egress' | 'ingress';
  transport: Transport;
  ports: PortRange;
  /** The other end: an address (10.0.0.10) or a CIDR every address of which must be allowed (0.0.0.0/0). */
  remote: string;
}

export interface SecurityGroupVerdict {
  /** Every port of the flow is allowed to (or from) the whole remote. */
  allowed: boolean;
  /** The ports no rule opens. */
  missing: PortRange[];
  /** The rules that open (part of) it, as "sg-1: tcp 443 to 0.0.0.0/0". */
  allowedBy: string[];
  /** Rules that might open it but cannot be evaluated here (a prefix list, a group whose members are unknown). */
  unresolved: string[];
}

/** The addresses of a security group's members (network interfaces), when known; undefined when not. */
export type GroupMembers = (groupId: string) => readonly string[] | undefined;

export function permissionPorts(permission: SecurityGroupPermission): PortRange {
  if (permission.IpProtocol === '-1' || permission.FromPort === undefined || permission.FromPort === -1) return ALL_PORTS;
  return [permission.FromPort, permission.ToPort ?? permission.FromPort];
}

/** "tcp 443", "udp 53", "all traffic". */
export function describePermissionTraffic(permission: SecurityGroupPermission): string {
  if (permission.IpProtocol === '-1') return 'all traffic';
  const proto = { '6': 'tcp', '17': 'udp' }[permission.IpProtocol ?? ''] ?? permission.IpProtocol ?? '?';
  return `${proto} ${formatPorts(permissionPorts(permission))}`;
}

/** Which of the flow's ports the groups allow, and by which rules. */
export function securityGroupsAllow(groups: readonly SecurityGroupInput[], flow: Flow, members?: GroupMembers): SecurityGroupVerdict {
  const opened: PortRange[] = [];
  const allowedBy: string[] = [];
  const unresolved: string[] = [];
  const ipv6 = flow.remote.includes(':');
  const remoteIsAddress = !flow.remote.includes('/') || /\/(32|128)$/.test(flow.remote);
  const way = flow.direction === 'egress' ? 'to' : 'from';
  for (const group of groups) {
    const permissions = (flow.direction === 'egress' ? group.IpPermissionsEgress : group.IpPermissions) ?? [];
    for (const permission of permissions) {
      if (!protocolCarries(permission.IpProtocol, flow.transport)) continue;
      const ports = permissionPorts(permission);
      if (ports[1] < flow.ports[0] || ports[0] > flow.ports[1]) continue;
      const traffic = describePermissionTraffic(permission);
      const cidrs = ipv6 ? (permission.Ipv6Ranges ?? []).map((r) => r.CidrIpv6) : (permission.IpRanges ?? []).map((r) => r.CidrIp);
      const cidr = cidrs.find((c): c is string => !!c && cidrCovers(c, flow.remote));
      if (cidr) {
        opened.push(ports);
        allowedBy.push(`${group.GroupId}: ${traffic} ${way} ${cidr}`);
        continue;
      }
      for (const pair of permission.UserIdGroupPairs ?? []) {
        if (!pair.GroupId || !remoteIsAddress) continue;
        const addresses = members?.(pair.GroupId);
        const address = flow.remote.replace(/\/(32|128)$/, '');
        if (addresses === undefined) unresolved.push(`${group.GroupId}: ${traffic} ${way} members of ${pair.GroupId} (their addresses are unknown here)`);
        else if (addresses.includes(address)) {
          opened.push(ports);
          allowedBy.push(`${group.GroupId}: ${traffic} ${way} members of ${pair.GroupId}`);
        }
      }
      for (const list of permission.PrefixListIds ?? []) {
        if (list.PrefixListId) unresolved.push(`${group.GroupId}: ${traffic} ${way} prefix list ${list.PrefixListId} (not expanded)`);
      }
    }
  }
  const missing = uncoveredParts(flow.ports, opened);
  return { allowed: missing.length === 0, missing, allowedBy: [...new Set(allowedBy)], unresolved: [...new Set(unresolved)] };
}
