// The directory's subnets as the plan leaves them: new subnets in DescribeSubnets' shape, subnets the plan changes
// with its changes over their live state, and the others read live. A new subnet's zone is written by name, by id
// or (CloudFormation) as the i-th of Fn::GetAZs; the account's zones (DescribeAvailabilityZones) give the rest,
// because names map to physical zones differently in every account. Offline, what needs them stays unknown.
import type { AvailabilityZone, Subnet } from '@aws-sdk/client-ec2';
import type { Json } from '../../core/json.js';
import { isUnknown, unknownValue } from '../../core/unknown.js';
import type { Known, PlannedSubnet } from '../../iac/model.js';
import { override, type PlannedReading } from '../define.js';
import availabilityZones from '../ec2/availability-zones.js';
import workspacesDirectory, { directorySubnetIds } from '../workspaces/workspaces-directory.js';
import { field, freeAddressesOfNewSubnet, knownIds } from './world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const plannedSubnets: PlannedReading<any> = {
  dependsOn: [availabilityZones],
  async read({ world, get, live }) {
    const directory = await get(workspacesDirectory);
    const ids = knownIds(directorySubnetIds(directory));
    const planned = new Map(ids.map((id) => [id, world.subnets.find((s) => s.id === id)]));
    const liveIds = ids.filter((id) => !planned.get(id)?.created);
    const current = liveIds.length
      ? ((await live(override(workspacesDirectory, { ...directory, SubnetIds: liveIds }))) as Json<Subnet>[])
      : [];
    const needsZones = [...planned.values()].some(needsAccountZones);
    const zones = needsZones ? await get(availabilityZones).then(
      (value) => ({ value }),
      (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
    ) : undefined;
    const known = zones && 'value' in zones ? (zones.value as Json<AvailabilityZone>[]) : undefined;
    const unread = zones && 'error' in zones ? zones.error : undefined;
    return ids.map((id) => {
      const subnet = planned.get(id);
      const now = current.find((s) => s.SubnetId === id);
      if (!subnet) return now ?? unknownValue(`subnet ${id} was not returned by EC2`);
      return plannedSubnetJson(subnet, now, known, unread);
    });
  },
};

/** Whether a planned subnet's zone can be known only from the account's zones (DescribeAvailabilityZones). */
export function needsAccountZones(subnet: PlannedSubnet | undefined): boolean {
  return !!subnet?.created && (subnet.availabilityZoneIndex !== undefined || isUnknown(subnet.availabilityZoneId ?? subnet.availabilityZone ?? {}));
}

/** A planned subnet in DescribeSubnets' shape, over its live state when the plan changes one that exists. */
export function plannedSubnetJson(subnet: PlannedSubnet, now: Json<Subnet> | undefined, zones: Json<AvailabilityZone>[] | undefined, unread: string | undefined): Record<string, unknown> {
  return {
    ...(now ?? {}),
    SubnetId: subnet.id,
    VpcId: subnet.vpcId,
    CidrBlock: subnet.cidrBlock,
    ...zoneOf(subnet, zones, unread),
    AssignIpv6AddressOnCreation: subnet.assignIpv6AddressOnCreation,
    MapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
    ...(subnet.created
      ? { AvailableIpAddressCount: freeAddressesOfNewSubnet(subnet.cidrBlock, subnet.address), State: 'available', DefaultForAz: false }
      : {}),
    // An IPv6 block whose addresses Amazon picks at apply: the association is what matters, so it is there
    // without its CIDR rather than unknown (which would stop every check that lists the subnet's blocks).
    ...(subnet.ipv6CidrBlock !== undefined
      ? { Ipv6CidrBlockAssociationSet: [{ ...(isUnknown(subnet.ipv6CidrBlock) ? {} : { Ipv6CidrBlock: subnet.ipv6CidrBlock }), Ipv6CidrBlockState: { State: 'associated' } }] }
      : {}),
  };
}

/** The planned subnet's zone name and id, completed from the account's zones when they could be read. */
function zoneOf(subnet: PlannedSubnet, zones: Json<AvailabilityZone>[] | undefined, unread: string | undefined): Record<string, Known<string>> {
  const why = (what: string) =>
    unknownValue(`${subnet.address}: ${what} is read from the account's zones (ec2:DescribeAvailabilityZones)${unread ? `, which could not be read (${unread})` : ''}`);
  let name = subnet.availabilityZone;
  let id = subnet.availabilityZoneId;
  if (subnet.availabilityZoneIndex !== undefined) {
    // Fn::GetAZs: the Region's zones in alphabetical order [not in guides: CloudFormation's Fn::GetAZs reference;
    // in an account whose default VPC lacks a subnet in some zone, GetAZs leaves that zone out, which this ignores].
    const listed = zones
      ?.filter((z) => (z.ZoneType ?? 'availability-zone') === 'availability-zone' && (z.State ?? 'available') === 'available' && z.ZoneName)
      .sort((a, b) => (a.ZoneName! < b.ZoneName! ? -1 : 1));
    const pick = listed?.[subnet.availabilityZoneIndex];
    if (pick) return { AvailabilityZone: pick.ZoneName!, ...field('AvailabilityZoneId', pick.ZoneId) };
    if (listed) {
      const reason = unknownValue(`${subnet.address}: the account has ${listed.length} zones in the Region, so Fn::GetAZs has no zone ${subnet.availabilityZoneIndex}`);
      return { AvailabilityZone: reason, AvailabilityZoneId: reason };
    }
    // Unread: the zone's name stands as the expression that picks it (two different picks are two zones), and its
    // id, which says whether WorkSpaces supports it, is unknown.
    return { AvailabilityZone: `Fn::Select [${subnet.availabilityZoneIndex}, Fn::GetAZs]`, AvailabilityZoneId: why('the zone Fn::GetAZs picks') };
  }
  if (typeof name === 'string' && (id === undefined || isUnknown(id))) {
    const found = zones?.find((z) => z.ZoneName === name)?.ZoneId;
    id = found ?? (zones ? unknownValue(`${subnet.address}: ${name} is not a zone of this account in the Region`) : why(`the AZ id of ${name}`));
  } else if (typeof id === 'string' && (name === undefined || isUnknown(name))) {
    const found = zones?.find((z) => z.ZoneId === id)?.ZoneName;
    name = found ?? (zones ? unknownValue(`${subnet.address}: ${id} is not a zone of this Region`) : why(`the zone name of ${id}`));
  }
  if (name === undefined && id === undefined) {
    // Neither given: EC2 picks a zone at creation.
    name = unknownValue(`${subnet.address}: no zone is given, so EC2 picks one at apply`);
    id = name;
  }
  return { ...field('AvailabilityZone', name), ...field('AvailabilityZoneId', id) };
}
