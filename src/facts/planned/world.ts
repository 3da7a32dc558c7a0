// Readings of the planned world that the facts' planned readings share: which planned resources a target names,
// and how a planned resource looks in the shape its AWS API returns, so the checks read it as they read live state.
import { isUnknown, unknownValue, UnknownValueRead, type UnknownValue } from '../../core/unknown.js';
import type { Known, PlannedDsDirectory, PlannedWorkspacesDirectory, PlannedWorld, RouteSpec } from '../../iac/model.js';

/** The planned registration and Directory Service directory a target's directory id names (either may be absent). */
export function plannedDirectory(
  world: PlannedWorld,
  directoryId: string,
): { registration?: PlannedWorkspacesDirectory; ds?: PlannedDsDirectory } {
  const registration = world.workspacesDirectories.find((d) => d.directoryId === directoryId || d.address === directoryId);
  const ds = world.dsDirectories.find((d) => d.id === directoryId);
  return { ...(registration ? { registration } : {}), ...(ds ? { ds } : {}) };
}

/** Whether `id` stands for a resource the plan creates (it has no live id yet, so AWS cannot be asked about it). */
export function createdByPlan(world: PlannedWorld, id: string): boolean {
  const lists = [
    world.vpcs,
    world.subnets,
    world.routeTables,
    world.dsDirectories,
    world.workspacesDirectories,
    world.workspaces,
    world.ipGroups,
    world.securityGroups,
    world.kmsKeys,
    world.kmsAliases,
    world.natGateways,
    world.internetGateways,
  ];
  return lists.some((list) => list.some((r) => r.created && (r.id === id || r.address === id)));
}

/** Ids that must be known to go on: the first unknown one fails the fact as known only after apply. */
export function knownIds(ids: readonly Known<string>[]): string[] {
  const unknown = ids.find(isUnknown);
  if (unknown) throw new UnknownValueRead(unknown.$unknown);
  return ids as string[];
}

export function known<T>(value: Known<T>): T {
  if (isUnknown(value)) throw new UnknownValueRead(value.$unknown);
  return value;
}

/** `value` unless it is undefined (then the key is left out of the API shape, as the API leaves it out). */
export function field<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * Free addresses in a new subnet: its size less the five AWS reserves in every subnet (the network address, the
 * VPC router, DNS, one reserved for future use, and the broadcast address) [not in guides: Amazon VPC User Guide,
 * "Subnet CIDR blocks"].
 */
export function freeAddressesOfNewSubnet(cidr: Known<string>, address: string): Known<number> {
  if (isUnknown(cidr)) return cidr;
  const prefix = Number(/\/(\d{1,2})$/.exec(cidr)?.[1]);
  if (!Number.isInteger(prefix) || prefix > 32 || cidr.includes(':')) {
    return unknownValue(`${address}: the free addresses of ${cidr} cannot be counted`);
  }
  return Math.max(0, 2 ** (32 - prefix) - 5);
}

/** A planned route in DescribeRouteTables' shape. */
export function routeJson(route: RouteSpec, origin = 'CreateRoute'): Record<string, unknown> {
  const gateway = route.gatewayId ?? route.vpcEndpointId;
  return {
    ...field('DestinationCidrBlock', route.destinationCidrBlock),
    ...field('DestinationIpv6CidrBlock', route.destinationIpv6CidrBlock),
    ...field('DestinationPrefixListId', route.destinationPrefixListId),
    ...field('GatewayId', gateway),
    ...field('NatGatewayId', route.natGatewayId),
    ...field('TransitGatewayId', route.transitGatewayId),
    ...field('VpcPeeringConnectionId', route.vpcPeeringConnectionId),
    ...field('NetworkInterfaceId', route.networkInterfaceId),
    ...field('InstanceId', route.instanceId),
    ...field('CarrierGatewayId', route.carrierGatewayId),
    ...field('LocalGatewayId', route.localGatewayId),
    ...field('EgressOnlyInternetGatewayId', route.egressOnlyInternetGatewayId),
    ...field('CoreNetworkArn', route.coreNetworkArn),
    Origin: origin,
    State: 'active',
  };
}

/** The WorkSpaces directory type a Directory Service type registers as (Managed AD: left to the live read). */
export function workspacesDirectoryType(dsType: Known<string>): Known<string> | undefined {
  if (isUnknown(dsType)) return dsType;
  return { SimpleAD: 'SIMPLE_AD', ADConnector: 'AD_CONNECTOR' }[dsType];
}

export function notYet(address: string, what: string): UnknownValue {
  return unknownValue(`${address}: ${what}`);
}
