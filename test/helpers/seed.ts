// Builds WorkSpaces setups in the emulator the way an admin would: a VPC, two subnets in different AZs, an AD
// Connector, and the directory registered with WorkSpaces. Uses the real SDK (write calls live only in tests).
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AssociateSubnetCidrBlockCommand,
  AssociateVpcCidrBlockCommand,
  AttachInternetGatewayCommand,
  AttachNetworkInterfaceCommand,
  AttachVpnGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteTableCommand,
  CreateVpnGatewayCommand,
  DescribeAvailabilityZonesCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteNetworkInterfaceCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DetachNetworkInterfaceCommand,
  EC2Client,
  ModifySubnetAttributeCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { ConnectDirectoryCommand, CreateMicrosoftADCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import {
  CreateWorkspacesCommand,
  RegisterWorkspaceDirectoryCommand,
  WorkSpacesClient,
  type Compute,
  type WorkspaceRequest,
} from '@aws-sdk/client-workspaces';
import ipaddr from 'ipaddr.js';
import { supportedAzsFor } from '../../src/data/workspaces-azs.js';

export interface Seeded {
  region: string;
  directoryId: string;
  vpcId: string;
  subnetIds: [string, string];
  /** The guide's layout around the directory (`network: 'guide'`, the default): where its pieces are. */
  network?: SeededNetwork;
}

export interface SeededNetwork {
  /** The public subnet (the last /24 of the VPC) holding the NAT gateway, routed to the internet gateway. */
  publicSubnetId: string;
  publicRouteTableId: string;
  /** The VPC's main route table, which the directory's (private) subnets use: 0.0.0.0/0 → NAT gateway, and the
   *  on-premises network (where the AD Connector's DNS servers are) → the VPN gateway. */
  mainRouteTableId: string;
  internetGatewayId: string;
  natGatewayId: string;
  vpnGatewayId: string;
}

/** The on-premises network the seeded VPN gateway leads to: the loopback block test DNS servers are bound in
 *  (dns-server.ts), standing in for the customer's data centre. */
export const ON_PREMISES_CIDR = '127.53.0.0/16';

/**
 * The AD Connector's DNS server unless a test names its own: a loopback address nothing listens on (outside the
 * 127.53.1.0-127.53.254.255 block test DNS servers take), so checks that probe it get a refusal and nothing else.
 */
export const NO_DNS_SERVER = '127.53.255.254';

/** Credentials for the emulator; moto keeps accounts apart by them (test/helpers/accounts.ts gives other accounts'). */
export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function sdkConfig(
  endpoint: string,
  region: string,
  credentials: TestCredentials = { accessKeyId: 'AKIAWSDOCTORTESTKEY1', secretAccessKey: 'wsdoctor-test-secret-key' },
) {
  return { region, endpoint, credentials };
}

export async function seedDirectory(
  endpoint: string,
  region: string,
  vpcCidr: string,
  subnetCidrs: [string, string],
  {
    dnsIps = [NO_DNS_SERVER],
    defaultRole = true,
    azs,
    network = 'guide',
    credentials,
  }: {
    dnsIps?: string[];
    defaultRole?: boolean;
    /** The zone names of the two subnets; by default two zones WorkSpaces supports (by AZ id) in this account. */
    azs?: [string, string];
    /** 'guide': the layout the Administration Guide builds (public subnet, NAT gateway, internet gateway, a VPN
     *  gateway to the on-premises DNS servers); 'bare': the VPC and the two subnets only. */
    network?: 'guide' | 'bare';
    credentials?: TestCredentials;
  } = {},
): Promise<Seeded> {
  const config = sdkConfig(endpoint, region, credentials);
  const ec2 = new EC2Client(config);
  const ds = new DirectoryServiceClient(config);
  const workspaces = new WorkSpacesClient(config);
  const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: vpcCidr }));
  const subnet = async (cidr: string, az: string) =>
    (await ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId!, CidrBlock: cidr, AvailabilityZone: az }))).Subnet!
      .SubnetId!;
  const [azA, azB] = azs ?? (await supportedZoneNames(ec2, region));
  const subnetIds: [string, string] = [await subnet(subnetCidrs[0], azA), await subnet(subnetCidrs[1], azB)];
  const built = network === 'guide' ? await guideNetwork(ec2, Vpc!.VpcId!, vpcCidr, azA) : undefined;
  const { DirectoryId } = await ds.send(
    new ConnectDirectoryCommand({
      Name: 'corp.example.com',
      Password: 'Passw0rd-not-real',
      Size: 'Small',
      ConnectSettings: {
        VpcId: Vpc!.VpcId!,
        SubnetIds: subnetIds,
        CustomerDnsIps: dnsIps,
        CustomerUserName: 'svc-adconnector',
      },
    }),
  );
  // Registering a directory needs workspaces_DefaultRole (002 lines 7610-7612): an account that has one has the role.
  if (defaultRole) await createDefaultRole(endpoint, credentials);
  await workspaces.send(new RegisterWorkspaceDirectoryCommand({ DirectoryId: DirectoryId!, SubnetIds: subnetIds }));
  return { region, directoryId: DirectoryId!, vpcId: Vpc!.VpcId!, subnetIds, ...(built ? { network: built } : {}) };
}

/**
 * Two zone names of this account whose AZ ids WorkSpaces supports in the Region (names map to zones per account:
 * moto's us-east-1b is use1-az1, which WorkSpaces does not support); `<region>a` and `b` where the table has none.
 */
export async function supportedZoneNames(ec2: EC2Client, region: string): Promise<[string, string]> {
  const supported = supportedAzsFor(region)?.azIds ?? [];
  const { AvailabilityZones = [] } = await ec2.send(new DescribeAvailabilityZonesCommand({}));
  const names = AvailabilityZones.filter((z) => supported.includes(z.ZoneId ?? '')).map((z) => z.ZoneName!);
  return names.length >= 2 ? [names[0]!, names[1]!] : [`${region}a`, `${region}b`];
}

/**
 * The guide's VPC around the directory's private subnets (002 lines 302-489): a public subnet (the VPC's last /24)
 * routed to an attached internet gateway, a NAT gateway in it that the main route table sends 0.0.0.0/0 to, and —
 * for an AD Connector, "connected to your on-premises network through a VPN" (002 lines 3978-3980) — a VPN gateway
 * the main table sends the on-premises network to.
 */
async function guideNetwork(ec2: EC2Client, vpcId: string, vpcCidr: string, az: string): Promise<SeededNetwork> {
  const last = ipaddr.IPv4.broadcastAddressFromCIDR(vpcCidr).toByteArray();
  const publicCidr = `${last[0]}.${last[1]}.${last[2]}.0/24`;
  const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: publicCidr, AvailabilityZone: az }));
  const { InternetGateway } = await ec2.send(new CreateInternetGatewayCommand({}));
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: InternetGateway!.InternetGatewayId!, VpcId: vpcId }));
  const { RouteTable: publicTable } = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }));
  await ec2.send(new CreateRouteCommand({ RouteTableId: publicTable!.RouteTableId!, DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGateway!.InternetGatewayId! }));
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicTable!.RouteTableId!, SubnetId: Subnet!.SubnetId! }));
  const { AllocationId } = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const { NatGateway } = await ec2.send(new CreateNatGatewayCommand({ SubnetId: Subnet!.SubnetId!, AllocationId: AllocationId! }));
  const { VpnGateway } = await ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }));
  await ec2.send(new AttachVpnGatewayCommand({ VpnGatewayId: VpnGateway!.VpnGatewayId!, VpcId: vpcId }));
  const { RouteTables } = await ec2.send(
    new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'association.main', Values: ['true'] }] }),
  );
  const mainRouteTableId = RouteTables![0]!.RouteTableId!;
  await ec2.send(new CreateRouteCommand({ RouteTableId: mainRouteTableId, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: NatGateway!.NatGatewayId! }));
  await ec2.send(new CreateRouteCommand({ RouteTableId: mainRouteTableId, DestinationCidrBlock: ON_PREMISES_CIDR, GatewayId: VpnGateway!.VpnGatewayId! }));
  return {
    publicSubnetId: Subnet!.SubnetId!,
    publicRouteTableId: publicTable!.RouteTableId!,
    mainRouteTableId,
    internetGatewayId: InternetGateway!.InternetGatewayId!,
    natGatewayId: NatGateway!.NatGatewayId!,
    vpnGatewayId: VpnGateway!.VpnGatewayId!,
  };
}

/**
 * An AWS Managed Microsoft AD registered with WorkSpaces, in the guide's VPC (its domain controllers, and so its DNS
 * servers, in the two private subnets). The directory type with trusts.
 */
export async function seedManagedAd(endpoint: string, region: string, vpcCidr: string, subnetCidrs: [string, string]): Promise<Seeded> {
  const config = sdkConfig(endpoint, region);
  const ec2 = new EC2Client(config);
  const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: vpcCidr }));
  const [azA, azB] = await supportedZoneNames(ec2, region);
  const subnet = async (cidr: string, az: string) =>
    (await ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId!, CidrBlock: cidr, AvailabilityZone: az }))).Subnet!.SubnetId!;
  const subnetIds: [string, string] = [await subnet(subnetCidrs[0], azA), await subnet(subnetCidrs[1], azB)];
  const network = await guideNetwork(ec2, Vpc!.VpcId!, vpcCidr, azA);
  const { DirectoryId } = await new DirectoryServiceClient(config).send(
    new CreateMicrosoftADCommand({ Name: 'corp.example.org', Password: 'Passw0rd-not-real', Edition: 'Standard', VpcSettings: { VpcId: Vpc!.VpcId!, SubnetIds: subnetIds } }),
  );
  await createDefaultRole(endpoint);
  await new WorkSpacesClient(config).send(new RegisterWorkspaceDirectoryCommand({ DirectoryId: DirectoryId!, SubnetIds: subnetIds }));
  return { region, directoryId: DirectoryId!, vpcId: Vpc!.VpcId!, subnetIds, network };
}

/** workspaces_DefaultRole as the guide makes it (002 lines 7610-7679), once per account. */
export async function createDefaultRole(endpoint: string, credentials?: TestCredentials): Promise<void> {
  const iam = new IAMClient(sdkConfig(endpoint, 'us-east-1', credentials));
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'workspaces.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  try {
    await iam.send(new CreateRoleCommand({ RoleName: 'workspaces_DefaultRole', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  } catch (error) {
    if ((error as { name?: string }).name === 'EntityAlreadyExistsException') return;
    throw error;
  }
  for (const name of ['AmazonWorkSpacesServiceAccess', 'AmazonWorkSpacesSelfServiceAccess']) {
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'workspaces_DefaultRole', PolicyArn: `arn:aws:iam::aws:policy/${name}` }));
  }
}

/** Turns on IPv6 auto-assign for a subnet as an admin would: an Amazon-provided IPv6 block for the VPC, a /64 of
 *  it for the subnet, then "Modify auto-assign IP settings" (ModifySubnetAttribute). */
export async function enableIpv6AutoAssign(endpoint: string, region: string, vpcId: string, subnetId: string): Promise<void> {
  const ec2 = new EC2Client(sdkConfig(endpoint, region));
  const { Ipv6CidrBlockAssociation } = await ec2.send(
    new AssociateVpcCidrBlockCommand({ VpcId: vpcId, AmazonProvidedIpv6CidrBlock: true }),
  );
  // The first /64 of the VPC's /56.
  const [network] = ipaddr.parseCIDR(Ipv6CidrBlockAssociation!.Ipv6CidrBlock!);
  await ec2.send(new AssociateSubnetCidrBlockCommand({ SubnetId: subnetId, Ipv6CidrBlock: `${network.toString()}/64` }));
  await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, AssignIpv6AddressOnCreation: { Value: true } }));
}

/** Peers the VPC with another VPC of CIDR `destination` and routes `destination` to it in the main route table. */
export async function addPeeringRoute(
  endpoint: string,
  region: string,
  vpcId: string,
  destination: string,
): Promise<{ routeTableId: string; peeringConnectionId: string }> {
  const ec2 = new EC2Client(sdkConfig(endpoint, region));
  const { Vpc: peer } = await ec2.send(new CreateVpcCommand({ CidrBlock: destination }));
  const { VpcPeeringConnection } = await ec2.send(
    new CreateVpcPeeringConnectionCommand({ VpcId: vpcId, PeerVpcId: peer!.VpcId! }),
  );
  const { RouteTables } = await ec2.send(
    new DescribeRouteTablesCommand({
      Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'association.main', Values: ['true'] }],
    }),
  );
  const routeTableId = RouteTables![0]!.RouteTableId!;
  const peeringConnectionId = VpcPeeringConnection!.VpcPeeringConnectionId!;
  await ec2.send(
    new CreateRouteCommand({ RouteTableId: routeTableId, DestinationCidrBlock: destination, VpcPeeringConnectionId: peeringConnectionId }),
  );
  return { routeTableId, peeringConnectionId };
}

export interface SeededWorkspace {
  workspaceId: string;
  ipAddress: string;
  subnetId: string;
  networkInterfaceId: string;
  attachmentId: string;
}

/**
 * Launches a WorkSpace in the directory, with the primary network interface (eth1) the real service would create in
 * one of the directory's subnets. moto creates the WorkSpace but no interface and no address, so the interface is
 * created here and attached to an instance that stands in for the WorkSpace's host; the test tells the WorkSpaces
 * front (workspaces-front.ts) to report the interface's address and subnet as the WorkSpace's.
 */
export async function launchWorkspace(
  endpoint: string,
  region: string,
  directoryId: string,
  subnetId: string,
  { userName, bundleId, computeType, request }: { userName: string; bundleId: string; computeType?: Compute; request?: Partial<WorkspaceRequest> },
): Promise<SeededWorkspace> {
  const config = sdkConfig(endpoint, region);
  const ec2 = new EC2Client(config);
  const workspaces = new WorkSpacesClient(config);
  const { PendingRequests, FailedRequests } = await workspaces.send(
    new CreateWorkspacesCommand({
      Workspaces: [
        { DirectoryId: directoryId, UserName: userName, BundleId: bundleId, ...(computeType ? { WorkspaceProperties: { ComputeTypeName: computeType } } : {}), ...request },
      ],
    }),
  );
  if (!PendingRequests?.[0]?.WorkspaceId) throw new Error(`CreateWorkspaces failed: ${JSON.stringify(FailedRequests)}`);
  const workspaceId = PendingRequests[0].WorkspaceId;
  const { Instances } = await ec2.send(
    new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 't3.medium', MinCount: 1, MaxCount: 1, SubnetId: subnetId }),
  );
  const { NetworkInterface } = await ec2.send(
    new CreateNetworkInterfaceCommand({
      SubnetId: subnetId,
      PrivateIpAddress: await unusedAddress(ec2, subnetId),
      Description: `primary interface (eth1) of WorkSpace ${workspaceId}`,
    }),
  );
  const { AttachmentId } = await ec2.send(
    new AttachNetworkInterfaceCommand({
      NetworkInterfaceId: NetworkInterface!.NetworkInterfaceId!,
      InstanceId: Instances![0]!.InstanceId!,
      DeviceIndex: 1,
    }),
  );
  return {
    workspaceId,
    ipAddress: NetworkInterface!.PrivateIpAddress!,
    subnetId,
    networkInterfaceId: NetworkInterface!.NetworkInterfaceId!,
    attachmentId: AttachmentId!,
  };
}

/**
 * The highest address of the subnet that no interface there carries, as AWS never gives two interfaces of a subnet
 * one private IP. moto does not ensure it: an interface created without an address gets a random one anywhere in the
 * subnet's CIDR, checked against nothing, so it can land on the address of an instance's interface — and
 * ws-eni-present then rightly reads the WorkSpace's IP as carried by that in-use interface (a test flaked on it).
 * moto gives instances addresses from the bottom of the subnet up, so taking them from the top keeps clear of
 * instances launched later too. The last address is the one AWS reserves.
 */
async function unusedAddress(ec2: EC2Client, subnetId: string): Promise<string> {
  const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }));
  const { NetworkInterfaces } = await ec2.send(
    new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'subnet-id', Values: [subnetId] }] }),
  );
  const taken = new Set(NetworkInterfaces!.flatMap((nic) => nic.PrivateIpAddresses!.map((a) => a.PrivateIpAddress)));
  const cidr = Subnets![0]!.CidrBlock!;
  const toNumber = (ip: ipaddr.IPv4) => ip.toByteArray().reduce((n, byte) => n * 256 + byte, 0);
  const first = toNumber(ipaddr.IPv4.networkAddressFromCIDR(cidr)) + 4; // AWS reserves the first four
  for (let n = toNumber(ipaddr.IPv4.broadcastAddressFromCIDR(cidr)) - 1; n >= first; n--) {
    const address = new ipaddr.IPv4([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]).toString();
    if (!taken.has(address)) return address;
  }
  throw new Error(`no free address left in subnet ${subnetId} (${cidr})`);
}

/** What the guide warns against: someone detaches a WorkSpace's network interface and, optionally, deletes it. */
export async function removeWorkspaceInterface(
  endpoint: string,
  region: string,
  workspace: SeededWorkspace,
  { deleteIt }: { deleteIt: boolean },
): Promise<void> {
  const ec2 = new EC2Client(sdkConfig(endpoint, region));
  await ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: workspace.attachmentId }));
  if (deleteIt) await ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: workspace.networkInterfaceId }));
}
