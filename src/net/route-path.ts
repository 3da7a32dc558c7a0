// Where a subnet's traffic goes, judged from route tables, NAT gateways and internet gateways as the EC2 API returns
// them (DescribeRouteTables, DescribeNatGateways, DescribeInternetGateways): which table a subnet uses (its explicit
// association, else the VPC's main table), the longest-prefix route to a destination, and whether the path to the
// internet really leads out (an available NAT gateway whose own subnet routes to an attached internet gateway, or an
// attached internet gateway and a public address). Pure: no AWS, no clock, so WorkSpaces directories, AppStream
// fleets and image builders all read their subnets' paths through it, live or from a bundle. (The AppStream checks'
// own src/net/appstream-routes.ts, written in parallel, was folded in here: see internetSplits.)
import { cidrCovers, isCidr, isIpAddress, nonPublicRangeOf, prefixLength, toCidr } from './cidr.js';

/** A route as DescribeRouteTables returns it (only the fields the judgement reads). */
export interface RouteInput {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  GatewayId?: string;
  NatGatewayId?: string;
  TransitGatewayId?: string;
  VpcPeeringConnectionId?: string;
  NetworkInterfaceId?: string;
  InstanceId?: string;
  EgressOnlyInternetGatewayId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  /** "active" or "blackhole" (the target is gone or detached: traffic is dropped). */
  State?: string;
}

export interface RouteTableInput {
  RouteTableId?: string;
  VpcId?: string;
  Routes?: RouteInput[];
  Associations?: { SubnetId?: string; Main?: boolean; GatewayId?: string; AssociationState?: { State?: string } }[];
}

export interface NatGatewayInput {
  NatGatewayId?: string;
  /** pending | failed | available | deleting | deleted */
  State?: string;
  SubnetId?: string;
  VpcId?: string;
  /** "public" (the default) or "private": a private NAT gateway never reaches the internet. */
  ConnectivityType?: string;
  FailureMessage?: string;
}

export interface InternetGatewayInput {
  InternetGatewayId?: string;
  Attachments?: { VpcId?: string; State?: string }[];
}

export type TargetKind =
  | 'local'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'nat-gateway'
  | 'transit-gateway'
  | 'virtual-private-gateway'
  | 'vpc-peering'
  | 'network-interface'
  | 'instance'
  | 'vpc-endpoint'
  | 'local-gateway'
  | 'carrier-gateway'
  | 'core-network'
  | 'unknown';

export interface RouteTarget {
  kind: TargetKind;
  id: string;
}

/** What a route sends traffic to, read from whichever target field is set. */
export function routeTarget(route: RouteInput): RouteTarget {
  const gateway = route.GatewayId;
  if (gateway === 'local') return { kind: 'local', id: 'local' };
  if (route.NatGatewayId) return { kind: 'nat-gateway', id: route.NatGatewayId };
  if (route.TransitGatewayId) return { kind: 'transit-gateway', id: route.TransitGatewayId };
  if (route.VpcPeeringConnectionId) return { kind: 'vpc-peering', id: route.VpcPeeringConnectionId };
  if (route.EgressOnlyInternetGatewayId) return { kind: 'egress-only-internet-gateway', id: route.EgressOnlyInternetGatewayId };
  if (route.LocalGatewayId) return { kind: 'local-gateway', id: route.LocalGatewayId };
  if (route.CarrierGatewayId) return { kind: 'carrier-gateway', id: route.CarrierGatewayId };
  if (route.CoreNetworkArn) return { kind: 'core-network', id: route.CoreNetworkArn };
  if (gateway?.startsWith('igw-')) return { kind: 'internet-gateway', id: gateway };
  if (gateway?.startsWith('vgw-')) return { kind: 'virtual-private-gateway', id: gateway };
  if (gateway?.startsWith('vpce-')) return { kind: 'vpc-endpoint', id: gateway };
  // A route to an instance (a NAT instance, a firewall appliance) names both; the interface is what it uses.
  if (route.NetworkInterfaceId) return { kind: 'network-interface', id: route.NetworkInterfaceId };
  if (route.InstanceId) return { kind: 'instance', id: route.InstanceId };
  return { kind: 'unknown', id: gateway ?? 'unknown' };
}

/** A target as people read it: "NAT gateway nat-0abc", "the VPC (local)". */
export function describeTarget(target: RouteTarget): string {
  const names: Record<TargetKind, string> = {
    local: 'the VPC (local)',
    'internet-gateway': 'internet gateway',
    'egress-only-internet-gateway': 'egress-only internet gateway',
    'nat-gateway': 'NAT gateway',
    'transit-gateway': 'transit gateway',
    'virtual-private-gateway': 'virtual private gateway',
    'vpc-peering': 'VPC peering connection',
    'network-interface': 'network interface',
    instance: 'instance',
    'vpc-endpoint': 'VPC endpoint',
    'local-gateway': 'local gateway',
    'carrier-gateway': 'carrier gateway',
    'core-network': 'core network',
    unknown: 'target',
  };
  return target.kind === 'local' ? names.local : `${names[target.kind]} ${target.id}`;
}

export interface SubnetRouteTable {
  table: RouteTableInput;
  /** Whether the subnet is associated with it explicitly, or uses the VPC's main route table. */
  association: 'explicit' | 'main';
}

const associated = (a: { AssociationState?: { State?: string } }) => (a.AssociationState?.State ?? 'associated') === 'associated';

/**
 * The route table a subnet uses: the one explicitly associated with it, otherwise the main route table of its VPC.
 * `tables` may hold the tables of several VPCs; undefined when neither exists.
 */
export function routeTableFor(subnetId: string, vpcId: string | undefined, tables: readonly RouteTableInput[]): SubnetRouteTable | undefined {
  const explicit = tables.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === subnetId && associated(a)));
  if (explicit) return { table: explicit, association: 'explicit' };
  const main = tables.find((t) => (!vpcId || !t.VpcId || t.VpcId === vpcId) && (t.Associations ?? []).some((a) => a.Main && associated(a)));
  return main ? { table: main, association: 'main' } : undefined;
}

export interface RouteMatch {
  route: RouteInput;
  destination: string;
  target: RouteTarget;
  /** A blackhole route still wins the longest-prefix match: traffic it matches is dropped. */
  blackhole: boolean;
}

/**
 * The route that carries traffic to `destination` (an address, or a CIDR every address of which it must cover):
 * the most specific route whose destination covers it, as the VPC router picks. Routes to prefix lists are not
 * expanded (their contents are another API's): they come back in `prefixListRoutes` for the caller to mention.
 */
export function longestPrefixRoute(table: RouteTableInput, destination: string): { match?: RouteMatch; prefixListRoutes: RouteInput[] } {
  const target = toCidr(destination);
  if (!target) throw new Error(`"${destination}" is neither an address nor a CIDR`);
  const ipv6 = target.includes(':');
  let best: RouteMatch | undefined;
  let bestBits = -1;
  const prefixListRoutes: RouteInput[] = [];
  for (const route of table.Routes ?? []) {
    if (route.DestinationPrefixListId && !route.DestinationCidrBlock && !route.DestinationIpv6CidrBlock) {
      prefixListRoutes.push(route);
      continue;
    }
    const cidr = ipv6 ? route.DestinationIpv6CidrBlock : route.DestinationCidrBlock;
    if (!cidr || !isCidr(cidr) || !cidrCovers(cidr, target)) continue;
    const bits = prefixLength(cidr);
    if (bits > bestBits) {
      bestBits = bits;
      best = { route, destination: cidr, target: routeTarget(route), blackhole: route.State === 'blackhole' };
    }
  }
  return { ...(best ? { match: best } : {}), prefixListRoutes };
}

export interface PathInput {
  subnetId: string;
  vpcId?: string;
  routeTables: readonly RouteTableInput[];
}

export interface RoutePath {
  subnetId: string;
  destination: string;
  routeTableId?: string;
  association?: 'explicit' | 'main';
  match?: RouteMatch;
  /** Routes to prefix lists in the table, not evaluated: one of them could be more specific. */
  prefixListRoutes: RouteInput[];
}

/** The route a subnet's traffic to `destination` takes; no `match` when nothing covers it (or no table applies). */
export function pathTo(destination: string, input: PathInput): RoutePath {
  const chosen = routeTableFor(input.subnetId, input.vpcId, input.routeTables);
  if (!chosen) return { subnetId: input.subnetId, destination, prefixListRoutes: [] };
  const { match, prefixListRoutes } = longestPrefixRoute(chosen.table, destination);
  return {
    subnetId: input.subnetId,
    destination,
    ...(chosen.table.RouteTableId ? { routeTableId: chosen.table.RouteTableId } : {}),
    association: chosen.association,
    ...(match ? { match } : {}),
    prefixListRoutes,
  };
}

/** Every address: what "the internet" means to a route table. */
export const INTERNET = '0.0.0.0/0';

export type InternetVerdict =
  /** An available public NAT gateway whose subnet routes to an attached internet gateway. */
  | 'via-nat'
  /** An attached internet gateway, and the caller says the instance has a public address. */
  | 'via-internet-gateway'
  /** An attached internet gateway, but no public address (or the caller cannot say): nothing gets out without one. */
  | 'needs-public-ip'
  /** No route covers the destination. */
  | 'no-route'
  /** The matching route is a blackhole. */
  | 'blackhole'
  /** The route's NAT gateway is missing, not available, or private. */
  | 'nat-unusable'
  /** The NAT gateway's own subnet does not route the destination to an attached internet gateway. */
  | 'nat-no-internet'
  /** The route's internet gateway is not attached to the VPC. */
  | 'igw-not-attached'
  /** The route stays inside the VPC (local). */
  | 'local'
  /** Another target (transit gateway, virtual private gateway, peering, an appliance): it may lead out, which the
   *  VPC's own state cannot prove. */
  | 'unproven';

export interface InternetPath {
  subnetId: string;
  destination: string;
  verdict: InternetVerdict;
  /** The subnet's route, then (through a NAT gateway) the NAT gateway's subnet's route. */
  hops: RoutePath[];
  natGateway?: NatGatewayInput;
  internetGatewayId?: string;
  /** One sentence saying where the traffic goes and why that is the verdict. */
  explanation: string;
}

export interface InternetPathInput extends PathInput {
  natGateways: readonly NatGatewayInput[];
  internetGateways: readonly InternetGatewayInput[];
  /** Whether what sends the traffic has a public IPv4 address (an Elastic IP, an auto-assigned public IP). */
  hasPublicIp?: boolean;
  /** A specific address on the internet; the default route (0.0.0.0/0) when not given. */
  destination?: string;
}

/** Whether an internet gateway is attached to the VPC (EC2 reports an attached gateway's attachment "available"). */
export function internetGatewayAttached(id: string, vpcId: string | undefined, gateways: readonly InternetGatewayInput[]): boolean {
  const gateway = gateways.find((g) => g.InternetGatewayId === id);
  return !!gateway?.Attachments?.some((a) => (!vpcId || a.VpcId === vpcId) && ['available', 'attached'].includes(a.State ?? ''));
}

/** Verdicts that say the path is broken (as opposed to working, absent on purpose, or not provable). */
const BROKEN: ReadonlySet<InternetVerdict> = new Set(['needs-public-ip', 'blackhole', 'nat-unusable', 'nat-no-internet', 'igw-not-attached']);

/**
 * Routes in a subnet's table narrower than `destination` (a CIDR) that send part of it to an internet or NAT
 * gateway: 0.0.0.0/1 and 128.0.0.0/1 to an internet gateway beside a 0.0.0.0/0 to a NAT gateway send every public
 * address past the NAT gateway, though the default route alone says otherwise. Ranges that are not public (RFC 1918
 * and the like: the VPC's own, a peer's, on premises) are not the internet and are left out. Prefix-list routes are
 * not expanded (see longestPrefixRoute).
 * [not in guides: the VPC router's longest-prefix match, EC2 User Guide "Route priority"; appstream-routes.ts judged
 * the internet by one sample address (8.8.8.8), which saw a /1 covering it but missed the other half.]
 */
export function internetSplits(destination: string, input: PathInput & { internetGateways?: readonly InternetGatewayInput[] }): RouteMatch[] {
  const whole = toCidr(destination);
  const chosen = routeTableFor(input.subnetId, input.vpcId, input.routeTables);
  if (!whole || !chosen || isIpAddress(destination)) return [];
  const ipv6 = whole.includes(':');
  const bits = prefixLength(whole);
  const splits: RouteMatch[] = [];
  for (const route of chosen.table.Routes ?? []) {
    const cidr = ipv6 ? route.DestinationIpv6CidrBlock : route.DestinationCidrBlock;
    if (!cidr || !isCidr(cidr) || prefixLength(cidr) <= bits || !cidrCovers(whole, cidr) || nonPublicRangeOf(cidr)) continue;
    const match = recognised({ route, destination: cidr, target: routeTarget(route), blackhole: route.State === 'blackhole' }, input.internetGateways ?? []);
    if (match && (match.target.kind === 'internet-gateway' || match.target.kind === 'nat-gateway')) splits.push(match);
  }
  return splits;
}

/**
 * How a subnet reaches the internet (or a given address or range on it), hop by hop. For a range (the default,
 * 0.0.0.0/0), a narrower route that sends part of it to an internet or NAT gateway is followed too (internetSplits):
 * when that part's path is broken and the range's own is not, the verdict is that part's, its destination the part.
 */
export function internetPath(input: InternetPathInput): InternetPath {
  const destination = input.destination ?? INTERNET;
  if (!isIpAddress(destination) && !isCidr(destination)) throw new Error(`"${destination}" is neither an address nor a CIDR`);
  const whole = wholePath(input, destination);
  if (BROKEN.has(whole.verdict)) return whole;
  for (const split of internetSplits(destination, input)) {
    const part = internetPath({ ...input, destination: split.destination });
    if (BROKEN.has(part.verdict)) return part;
  }
  return whole;
}

function wholePath(input: InternetPathInput, destination: string): InternetPath {
  const first = pathTo(destination, input);
  const hops = [first];
  const base = { subnetId: input.subnetId, destination, hops };
  const where = first.routeTableId ? `route table ${first.routeTableId}${first.association === 'main' ? ' (the main table)' : ''}` : 'its route table';
  if (!first.routeTableId && !first.association) {
    return { ...base, verdict: 'no-route', explanation: `${input.subnetId} has no route table: neither an explicit association nor a main table of its VPC was found.` };
  }
  const match = recognised(first.match, input.internetGateways);
  if (!match) {
    return { ...base, verdict: 'no-route', explanation: `${capitalize(where)} of ${input.subnetId} has no route for ${destination}: traffic to the internet is dropped.` };
  }
  const route = match.destination === destination ? '' : ` (route ${match.destination})`;
  const via = `${capitalize(where)} sends ${destination}${route} to ${describeTarget(match.target)}`;
  if (match.blackhole) {
    return { ...base, verdict: 'blackhole', explanation: `${via}, but the route is a blackhole (its target no longer exists or is detached): traffic is dropped.` };
  }
  switch (match.target.kind) {
    case 'local':
      return { ...base, verdict: 'local', explanation: `${via}: it never leaves the VPC.` };
    case 'internet-gateway': {
      const id = match.target.id;
      if (!internetGatewayAttached(id, input.vpcId, input.internetGateways)) {
        return { ...base, internetGatewayId: id, verdict: 'igw-not-attached', explanation: `${via}, which is not attached to the VPC.` };
      }
      if (input.hasPublicIp) {
        return { ...base, internetGatewayId: id, verdict: 'via-internet-gateway', explanation: `${via}, with a public IP address to leave by.` };
      }
      return {
        ...base,
        internetGatewayId: id,
        verdict: 'needs-public-ip',
        explanation: `${via}: only an instance with a public IP address (an Elastic IP) gets out that way.`,
      };
    }
    case 'nat-gateway':
      return natPath(input, base, match.target.id, via);
    default:
      return { ...base, verdict: 'unproven', explanation: `${via}: whether that leads to the internet depends on what lies beyond it.` };
  }
}

/**
 * A route whose gateway id EC2's prefixes do not name (igw-…) but that is one of the VPC's internet gateways: a
 * gateway a plan creates, known by its address (aws_internet_gateway.main) until apply gives it an id.
 */
function recognised(match: RouteMatch | undefined, gateways: readonly InternetGatewayInput[]): RouteMatch | undefined {
  if (!match || match.target.kind !== 'unknown' || !gateways.some((g) => g.InternetGatewayId === match.target.id)) return match;
  return { ...match, target: { kind: 'internet-gateway', id: match.target.id } };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function natPath(
  input: InternetPathInput,
  base: Pick<InternetPath, 'subnetId' | 'destination' | 'hops'>,
  natId: string,
  via: string,
): InternetPath {
  const nat = input.natGateways.find((n) => n.NatGatewayId === natId);
  if (!nat) {
    return { ...base, verdict: 'nat-unusable', explanation: `${via}, which does not exist in the VPC.` };
  }
  const withNat = { ...base, natGateway: nat };
  if (nat.State !== 'available') {
    const why = nat.FailureMessage ? ` (${nat.FailureMessage})` : '';
    return { ...withNat, verdict: 'nat-unusable', explanation: `${via}, whose state is ${nat.State ?? 'unknown'}${why}, not available.` };
  }
  if (nat.ConnectivityType === 'private') {
    return { ...withNat, verdict: 'nat-unusable', explanation: `${via}, a private NAT gateway: it cannot reach the internet.` };
  }
  if (!nat.SubnetId) {
    return { ...withNat, verdict: 'unproven', explanation: `${via}, whose subnet EC2 did not report: its own route cannot be followed.` };
  }
  // The NAT gateway forwards to its own subnet's route table: it must be a public subnet.
  const onward = pathTo(base.destination, { subnetId: nat.SubnetId, routeTables: input.routeTables, ...(input.vpcId ? { vpcId: input.vpcId } : {}) });
  const hops = [...base.hops, onward];
  const natWhere = `${natId} sits in ${nat.SubnetId}, whose route table${onward.routeTableId ? ` ${onward.routeTableId}` : ''}`;
  const next = recognised(onward.match, input.internetGateways);
  if (!next || next.blackhole || next.target.kind !== 'internet-gateway') {
    const goes = !next
      ? 'has no route for it'
      : next.blackhole
        ? `sends it to a blackhole route (${next.destination})`
        : `sends it to ${describeTarget(next.target)}`;
    return { ...withNat, hops, verdict: 'nat-no-internet', explanation: `${via}; but ${natWhere} ${goes}, not to an internet gateway.` };
  }
  if (!internetGatewayAttached(next.target.id, input.vpcId, input.internetGateways)) {
    return {
      ...withNat,
      hops,
      internetGatewayId: next.target.id,
      verdict: 'nat-no-internet',
      explanation: `${via}; ${natWhere} sends it to ${next.target.id}, which is not attached to the VPC.`,
    };
  }
  return {
    ...withNat,
    hops,
    internetGatewayId: next.target.id,
    verdict: 'via-nat',
    explanation: `${via} (available); ${natWhere} sends it on to internet gateway ${next.target.id}.`,
  };
}
