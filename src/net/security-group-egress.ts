// Does a set of security groups let traffic out to an address and port? Security groups are stateful allow-lists:
// egress is allowed when any rule of any of the groups covers the protocol, the port and the destination. Rules whose
// destination is a prefix list or another security group cannot be judged from the rules alone (their members are
// elsewhere): they make the answer `unknown`, never `allowed`.
import { cidrContains, isIpAddress, toCidr } from './cidr.js';

/** The fields of EC2's IpPermission that egress depends on (SDK shape, after its JSON round trip). */
export interface EgressRule {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp?: string }[];
  Ipv6Ranges?: { CidrIpv6?: string }[];
  PrefixListIds?: { PrefixListId?: string }[];
  UserIdGroupPairs?: { GroupId?: string }[];
}

export interface GroupWithEgress {
  GroupId?: string;
  IpPermissionsEgress?: EgressRule[];
}

export interface EgressVerdict {
  verdict: 'allowed' | 'blocked' | 'unknown';
  /** The group and rule that allow it, or the ones that cannot be judged. */
  by?: string;
}

const PROTOCOL_NUMBER: Record<string, string> = { tcp: '6', udp: '17' };

function coversPort(rule: EgressRule, protocol: 'tcp' | 'udp', port: number): boolean {
  const p = rule.IpProtocol ?? '';
  if (p === '-1' || p === 'all') return true;
  if (p !== protocol && p !== PROTOCOL_NUMBER[protocol]) return false;
  // A TCP/UDP rule without ports covers them all (as the console writes "All TCP").
  const from = rule.FromPort ?? 0;
  const to = rule.ToPort ?? 65535;
  return (from === -1 && to === -1) || (port >= from && port <= to);
}

export function egressVerdict(groups: readonly GroupWithEgress[], address: string, port: number, protocol: 'tcp' | 'udp' = 'tcp'): EgressVerdict {
  if (!isIpAddress(address)) return { verdict: 'unknown', by: `${address} is not an IP address` };
  let unknown: string | undefined;
  for (const group of groups) {
    for (const rule of group.IpPermissionsEgress ?? []) {
      if (!coversPort(rule, protocol, port)) continue;
      const ranges = [...(rule.IpRanges ?? []).map((r) => r.CidrIp), ...(rule.Ipv6Ranges ?? []).map((r) => r.CidrIpv6)];
      const hit = ranges.find((range) => {
        const cidr = range && toCidr(range);
        return !!cidr && cidrContains(cidr, address);
      });
      if (hit) return { verdict: 'allowed', by: `${group.GroupId}: ${rule.IpProtocol === '-1' ? 'all traffic' : `${rule.IpProtocol} ${rule.FromPort}-${rule.ToPort}`} to ${hit}` };
      const indirect = [...(rule.PrefixListIds ?? []).map((p) => p.PrefixListId), ...(rule.UserIdGroupPairs ?? []).map((g) => g.GroupId)].filter(Boolean);
      if (indirect.length && !unknown) unknown = `${group.GroupId}: egress to ${indirect.join(', ')}, whose addresses are not read`;
    }
  }
  return unknown ? { verdict: 'unknown', by: unknown } : { verdict: 'blocked' };
}
