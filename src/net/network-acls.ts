// Whether a subnet's network ACL, as DescribeNetworkAcls returns it, lets a flow through. Unlike security groups,
// network ACLs are stateless and ordered [not in guides: Amazon VPC User Guide, "Control subnet traffic with network
// access control lists"]: the lowest-numbered rule that matches a packet decides, rule "*" (32767) denies the rest,
// and replies are packets of their own, so a flow needs its request allowed one way and its replies the other way
// (to the client's ephemeral ports). Pure: no AWS.
import { cidrCovers, cidrsOverlap, toCidr } from './cidr.js';
import { ALL_PORTS, formatPorts, protocolCarries, rangeCovers, rangesOverlap, type PortRange, type Transport } from './port-ranges.js';

export interface NetworkAclEntryInput {
  RuleNumber?: number;
  /** "-1" (all), "6" (TCP), "17" (UDP), … */
  Protocol?: string;
  RuleAction?: string;
  Egress?: boolean;
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  PortRange?: { From?: number; To?: number };
}

export interface NetworkAclInput {
  NetworkAclId?: string;
  VpcId?: string;
  IsDefault?: boolean;
  Entries?: NetworkAclEntryInput[];
  Associations?: { SubnetId?: string; NetworkAclId?: string }[];
}

/**
 * The client's side of a flow the replies come back to. Windows picks ephemeral ports from 49152-65535, the range
 * the Administration Guide says a stateless filter must open for return traffic (002, "Management Interface Ports").
 */
export const EPHEMERAL_PORTS: PortRange = [49152, 65535];

/** The network ACL a subnet uses: the one associated with it, else the VPC's default network ACL. */
export function networkAclFor(subnetId: string, vpcId: string | undefined, acls: readonly NetworkAclInput[]): NetworkAclInput | undefined {
  return (
    acls.find((acl) => (acl.Associations ?? []).some((a) => a.SubnetId === subnetId)) ??
    acls.find((acl) => acl.IsDefault && (!vpcId || !acl.VpcId || acl.VpcId === vpcId))
  );
}

export interface AclPacket {
  /** Outbound from the subnet (egress rules) or inbound to it. */
  egress: boolean;
  transport: Transport;
  /** The destination port(s) of the packet. */
  ports: PortRange;
  /** The address (or every address of the CIDR) at the other end. */
  remote: string;
}

export interface AclDecision {
  /** allow: every packet of the kind passes; deny: none does; partial: a rule denies some of them. */
  outcome: 'allow' | 'deny' | 'partial';
  /** The rule that decides for the packets it covers whole (the catch-all "*" rule included). */
  decidedBy?: NetworkAclEntryInput;
  /** Deny rules numbered before it that catch part of the packets. */
  partialDenies: NetworkAclEntryInput[];
}

export function entryPorts(entry: NetworkAclEntryInput): PortRange {
  if (entry.Protocol === '-1' || !entry.PortRange || entry.PortRange.From === undefined) return ALL_PORTS;
  return [entry.PortRange.From, entry.PortRange.To ?? entry.PortRange.From];
}

/** "rule 90 (deny tcp 443 to 0.0.0.0/0)"; the catch-all rule 32767 is "rule *". */
export function describeEntry(entry: NetworkAclEntryInput): string {
  const number = entry.RuleNumber === 32767 ? '*' : String(entry.RuleNumber ?? '?');
  const proto = entry.Protocol === '-1' ? 'all traffic' : `${{ '6': 'tcp', '17': 'udp' }[entry.Protocol ?? ''] ?? `protocol ${entry.Protocol}`} ${formatPorts(entryPorts(entry))}`;
  const way = entry.Egress ? 'to' : 'from';
  return `rule ${number} (${entry.RuleAction ?? '?'} ${proto} ${way} ${entry.CidrBlock ?? entry.Ipv6CidrBlock ?? '?'})`;
}

/** How the network ACL treats packets of one kind: rules in number order, the first that covers them decides. */
export function networkAclDecides(acl: NetworkAclInput, packet: AclPacket): AclDecision {
  const remote = toCidr(packet.remote);
  if (!remote) throw new Error(`"${packet.remote}" is neither an address nor a CIDR`);
  const ipv6 = remote.includes(':');
  const entries = (acl.Entries ?? [])
    .filter((e) => !!e.Egress === packet.egress)
    .sort((a, b) => (a.RuleNumber ?? 0) - (b.RuleNumber ?? 0));
  const partialDenies: NetworkAclEntryInput[] = [];
  for (const entry of entries) {
    const cidr = ipv6 ? entry.Ipv6CidrBlock : entry.CidrBlock;
    if (!cidr || !protocolCarries(entry.Protocol, packet.transport)) continue;
    const ports = entryPorts(entry);
    if (!rangesOverlap(ports, packet.ports) || !cidrsOverlap(cidr, remote)) continue;
    if (rangeCovers(ports, packet.ports) && cidrCovers(cidr, remote)) {
      const outcome = entry.RuleAction === 'allow' ? (partialDenies.length ? 'partial' : 'allow') : 'deny';
      return { outcome, decidedBy: entry, partialDenies };
    }
    if (entry.RuleAction !== 'allow') partialDenies.push(entry);
  }
  // No entry covers them (an ACL without its "*" rule): nothing allows them.
  return { outcome: partialDenies.length ? 'partial' : 'deny', partialDenies };
}

export interface AclFlowVerdict {
  outcome: 'allow' | 'deny' | 'partial';
  request: AclDecision;
  reply: AclDecision;
  /** The rules that drop the request or its replies, described ("rule 90 (deny tcp 443 to 0.0.0.0/0)"). */
  blocking: string[];
}

/**
 * A flow this subnet starts: requests leave it (`egress` rules, to the remote's ports) and replies come back
 * (`ingress` rules, from the remote to the client's ephemeral ports).
 */
export function networkAclAllowsOutbound(acl: NetworkAclInput, flow: { transport: Transport; ports: PortRange; remote: string }): AclFlowVerdict {
  const request = networkAclDecides(acl, { egress: true, transport: flow.transport, ports: flow.ports, remote: flow.remote });
  const reply = networkAclDecides(acl, { egress: false, transport: flow.transport, ports: EPHEMERAL_PORTS, remote: flow.remote });
  return combine(request, reply);
}

/** A flow this subnet answers: requests arrive (`ingress`, to its ports) and replies leave (`egress`, ephemeral). */
export function networkAclAllowsInbound(acl: NetworkAclInput, flow: { transport: Transport; ports: PortRange; remote: string }): AclFlowVerdict {
  const request = networkAclDecides(acl, { egress: false, transport: flow.transport, ports: flow.ports, remote: flow.remote });
  const reply = networkAclDecides(acl, { egress: true, transport: flow.transport, ports: EPHEMERAL_PORTS, remote: flow.remote });
  return combine(request, reply);
}

function combine(request: AclDecision, reply: AclDecision): AclFlowVerdict {
  const outcomes = [request.outcome, reply.outcome];
  const outcome = outcomes.includes('deny') ? 'deny' : outcomes.includes('partial') ? 'partial' : 'allow';
  const blocking = [request, reply].flatMap((d) => [
    ...d.partialDenies.map(describeEntry),
    ...(d.outcome === 'deny' && d.decidedBy ? [describeEntry(d.decidedBy)] : []),
  ]);
  return { outcome, request, reply, blocking: [...new Set(blocking)] };
}
