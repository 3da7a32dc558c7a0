// Where a subnet's traffic to an address goes, from the VPC's route tables alone (pure: no AWS call, no clock):
// which table applies (the subnet's explicit association, else the VPC's main table), which route wins (the longest
// prefix containing the address; an inactive route still wins and drops the traffic, as AWS does), what it targets,
// and — for the internet — whether that target gets traffic there: a NAT gateway that is available, public, and
// itself in a subnet routed to an attached internet gateway; an internet gateway attached to the VPC, which carries
// only instances that have a public address.
// [Written for issue 16 in parallel with src/net/route-path.ts (issue 14), which judges the same paths for the
// directory checks; the two are to be folded into one. Shapes are EC2's, so facts pass their values straight in.]
import { cidrContains, isIpv4, parseCidr } from './cidr.js';

export interface RouteLike {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  GatewayId?: string;
  NatGatewayId?: string;
  TransitGatewayId?: string;
  VpcPeeringConnectionId?: string;
  NetworkInterfaceId?: string;
  InstanceId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  EgressOnlyInternetGatewayId?: string;
  CoreNetworkArn?: string;
  State?: string;
}

export interface RouteTableLike {
  RouteTableId?: string;
  VpcId?: string;
  Associations?: { Main?: boolean; SubnetId?: string }[];
  Routes?: RouteLike[];
}

export interface NatGatewayLike {
  NatGatewayId?: string;
  State?: string;
  SubnetId?: string;
  VpcId?: string;
  ConnectivityType?: string;
}

export interface InternetGatewayLike {
  InternetGatewayId?: string;
  Attachments?: { VpcId?: string; State?: string }[];
}

export type TargetKind = 'local' | 'internet-gateway' | 'nat-gateway' | 'transit-gateway' | 'peering' | 'virtual-private-gateway' | 'vpc-endpoint' | 'network-interface' | 'instance' | 'other';

export interface RouteChoice {
  routeTableId?: string;
  /** The route table is the VPC's main one (the subnet has no explicit association). */
  viaMain: boolean;
  route?: RouteLike;
  destination?: string;
  target?: { kind: TargetKind; id: string };
  /** AWS keeps a route whose target is gone as "blackhole": it still wins, and drops the traffic. */
  active: boolean;
}

/** The route table that applies to a subnet: its explicit association, else its VPC's main table. */
export function routeTableFor(subnetId: string, vpcId: string | undefined, tables: readonly RouteTableLike[]): { table?: RouteTableLike; viaMain: boolean } {
  const explicit = tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId));
  if (explicit) return { table: explicit, viaMain: false };
  return { table: tables.find((t) => (!vpcId || t.VpcId === vpcId) && t.Associations?.some((a) => a.Main)), viaMain: true };
}

export function targetOf(route: RouteLike): { kind: TargetKind; id: string } {
  const gateway = route.GatewayId ?? '';
  if (gateway === 'local') return { kind: 'local', id: 'local' };
  if (gateway.startsWith('igw-')) return { kind: 'internet-gateway', id: gateway };
  if (gateway.startsWith('vgw-')) return { kind: 'virtual-private-gateway', id: gateway };
  if (gateway.startsWith('vpce-')) return { kind: 'vpc-endpoint', id: gateway };
  if (route.NatGatewayId) return { kind: 'nat-gateway', id: route.NatGatewayId };
  if (route.TransitGatewayId) return { kind: 'transit-gateway', id: route.TransitGatewayId };
  if (route.VpcPeeringConnectionId) return { kind: 'peering', id: route.VpcPeeringConnectionId };
  if (route.NetworkInterfaceId) return { kind: 'network-interface', id: route.NetworkInterfaceId };
  if (route.InstanceId) return { kind: 'instance', id: route.InstanceId };
  const other = gateway || route.LocalGatewayId || route.CarrierGatewayId || route.EgressOnlyInternetGatewayId || route.CoreNetworkArn || 'unknown';
  return { kind: 'other', id: other };
}

/**
 * The route a subnet's traffic to `address` takes: longest prefix wins. Routes to prefix lists (gateway endpoints)
 * are AWS service ranges, never a private address or the generic internet sample, and are left out.
 */
export function routeTo(subnetId: string, vpcId: string | undefined, tables: readonly RouteTableLike[], address: string): RouteChoice {
  const { table, viaMain } = routeTableFor(subnetId, vpcId, tables);
  const base = { ...(table?.RouteTableId ? { routeTableId: table.RouteTableId } : {}), viaMain };
  const v4 = isIpv4(address);
  let best: { route: RouteLike; bits: number; destination: string } | undefined;
  for (const route of table?.Routes ?? []) {
    const destination = v4 ? route.DestinationCidrBlock : route.DestinationIpv6CidrBlock;
    if (!destination) continue;
    let contains = false;
    try {
      contains = cidrContains(destination, address);
    } catch {
      continue; // a destination that is not a CIDR routes nothing here
    }
    if (!contains) continue;
    const bits = parseCidr(destination)[1];
    if (!best || bits > best.bits) best = { route, bits, destination };
  }
  if (!best) return { ...base, active: false };
  return { ...base, route: best.route, destination: best.destination, target: targetOf(best.route), active: best.route.State !== 'blackhole' };
}

/** A public address standing for "the internet": the longest-prefix route to it is the subnet's internet path. */
export const INTERNET_SAMPLE = '8.8.8.8';

export type InternetVerdict =
  /** Through an available public NAT gateway whose subnet reaches an attached internet gateway. */
  | 'nat'
  /** Straight to an attached internet gateway: only instances with a public address get out. */
  | 'internet-gateway'
  /** No route to the internet at all. */
  | 'none'
  /** A route that drops the traffic, or a gateway that cannot carry it (what `problem` says). */
  | 'broken'
  /** Through something wsdoctor cannot follow from the VPC's tables (transit gateway, appliance, peering…). */
  | 'elsewhere';

export interface InternetPath {
  subnetId: string;
  choice: RouteChoice;
  verdict: InternetVerdict;
  /** For `broken`: what is wrong. For `elsewhere`: where it goes. */
  problem?: string;
  natGateway?: { id: string; state?: string; subnetId?: string; connectivity?: string };
}

/** How a subnet's instances reach the internet, judged from the route tables, NAT gateways and internet gateways. */
export function internetPath(
  subnetId: string,
  vpcId: string | undefined,
  tables: readonly RouteTableLike[],
  natGateways: readonly NatGatewayLike[],
  internetGateways: readonly InternetGatewayLike[],
): InternetPath {
  const choice = routeTo(subnetId, vpcId, tables, INTERNET_SAMPLE);
  const path = (verdict: InternetVerdict, extra: Partial<InternetPath> = {}): InternetPath => ({ subnetId, choice, verdict, ...extra });
  if (!choice.route || !choice.target) return path('none');
  const where = `${choice.destination} → ${choice.target.id} in ${choice.routeTableId ?? 'its route table'}${choice.viaMain ? ' (the main table)' : ''}`;
  if (!choice.active) return path('broken', { problem: `its route ${where} is a blackhole: the target no longer exists` });
  const attached = (igwId: string, vpc: string | undefined) =>
    internetGateways.some((g) => g.InternetGatewayId === igwId && g.Attachments?.some((a) => (!vpc || a.VpcId === vpc) && ['available', 'attached'].includes(a.State ?? 'available')));
  switch (choice.target.kind) {
    case 'internet-gateway':
      return attached(choice.target.id, vpcId) ? path('internet-gateway') : path('broken', { problem: `its route ${where} targets an internet gateway not attached to the VPC` });
    case 'nat-gateway': {
      const nat = natGateways.find((n) => n.NatGatewayId === choice.target!.id);
      const natGateway = { id: choice.target.id, ...(nat?.State ? { state: nat.State } : {}), ...(nat?.SubnetId ? { subnetId: nat.SubnetId } : {}), ...(nat?.ConnectivityType ? { connectivity: nat.ConnectivityType } : {}) };
      if (!nat) return path('broken', { natGateway, problem: `its route ${where} targets a NAT gateway that does not exist` });
      if (nat.State !== 'available') return path('broken', { natGateway, problem: `its route ${where} targets a NAT gateway that is ${nat.State ?? 'in an unknown state'}, not available` });
      if (nat.ConnectivityType === 'private') return path('broken', { natGateway, problem: `its route ${where} targets a private NAT gateway, which does not reach the internet` });
      // A public NAT gateway reaches the internet only through its own subnet's route to an internet gateway.
      const upstream = nat.SubnetId ? routeTo(nat.SubnetId, nat.VpcId ?? vpcId, tables, INTERNET_SAMPLE) : undefined;
      if (!upstream?.target || upstream.target.kind !== 'internet-gateway' || !upstream.active || !attached(upstream.target.id, nat.VpcId ?? vpcId)) {
        return path('broken', { natGateway, problem: `its NAT gateway ${nat.NatGatewayId} sits in ${nat.SubnetId ?? 'a subnet'}, which has no route to an attached internet gateway` });
      }
      return path('nat', { natGateway });
    }
    case 'local':
      return path('none');
    default:
      return path('elsewhere', { problem: `its route ${where} leaves through a ${choice.target.kind.replace(/-/g, ' ')}, which wsdoctor cannot follow from this VPC` });
  }
}
