// The directory network's planned readings (issue 19's gaps): a VPC the plan creates is never looked up live (its
// NAT and internet gateways, security groups, network ACLs, endpoints, and a new directory's trusts); what the plan
// models comes from the plan, what it does not is `unknown until apply`, so the checks skip saying why, never pass
// and never error. An existing VPC is read live by its real id, with the plan's gateways beside its own.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeAvailabilityZonesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { DescribeTrustsCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { AwsClients } from '../../src/aws/clients.js';
import type { FactOutcome } from '../../src/core/failure.js';
import { analyze } from '../../src/engine/analyze.js';
import { LiveFactStore } from '../../src/facts/store.js';
import { cloudFormationWorld } from '../../src/iac/cloudformation.js';
import type { PlannedWorld } from '../../src/iac/model.js';
import { terraformWorld } from '../../src/iac/terraform.js';
import { CHECKS } from '../../src/cli/registry.js';
import { fact } from '../helpers/fact-store.js';

const ec2 = mockClient(EC2Client);
const workspaces = mockClient(WorkSpacesClient);
const ds = mockClient(DirectoryServiceClient);
afterEach(() => {
  ec2.reset();
  workspaces.reset();
  ds.reset();
});

const plan = (name: string) =>
  terraformWorld(JSON.parse(readFileSync(new URL(`../fixtures/iac/terraform/${name}/plan.json`, import.meta.url), 'utf8')), `${name}/plan.json`);

const ZONES = [
  { ZoneName: 'eu-west-2a', ZoneId: 'euw2-az2', ZoneType: 'availability-zone', State: 'available' as const },
  { ZoneName: 'eu-west-2b', ZoneId: 'euw2-az3', ZoneType: 'availability-zone', State: 'available' as const },
];

function store(world: PlannedWorld, directoryId: string) {
  const aws = new AwsClients({ region: 'eu-west-2', timeoutMs: 1000, maxAttempts: 1, credentials: async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }) });
  const live = new LiveFactStore({ aws, inputs: { targets: { directoryId }, options: {} }, region: 'eu-west-2', timeoutMs: 1000, plan: { world, offline: false } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { settle: (name: string): Promise<FactOutcome<any>> => live.settle(fact(name)), live };
}

async function findings(s: ReturnType<typeof store>, ids: string[], directoryId: string) {
  const checks = CHECKS.filter((c) => ids.includes(c.meta.id));
  await Promise.all(checks.flatMap((c) => c.meta.facts).map((f) => s.live.settle(f)));
  const found = analyze(checks, { region: 'eu-west-2', collectedAt: '2026-12-01T00:00:00.000Z', inputs: { targets: { directoryId }, options: {} }, facts: await s.live.outcomes() });
  return found;
}

const EC2_BY_VPC = [DescribeInternetGatewaysCommand, DescribeNatGatewaysCommand, DescribeSecurityGroupsCommand, DescribeNetworkAclsCommand, DescribeVpcEndpointsCommand];

describe('the planned network of a new VPC', () => {
  it('takes the NAT and internet gateways and security groups from the plan, and asks EC2 nothing about the VPC', async () => {
    ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: ZONES });
    const s = store(plan('healthy'), 'aws_directory_service_directory.corp');
    const [nats, igws, groups, acls, endpoints] = await Promise.all(['natGateways', 'internetGateways', 'securityGroups', 'networkAcls', 'vpcEndpoints'].map((n) => s.settle(n)));
    expect(nats).toEqual({ ok: true, value: [{ NatGatewayId: 'aws_nat_gateway.main', SubnetId: 'aws_subnet.public', VpcId: 'aws_vpc.main', ConnectivityType: 'public', State: 'available' }] });
    expect(igws).toEqual({ ok: true, value: [{ InternetGatewayId: 'aws_internet_gateway.main', Attachments: [{ VpcId: 'aws_vpc.main', State: 'available' }] }] });
    // The VPC's default group, which AWS makes with it (the plan creates no other).
    expect(groups).toMatchObject({ ok: true, value: [{ GroupId: 'aws_vpc.main default security group', GroupName: 'default', IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }] });
    // Not modelled: unknown until apply, never "none".
    expect(acls).toEqual({ ok: false, failure: { kind: 'unknown-until-apply', message: 'aws_vpc.main: the network ACLs of a VPC the plan creates are known after apply (wsdoctor does not read network ACLs from a plan)' } });
    expect(endpoints).toMatchObject({ ok: false, failure: { kind: 'unknown-until-apply' } });
    for (const command of [...EC2_BY_VPC, DescribeVpcsCommand, DescribeSubnetsCommand, DescribeRouteTablesCommand]) expect(ec2.commandCalls(command)).toHaveLength(0);
  });

  it('judges the planned internet path: private subnets through the planned NAT gateway to the planned internet gateway', async () => {
    ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: ZONES });
    const s = store(plan('healthy'), 'aws_directory_service_directory.corp');
    const found = await findings(s, ['ws-internet-egress-path', 'ws-sg-egress-http-https', 'ws-linux-repo-access'], 'aws_directory_service_directory.corp');
    const egress = found.filter((f) => f.checkId === 'ws-internet-egress-path');
    expect(egress.map((f) => [f.status, f.resource])).toEqual([
      ['pass', 'aws_subnet.private_a'],
      ['pass', 'aws_subnet.private_b'],
    ]);
    expect(egress[0]!.message).toMatch(/^Route table aws_route_table\.private sends 0\.0\.0\.0\/0 to NAT gateway aws_nat_gateway\.main \(available\); aws_nat_gateway\.main sits in aws_subnet\.public, whose route table aws_route_table\.public sends it/);
    // What the plan does not say is a skip with the reason; nothing is an error.
    expect(found.filter((f) => f.checkId !== 'ws-internet-egress-path').map((f) => f.status)).toEqual(['skip', 'skip']);
    expect(found.some((f) => f.status === 'error')).toBe(false);
  });

  it('fails the planned internet path when the NAT gateway’s subnet has no route to an internet gateway', async () => {
    ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: ZONES });
    const world = plan('healthy');
    // The public table's default route removed: the NAT gateway leads nowhere.
    world.routeTables.find((t) => t.address === 'aws_route_table.public')!.routes = [];
    const found = await findings(store(world, 'aws_directory_service_directory.corp'), ['ws-internet-egress-path'], 'aws_directory_service_directory.corp');
    expect(found.map((f) => f.status)).toEqual(['fail', 'fail']);
    expect(found[0]!.message).toContain('aws_nat_gateway.main sits in aws_subnet.public, whose route table aws_route_table.public has no route for it, not to an internet gateway');
  });

  it('a CloudFormation internet gateway attached by a VPCGatewayAttachment is the VPC’s', async () => {
    ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: ZONES });
    const world = cloudFormationWorld(readFileSync(new URL('../fixtures/iac/cloudformation/cdk-healthy.template.json', import.meta.url), 'utf8'), 'cdk.json', { region: 'eu-west-2', parameters: { DirectoryPassword: 'x-not-used' } });
    const target = world.dsDirectories[0]!.id;
    const s = store(world, target);
    const [igws, nats] = await Promise.all([s.settle('internetGateways'), s.settle('natGateways')]);
    expect(igws.ok && igws.value.map((g: { InternetGatewayId: string }) => g.InternetGatewayId)).toEqual(['Resources.VpcIGWD7BA715C']);
    expect(nats.ok && nats.value.map((n: { NatGatewayId: string; SubnetId: string }) => `${n.NatGatewayId} in ${n.SubnetId}`)).toEqual(['Resources.VpcPublicSubnet1NATGateway4D7517AA in Resources.VpcPublicSubnet1Subnet5C2D37C4']);
    for (const command of EC2_BY_VPC) expect(ec2.commandCalls(command)).toHaveLength(0);
  });

  it('a Microsoft AD the plan creates: its trusts are unknown until apply, and Directory Service is not asked', async () => {
    const world = plan('healthy');
    world.dsDirectories[0]!.directoryType = 'MicrosoftAD';
    const trusts = await store(world, 'aws_directory_service_directory.corp').settle('dsTrusts');
    expect(trusts).toEqual({ ok: false, failure: { kind: 'unknown-until-apply', message: 'aws_directory_service_directory.corp: the trusts of a directory the plan creates are made after it exists' } });
    expect(ds.commandCalls(DescribeTrustsCommand)).toHaveLength(0);
  });
});

describe('the planned network of an existing VPC', () => {
  it('reads the VPC’s gateways, groups and ACLs live by its real id, with the plan’s gateways added', async () => {
    const template = `Resources:
  Gateway:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: { VpcId: vpc-live, InternetGatewayId: !Ref Gateway }
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: { SubnetId: subnet-pub }
  Eve:
    Type: AWS::WorkSpaces::Workspace
    Properties: { DirectoryId: d-90670a1b2c, BundleId: wsb-bh8rsxt14, UserName: eve }
`;
    const world = cloudFormationWorld(template, 't.yaml', { region: 'eu-west-2' });
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [{ DirectoryId: 'd-90670a1b2c', SubnetIds: ['subnet-1'], State: 'REGISTERED' }] });
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-live', CidrBlock: '10.0.1.0/24' }] });
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-live', CidrBlock: '10.0.0.0/16' }] });
    ec2.on(DescribeInternetGatewaysCommand).resolves({ InternetGateways: [] });
    ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [{ NatGatewayId: 'nat-old', SubnetId: 'subnet-pub', VpcId: 'vpc-live', State: 'failed' }] });
    ec2.on(DescribeNetworkAclsCommand).resolves({ NetworkAcls: [{ NetworkAclId: 'acl-1', VpcId: 'vpc-live' }] });
    const s = store(world, 'd-90670a1b2c');
    const [igws, nats, acls] = await Promise.all([s.settle('internetGateways'), s.settle('natGateways'), s.settle('networkAcls')]);
    expect(igws.ok && igws.value).toEqual([{ InternetGatewayId: 'Resources.Gateway', Attachments: [{ VpcId: 'vpc-live', State: 'available' }] }]);
    expect(nats.ok && nats.value.map((n: { NatGatewayId: string; State: string }) => `${n.NatGatewayId} ${n.State}`)).toEqual(['nat-old failed', 'Resources.Nat available']);
    expect(acls).toMatchObject({ ok: true, value: [{ NetworkAclId: 'acl-1' }] });
    for (const command of [DescribeInternetGatewaysCommand, DescribeNatGatewaysCommand, DescribeNetworkAclsCommand]) {
      expect(JSON.stringify(ec2.commandCalls(command)[0]!.args[0].input)).toContain('"Values":["vpc-live"]');
    }
  });
});
