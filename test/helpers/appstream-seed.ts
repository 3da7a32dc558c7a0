// WorkSpaces Applications (AppStream 2.0) setups for the end-to-end tests and the examples, built the way an admin
// builds them: the network in moto's EC2 (the guide's "VPC with Public and Private Subnets": a public subnet with a NAT
// gateway and an Elastic IP, two private subnets in two Availability Zones routed to it), the service role in moto's
// IAM, and the AppStream resources themselves in the loopback AppStream (test/helpers/fake-appstream.ts), pointing at
// those EC2 ids. Write calls live only in tests.
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AssociateDhcpOptionsCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateDhcpOptionsCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { fakeFleet, fakeImage, fakeStack, type FakeAppStream, type FakeFleet } from './fake-appstream.js';
import { sdkConfig } from './seed.js';

export interface AppstreamNetwork {
  region: string;
  vpcId: string;
  publicSubnetId: string;
  /** Two private subnets, in the Region's a and b zones, routed to the NAT gateway. */
  privateSubnetIds: [string, string];
  natGatewayId: string;
  internetGatewayId: string;
  securityGroupId: string;
}

/**
 * The guide's NAT setup (004 lines 555-571) in a VPC of 10.30.0.0/16; `dnsServers` sets a DHCP option set.
 * `fleetSubnets` routes the two fleet subnets elsewhere instead: straight to the internet gateway (public), or nowhere.
 */
export async function seedAppstreamNetwork(
  endpoint: string,
  region: string,
  { dnsServers, fleetSubnets = 'nat' }: { dnsServers?: string[]; fleetSubnets?: 'nat' | 'internet-gateway' | 'none' } = {},
): Promise<AppstreamNetwork> {
  const ec2 = new EC2Client(sdkConfig(endpoint, region));
  const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16' }));
  const VpcId = Vpc!.VpcId!;
  const subnet = async (cidr: string, az: string) =>
    (await ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: cidr, AvailabilityZone: `${region}${az}` }))).Subnet!.SubnetId!;
  const publicSubnetId = await subnet('10.30.0.0/24', 'a');
  const privateSubnetIds: [string, string] = [await subnet('10.30.1.0/24', 'a'), await subnet('10.30.2.0/24', 'b')];

  const { InternetGateway } = await ec2.send(new CreateInternetGatewayCommand({}));
  const internetGatewayId = InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: internetGatewayId, VpcId }));
  const publicTable = (await ec2.send(new CreateRouteTableCommand({ VpcId }))).RouteTable!.RouteTableId!;
  await ec2.send(new CreateRouteCommand({ RouteTableId: publicTable, DestinationCidrBlock: '0.0.0.0/0', GatewayId: internetGatewayId }));
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicTable, SubnetId: publicSubnetId }));

  const { AllocationId } = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const { NatGateway } = await ec2.send(new CreateNatGatewayCommand({ SubnetId: publicSubnetId, AllocationId: AllocationId! }));
  const natGatewayId = NatGateway!.NatGatewayId!;
  const privateTable = (await ec2.send(new CreateRouteTableCommand({ VpcId }))).RouteTable!.RouteTableId!;
  if (fleetSubnets === 'nat') await ec2.send(new CreateRouteCommand({ RouteTableId: privateTable, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natGatewayId }));
  const fleetTable = fleetSubnets === 'internet-gateway' ? publicTable : privateTable;
  for (const SubnetId of privateSubnetIds) await ec2.send(new AssociateRouteTableCommand({ RouteTableId: fleetTable, SubnetId }));

  // A new security group allows all egress, as EC2 creates them.
  const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'appstream-fleet', Description: 'fleet instances', VpcId }));
  if (dnsServers) {
    const { DhcpOptions } = await ec2.send(
      new CreateDhcpOptionsCommand({ DhcpConfigurations: [{ Key: 'domain-name-servers', Values: dnsServers }, { Key: 'domain-name', Values: ['corp.example.com'] }] }),
    );
    await ec2.send(new AssociateDhcpOptionsCommand({ DhcpOptionsId: DhcpOptions!.DhcpOptionsId!, VpcId }));
  }
  return { region, vpcId: VpcId, publicSubnetId, privateSubnetIds, natGatewayId, internetGatewayId, securityGroupId: GroupId! };
}

/** AmazonAppStreamServiceAccess as the service creates it (004 lines 679-725), with the AWS managed policy. */
export async function createAppstreamServiceRole(endpoint: string): Promise<void> {
  const iam = new IAMClient(sdkConfig(endpoint, 'us-east-1'));
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'appstream.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  try {
    await iam.send(new CreateRoleCommand({ RoleName: 'AmazonAppStreamServiceAccess', Path: '/service-role/', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  } catch (error) {
    if ((error as { name?: string }).name === 'EntityAlreadyExistsException') return;
    throw error;
  }
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'AmazonAppStreamServiceAccess', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonAppStreamServiceAccess' }));
}

/** An AWS base image and a private image built on it, in the fake AppStream; returns the private image. */
export function addImages(appstream: FakeAppStream, region: string, name = 'office-2026') {
  const base = fakeImage(region, 'AppStream-WinServer2019-06-01-2026', { Visibility: 'PUBLIC' });
  const image = fakeImage(region, name, { BaseImageArn: base.Arn });
  appstream.images.set(base.Name, base);
  appstream.images.set(image.Name, image);
  return image;
}

/** A fleet in the network's private subnets, running the image, in the fake AppStream. */
export function addFleet(appstream: FakeAppStream, network: AppstreamNetwork, name: string, image: { Name: string; Arn: string }, over: Partial<FakeFleet> & { minutesOld?: number } = {}): FakeFleet {
  const fleet = fakeFleet(network.region, name, {
    ImageName: image.Name,
    ImageArn: image.Arn,
    VpcConfig: { SubnetIds: network.privateSubnetIds, SecurityGroupIds: [network.securityGroupId] },
    ...over,
  });
  appstream.fleets.set(name, fleet);
  return fleet;
}

/** A stack with these fleets associated. */
export function addStack(appstream: FakeAppStream, region: string, name: string, fleets: string[]): void {
  appstream.stacks.set(name, fakeStack(region, name));
  appstream.associations.set(name, fleets);
}

/**
 * An image builder's network interface as the service creates it (described "AppStream 2.0 - image-builder:<name>"),
 * optionally with an Elastic IP associated (the guide's manual EIP for a public subnet).
 */
export async function builderInterface(endpoint: string, region: string, subnetId: string, name: string, { elasticIp = false } = {}) {
  const ec2 = new EC2Client(sdkConfig(endpoint, region));
  const eni = (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, Description: `AppStream 2.0 - image-builder:${name}` }))).NetworkInterface!;
  if (elasticIp) {
    const { AllocationId } = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    await ec2.send(new AssociateAddressCommand({ AllocationId: AllocationId!, NetworkInterfaceId: eni.NetworkInterfaceId! }));
  }
  return { EniId: eni.NetworkInterfaceId!, EniPrivateIpAddress: eni.PrivateIpAddress! };
}
