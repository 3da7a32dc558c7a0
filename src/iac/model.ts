// The planned world: what a Terraform plan or a CloudFormation template is about to create or change, in one shape
// whatever it was read from. The readers (terraform.ts, cloudformation.ts) fill it; the facts (src/facts/) overlay
// it on live state through their `planned` readings, so the checks run unchanged.
//
// Identities: a resource the plan changes keeps its live id (subnet-0abc…); one it creates has none yet, and its
// address (aws_subnet.private_b, Resources.PrivateSubnetB) stands in for it, so references between planned
// resources hold, and a finding about it names the address. An attribute known only after apply is an
// `UnknownValue` marker (src/core/unknown.ts) saying which.
import type { UnknownValue } from '../core/unknown.js';

export type Known<T> = T | UnknownValue;

export type PlanFormat = 'terraform-plan' | 'cloudformation';

/** Where a planned resource is written: its file, and the line when the reader knows it. */
export interface SourceLocation {
  file: string;
  line?: number;
}

export interface PlannedBase {
  /** aws_subnet.private_b, module.net.aws_subnet.a[0], Resources.PrivateSubnetB. */
  address: string;
  /** The resource type as the source spells it: aws_subnet, AWS::EC2::Subnet. */
  type: string;
  /** Its live id when it exists already (the plan updates it), else its address. */
  id: string;
  /** Whether the plan creates it (or replaces it: a new resource either way). */
  created: boolean;
  source: SourceLocation;
}

export interface PlannedVpc extends PlannedBase {
  cidrBlock: Known<string>;
}

/** A secondary IPv4 CIDR associated with a VPC (aws_vpc_ipv4_cidr_block_association, AWS::EC2::VPCCidrBlock). */
export interface PlannedVpcCidr extends PlannedBase {
  vpcId: Known<string>;
  cidrBlock: Known<string>;
}

export interface PlannedSubnet extends PlannedBase {
  vpcId: Known<string>;
  cidrBlock: Known<string>;
  /** The zone's name in the account (eu-west-2a), when the source gives one. */
  availabilityZone?: Known<string>;
  /** The zone's id (euw2-az2), when the source gives one. */
  availabilityZoneId?: Known<string>;
  /** CloudFormation's `Fn::Select [i, Fn::GetAZs '']`: the i-th zone of the account's list, read when AWS is. */
  availabilityZoneIndex?: number;
  assignIpv6AddressOnCreation: Known<boolean>;
  mapPublicIpOnLaunch: Known<boolean>;
  ipv6CidrBlock?: Known<string>;
}

/** Where a route sends traffic: one of these ids. */
export interface RouteTarget {
  gatewayId?: Known<string>;
  natGatewayId?: Known<string>;
  transitGatewayId?: Known<string>;
  vpcPeeringConnectionId?: Known<string>;
  networkInterfaceId?: Known<string>;
  vpcEndpointId?: Known<string>;
  instanceId?: Known<string>;
  carrierGatewayId?: Known<string>;
  localGatewayId?: Known<string>;
  egressOnlyInternetGatewayId?: Known<string>;
  coreNetworkArn?: Known<string>;
}

export interface RouteSpec extends RouteTarget {
  destinationCidrBlock?: Known<string>;
  destinationIpv6CidrBlock?: Known<string>;
  destinationPrefixListId?: Known<string>;
}

export interface PlannedRouteTable extends PlannedBase {
  vpcId: Known<string>;
  /** Routes written inside the table (Terraform's inline `route` blocks). */
  routes: RouteSpec[];
  /** aws_default_route_table: the VPC's main route table, managed. */
  main?: boolean;
}

/** A route on its own (aws_route, AWS::EC2::Route). */
export interface PlannedRoute extends PlannedBase, RouteSpec {
  routeTableId: Known<string>;
}

export interface PlannedRouteTableAssociation extends PlannedBase {
  routeTableId: Known<string>;
  subnetId?: Known<string>;
  /** aws_main_route_table_association: the table becomes the VPC's main one. */
  mainForVpcId?: Known<string>;
}

export interface PlannedInternetGateway extends PlannedBase {
  /** The VPC it is attached to (Terraform's vpc_id, or an AWS::EC2::VPCGatewayAttachment). */
  vpcId?: Known<string>;
}

export interface PlannedNatGateway extends PlannedBase {
  subnetId: Known<string>;
  /** public | private */
  connectivityType: Known<string>;
}

export interface SecurityRule {
  /** -1 for all, else tcp/udp/icmp or a number, as EC2 spells IpProtocol. */
  protocol: Known<string>;
  fromPort?: Known<number>;
  toPort?: Known<number>;
  cidrIpv4: Known<string>[];
  cidrIpv6: Known<string>[];
  prefixListIds: Known<string>[];
  groupIds: Known<string>[];
  self?: boolean;
  description?: Known<string>;
}

export interface PlannedSecurityGroup extends PlannedBase {
  name: Known<string>;
  vpcId: Known<string>;
  /** Rules written inside the group; `undefined` when the group's rules are managed elsewhere. */
  ingress: SecurityRule[];
  egress: SecurityRule[];
  /** Terraform removes the default allow-all egress rule of a group it creates; CloudFormation keeps it unless given. */
  defaultEgress: boolean;
}

/** A rule on its own (aws_security_group_rule, aws_vpc_security_group_*_rule, AWS::EC2::SecurityGroupIngress…). */
export interface PlannedSecurityGroupRule extends PlannedBase, SecurityRule {
  securityGroupId: Known<string>;
  direction: 'ingress' | 'egress';
}

export interface PlannedDsDirectory extends PlannedBase {
  /** The domain name: corp.example.com. */
  name: Known<string>;
  shortName?: Known<string>;
  /** As Directory Service names it: SimpleAD, MicrosoftAD, ADConnector. */
  directoryType: Known<string>;
  size?: Known<string>;
  edition?: Known<string>;
  vpcId: Known<string>;
  subnetIds: Known<string>[];
  /** AD Connector: the on-premises DNS servers and service account. */
  customerDnsIps?: Known<string>[];
  customerUserName?: Known<string>;
}

export interface PlannedWorkspacesDirectory extends PlannedBase {
  /** The Directory Service directory registered (a live d-… or a planned directory's address). */
  directoryId: Known<string>;
  /** The subnets WorkSpaces are launched in; `undefined`: the directory's own. */
  subnetIds?: Known<string>[];
  ipGroupIds: Known<string>[];
  /** The WorkSpaces creation properties as the API spells them (CustomSecurityGroupId, DefaultOu, …). */
  creationProperties: Record<string, Known<unknown>>;
  /** Self-service permissions and device access, as the API spells them. */
  selfservicePermissions: Record<string, Known<string>>;
  workspaceAccessProperties: Record<string, Known<string>>;
}

export interface PlannedWorkspace extends PlannedBase {
  directoryId: Known<string>;
  bundleId: Known<string>;
  userName: Known<string>;
  rootVolumeEncryptionEnabled: Known<boolean>;
  userVolumeEncryptionEnabled: Known<boolean>;
  /** The key as written (an ARN, a key id, alias/…), or unknown when it references a resource. */
  volumeEncryptionKey?: Known<string>;
  /** The planned key or alias the key references, when it does (its id or address). */
  volumeEncryptionKeyResource?: string;
  /** WorkspaceProperties as the API spells them (ComputeTypeName, RunningMode, RootVolumeSizeGib…). */
  properties: Record<string, Known<unknown>>;
}

export interface PlannedIpGroup extends PlannedBase {
  name: Known<string>;
  description?: Known<string>;
  rules: Known<{ source: Known<string>; description?: Known<string> }[]>;
}

export interface PlannedKmsKey extends PlannedBase {
  enabled: Known<boolean>;
  keyUsage: Known<string>;
  keySpec: Known<string>;
  multiRegion: Known<boolean>;
  description?: Known<string>;
}

export interface PlannedKmsAlias extends PlannedBase {
  /** alias/… */
  name: Known<string>;
  targetKeyId: Known<string>;
}

export interface PlannedIamRole extends PlannedBase {
  name: Known<string>;
  /** The trust policy document: JSON text, or an object (CloudFormation writes it inline). */
  assumeRolePolicy: Known<unknown>;
  managedPolicyArns: Known<string>[];
  permissionsBoundary?: Known<string>;
}

export interface PlannedRolePolicyAttachment extends PlannedBase {
  roleName: Known<string>;
  policyArn: Known<string>;
}

export interface PlannedAppstreamFleet extends PlannedBase {
  name: Known<string>;
  instanceType: Known<string>;
  fleetType: Known<string>;
  imageName?: Known<string>;
  imageArn?: Known<string>;
  subnetIds: Known<string>[];
  securityGroupIds: Known<string>[];
  enableDefaultInternetAccess: Known<boolean>;
  /** DirectoryName and OrganizationalUnitDistinguishedName, when the fleet joins a domain. */
  domainJoin?: Record<string, Known<string>>;
  iamRoleArn?: Known<string>;
  streamView?: Known<string>;
  desiredInstances?: Known<number>;
}

export interface PlannedAppstreamImageBuilder extends PlannedBase {
  name: Known<string>;
  instanceType: Known<string>;
  imageName?: Known<string>;
  imageArn?: Known<string>;
  subnetIds: Known<string>[];
  securityGroupIds: Known<string>[];
  enableDefaultInternetAccess: Known<boolean>;
  domainJoin?: Record<string, Known<string>>;
  iamRoleArn?: Known<string>;
}

export interface PlannedAppstreamStack extends PlannedBase {
  name: Known<string>;
  /** Fleets associated with it (aws_appstream_fleet_stack_association, AWS::AppStream::StackFleetAssociation). */
  fleetNames: Known<string>[];
}

export interface PlannedWorld {
  format: PlanFormat;
  /** The plan or template file, as given. */
  file: string;
  /** The Region the plan deploys to, when it says (Terraform's provider `region`). */
  region?: string;
  vpcs: PlannedVpc[];
  vpcCidrs: PlannedVpcCidr[];
  subnets: PlannedSubnet[];
  routeTables: PlannedRouteTable[];
  routes: PlannedRoute[];
  routeTableAssociations: PlannedRouteTableAssociation[];
  internetGateways: PlannedInternetGateway[];
  natGateways: PlannedNatGateway[];
  securityGroups: PlannedSecurityGroup[];
  securityGroupRules: PlannedSecurityGroupRule[];
  dsDirectories: PlannedDsDirectory[];
  workspacesDirectories: PlannedWorkspacesDirectory[];
  workspaces: PlannedWorkspace[];
  ipGroups: PlannedIpGroup[];
  kmsKeys: PlannedKmsKey[];
  kmsAliases: PlannedKmsAlias[];
  iamRoles: PlannedIamRole[];
  rolePolicyAttachments: PlannedRolePolicyAttachment[];
  appstreamFleets: PlannedAppstreamFleet[];
  appstreamImageBuilders: PlannedAppstreamImageBuilder[];
  appstreamStacks: PlannedAppstreamStack[];
  /**
   * Ids of resources that exist already and that planned resources name (a subnet given by id), each with the first
   * planned resource that names it: where a finding about the live resource points in the code.
   */
  mentions: Record<string, { address: string; source: SourceLocation }>;
}

/** The lists of a world that hold planned resources. */
export const RESOURCE_LISTS = [
  'vpcs',
  'vpcCidrs',
  'subnets',
  'routeTables',
  'routes',
  'routeTableAssociations',
  'internetGateways',
  'natGateways',
  'securityGroups',
  'securityGroupRules',
  'dsDirectories',
  'workspacesDirectories',
  'workspaces',
  'ipGroups',
  'kmsKeys',
  'kmsAliases',
  'iamRoles',
  'rolePolicyAttachments',
  'appstreamFleets',
  'appstreamImageBuilders',
  'appstreamStacks',
] as const satisfies readonly (keyof PlannedWorld)[];

export function emptyWorld(format: PlanFormat, file: string): PlannedWorld {
  const world = { format, file, mentions: {} } as PlannedWorld;
  for (const list of RESOURCE_LISTS) (world[list] as unknown[]) = [];
  return world;
}

/** Every planned resource of the world. */
export function allResources(world: PlannedWorld): PlannedBase[] {
  return RESOURCE_LISTS.flatMap((list) => world[list] as PlannedBase[]);
}

/** The planned resource whose id (or address) is `id`, if the plan has one. */
export function plannedResource(world: PlannedWorld, id: unknown): PlannedBase | undefined {
  if (typeof id !== 'string') return undefined;
  return allResources(world).find((r) => r.id === id || r.address === id);
}

/** Where a finding about `id` points: the planned resource itself, or the planned resource naming a live one. */
export function locationOf(world: PlannedWorld, id: string): { address: string; source: SourceLocation } | undefined {
  // By id or address, else by name: checks of named resources (workspaces_DefaultRole, a fleet) report the name, and
  // checks of a launch the user it is for (the first WorkSpace the plan launches for them) or the key as written.
  const planned =
    plannedResource(world, id) ??
    allResources(world).find((r) => (r as { name?: unknown }).name === id) ??
    world.workspaces.find((w) => w.created && w.userName === id) ??
    world.workspaces.find((w) => w.volumeEncryptionKey === id);
  if (planned) return { address: planned.address, source: planned.source };
  return Object.hasOwn(world.mentions, id) ? world.mentions[id] : undefined;
}
