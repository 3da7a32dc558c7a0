// Fact values for the AppStream check tables, shaped as the facts hold them (SDK types after their JSON round trip):
// a fleet, an image builder, and the EC2 network around them, with what a healthy setup has unless a case says
// otherwise.
import type { FactValue } from '../../src/facts/define.js';
import type fleetsFact from '../../src/facts/appstream/fleets.js';
import type imageBuilderFact from '../../src/facts/appstream/image-builder.js';
import type subnetsFact from '../../src/facts/appstream/appstream-subnets.js';
import type routeTablesFact from '../../src/facts/appstream/appstream-route-tables.js';
import type natGatewaysFact from '../../src/facts/appstream/appstream-nat-gateways.js';
import type internetGatewaysFact from '../../src/facts/appstream/appstream-internet-gateways.js';
import type securityGroupsFact from '../../src/facts/appstream/appstream-security-groups.js';

export type FleetValue = FactValue<typeof fleetsFact>[number];
export type BuilderValue = FactValue<typeof imageBuilderFact>;

export const NOW = '2026-11-20T12:00:00.000Z';
export const minutesAgo = (m: number): string => new Date(Date.parse(NOW) - m * 60_000).toISOString();

export const fleet = (over: Partial<FleetValue> = {}): FleetValue => ({
  Arn: 'arn:aws:appstream:us-east-1:123456789012:fleet/office',
  Name: 'office',
  InstanceType: 'stream.standard.medium',
  FleetType: 'ON_DEMAND',
  ComputeCapacityStatus: { Desired: 2, Running: 2 },
  State: 'RUNNING',
  CreatedTime: minutesAgo(600),
  FleetErrors: [],
  EnableDefaultInternetAccess: false,
  Platform: 'WINDOWS_SERVER_2019',
  ImageName: 'office-2026',
  ImageArn: 'arn:aws:appstream:us-east-1:123456789012:image/office-2026',
  VpcConfig: { SubnetIds: ['subnet-a', 'subnet-b'], SecurityGroupIds: ['sg-1'] },
  ...over,
});

export const builder = (over: Partial<BuilderValue> = {}): BuilderValue => ({
  Name: 'ib-office',
  State: 'RUNNING',
  InstanceType: 'stream.standard.large',
  Platform: 'WINDOWS_SERVER_2019',
  CreatedTime: minutesAgo(600),
  ImageArn: 'arn:aws:appstream:us-east-1::image/AppStream-WinServer2019-06-01-2026',
  VpcConfig: { SubnetIds: ['subnet-a'], SecurityGroupIds: ['sg-1'] },
  NetworkAccessConfiguration: { EniId: 'eni-ib', EniPrivateIpAddress: '10.0.1.50' },
  EnableDefaultInternetAccess: false,
  ImageBuilderErrors: [],
  ...over,
});

export const subnet = (SubnetId: string, AvailabilityZone: string, free = 200, VpcId = 'vpc-1'): FactValue<typeof subnetsFact>[number] => ({
  SubnetId,
  AvailabilityZone,
  AvailableIpAddressCount: free,
  VpcId,
  CidrBlock: SubnetId === 'subnet-a' ? '10.0.1.0/24' : '10.0.2.0/24',
});

export const SUBNETS = [subnet('subnet-a', 'us-east-1a'), subnet('subnet-b', 'us-east-1b')];

type Table = FactValue<typeof routeTablesFact>[number];
type Route = NonNullable<Table['Routes']>[number];
/** A route as a case writes it: the state as plain text ('active', 'blackhole'). */
type LooseRoute = Omit<Route, 'State'> & { State?: string };

export const table = (RouteTableId: string, subnets: string[] | 'main', routes: LooseRoute[], VpcId = 'vpc-1'): Table => ({
  RouteTableId,
  VpcId,
  Associations: subnets === 'main' ? [{ Main: true }] : subnets.map((SubnetId) => ({ Main: false, SubnetId })),
  Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }, ...(routes as Route[])],
});

/** The guide's setup: private subnets a and b routed to a NAT gateway in public subnet p, routed to an attached IGW. */
export const NAT_SETUP = {
  appstreamRouteTables: [
    table('rtb-private', ['subnet-a', 'subnet-b'], [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }]),
    table('rtb-public', ['subnet-p'], [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }]),
    table('rtb-main', 'main', []),
  ],
  appstreamNatGateways: [{ NatGatewayId: 'nat-1', State: 'available', SubnetId: 'subnet-p', VpcId: 'vpc-1', ConnectivityType: 'public' }] as FactValue<typeof natGatewaysFact>,
  appstreamInternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] }] as unknown as FactValue<typeof internetGatewaysFact>,
};

export const securityGroup = (GroupId: string, egress: NonNullable<FactValue<typeof securityGroupsFact>[number]['IpPermissionsEgress']>) => ({
  GroupId,
  VpcId: 'vpc-1',
  IpPermissionsEgress: egress,
});

export const ALL_EGRESS = [securityGroup('sg-1', [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }])];
