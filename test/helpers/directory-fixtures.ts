// Fixtures for the directory checks' tables, in the shapes the facts hold (the EC2, WorkSpaces and Directory Service
// answers as JSON): the catalog's dir(…), sn(…), rt(…), sg(…) and friends. The defaults make the guide's healthy
// layout: an AD Connector directory in two private subnets of 10.0.0.0/16 in supported us-east-1 zones, a NAT
// gateway in a public subnet, an attached internet gateway, the default network ACL, and WorkSpaces security groups
// that allow all outbound traffic.
import type { FactValue } from '../../src/facts/define.js';
import type dsDirectoryFact from '../../src/facts/ds/ds-directory.js';
import type networkAclsFact from '../../src/facts/ec2/network-acls.js';
import type natGatewaysFact from '../../src/facts/ec2/nat-gateways.js';
import type internetGatewaysFact from '../../src/facts/ec2/internet-gateways.js';
import type routeTablesFact from '../../src/facts/ec2/route-tables.js';
import type securityGroupsFact from '../../src/facts/ec2/security-groups.js';
import type subnetsFact from '../../src/facts/ec2/subnets.js';
import type vpcFact from '../../src/facts/ec2/vpc.js';
import type workspacesDirectoryFact from '../../src/facts/workspaces/workspaces-directory.js';
import type workspacesFact from '../../src/facts/workspaces/workspaces.js';

export const DIR = 'd-1234567890';
export const VPC = 'vpc-1';
export const MEMBERS_SG = 'sg-members';
export const CONTROLLERS_SG = 'sg-controllers';
export const DNS = '10.50.0.10';

type Directory = FactValue<typeof workspacesDirectoryFact>;
export const dir = (over: Partial<Directory> = {}): Directory => ({
  DirectoryId: DIR,
  DirectoryName: 'corp.example.com',
  DirectoryType: 'AD_CONNECTOR',
  State: 'REGISTERED',
  SubnetIds: ['subnet-a', 'subnet-b'],
  DnsIpAddresses: [DNS],
  WorkspaceSecurityGroupId: MEMBERS_SG,
  WorkspaceCreationProperties: { EnableInternetAccess: false, EnableMaintenanceMode: true },
  ...over,
});

type Subnet = FactValue<typeof subnetsFact>[number];
export const sn = (id: string, cidr: string, zone: string, zoneId: string, over: Partial<Subnet> = {}): Subnet => ({
  SubnetId: id,
  VpcId: VPC,
  CidrBlock: cidr,
  AvailabilityZone: zone,
  AvailabilityZoneId: zoneId,
  AvailableIpAddressCount: 250,
  ...over,
});
export const subnetsAB = (): Subnet[] => [sn('subnet-a', '10.0.1.0/24', 'us-east-1a', 'use1-az6'), sn('subnet-b', '10.0.2.0/24', 'us-east-1c', 'use1-az2')];

export const theVpc = (): FactValue<typeof vpcFact> => ({ VpcId: VPC, CidrBlock: '10.0.0.0/16' });

type RouteTable = FactValue<typeof routeTablesFact>[number];
type Route = NonNullable<RouteTable['Routes']>[number];
const local: Route = { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' };
export const rt = (id: string, routes: Route[], associations: RouteTable['Associations']): RouteTable => ({
  RouteTableId: id,
  VpcId: VPC,
  Routes: [local, ...routes],
  Associations: associations,
});
export const mainTable = (routes: Route[]) => rt('rtb-private', routes, [{ Main: true, AssociationState: { State: 'associated' } }]);
export const publicTable = () =>
  rt('rtb-public', [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }], [{ SubnetId: 'subnet-public', AssociationState: { State: 'associated' } }]);
/** The guide's private layout, with the on-premises network (10.50.0.0/16) behind a VPN gateway. */
export const routeTablesHealthy = (): RouteTable[] => [
  mainTable([
    { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
    { DestinationCidrBlock: '10.50.0.0/16', GatewayId: 'vgw-1', State: 'active' },
  ]),
  publicTable(),
];

export const nat = (over: Partial<FactValue<typeof natGatewaysFact>[number]> = {}): FactValue<typeof natGatewaysFact>[number] => ({
  NatGatewayId: 'nat-1',
  State: 'available',
  SubnetId: 'subnet-public',
  VpcId: VPC,
  ...over,
});
export const igw = (): FactValue<typeof internetGatewaysFact>[number] => ({ InternetGatewayId: 'igw-1', // EC2 reports an attached internet gateway's attachment as "available", outside its own AttachmentStatus enum.
  Attachments: [{ VpcId: VPC, State: 'available' as never }] });

type SecurityGroup = FactValue<typeof securityGroupsFact>[number];
type Permission = NonNullable<SecurityGroup['IpPermissionsEgress']>[number];
export const allOut: Permission = { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] };
export const tcpOut = (from: number, to: number, cidr: string): Permission => ({ IpProtocol: 'tcp', FromPort: from, ToPort: to, IpRanges: [{ CidrIp: cidr }] });
export const udpOut = (from: number, to: number, cidr: string): Permission => ({ IpProtocol: 'udp', FromPort: from, ToPort: to, IpRanges: [{ CidrIp: cidr }] });
export const sg = (id: string, name: string, egress: Permission[] = [allOut]): SecurityGroup => ({ GroupId: id, GroupName: name, VpcId: VPC, IpPermissions: [], IpPermissionsEgress: egress });
export const groupsHealthy = (): SecurityGroup[] => [sg(MEMBERS_SG, `${DIR}_workspacesMembers`), sg(CONTROLLERS_SG, `${DIR}_controllers`), sg('sg-default', 'default')];

type NetworkAcl = FactValue<typeof networkAclsFact>[number];
type Entry = NonNullable<NetworkAcl['Entries']>[number];
export const allowAll = (egress: boolean): Entry[] => [
  { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: egress, CidrBlock: '0.0.0.0/0' },
  { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: egress, CidrBlock: '0.0.0.0/0' },
];
export const acl = (entries: Entry[] = [...allowAll(true), ...allowAll(false)], over: Partial<NetworkAcl> = {}): NetworkAcl => ({
  NetworkAclId: 'acl-default',
  VpcId: VPC,
  IsDefault: true,
  Entries: entries,
  Associations: [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }, { SubnetId: 'subnet-public' }],
  ...over,
});
/** A deny rule placed before the default allow. */
export const denyEntry = (ruleNumber: number, egress: boolean, protocol: string, from: number, to: number, cidr: string): Entry => ({
  RuleNumber: ruleNumber,
  Protocol: protocol,
  RuleAction: 'deny',
  Egress: egress,
  CidrBlock: cidr,
  PortRange: { From: from, To: to },
});

type DsDirectory = FactValue<typeof dsDirectoryFact>;
export const ds = (over: Partial<DsDirectory> = {}): DsDirectory => ({
  DirectoryId: DIR,
  Name: 'corp.example.com',
  Type: 'ADConnector',
  Stage: 'Active',
  DnsIpAddrs: [DNS],
  ConnectSettings: { VpcId: VPC, SubnetIds: ['subnet-a', 'subnet-b'], SecurityGroupId: CONTROLLERS_SG, CustomerUserName: 'svc-adconnector' },
  ...over,
});

type Workspace = FactValue<typeof workspacesFact>[number];
export const ws = (id: string, over: Partial<Workspace> = {}): Workspace => ({
  WorkspaceId: id,
  DirectoryId: DIR,
  UserName: 'alice',
  State: 'AVAILABLE',
  SubnetId: 'subnet-a',
  IpAddress: '10.0.1.20',
  BundleId: 'wsb-standard1',
  ...over,
});
