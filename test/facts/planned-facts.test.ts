// The planned world overlaid on live state, through the fact store: planned values win over collecting, what the
// plan names by id is read from AWS as a live run reads it (and only that), values known only after apply make the
// checks that read them skip, --offline reads nothing, and the account's facts are settled once for every target.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeAvailabilityZonesCommand, DescribeSubnetsCommand, DescribeVpcsCommand, DescribeRouteTablesCommand, DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeIpGroupsCommand, DescribeWorkspaceDirectoriesCommand, DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { AwsClients } from '../../src/aws/clients.js';
import { OfflineClients } from '../../src/aws/offline.js';
import type { FactOutcome } from '../../src/core/failure.js';
import { analyze } from '../../src/engine/analyze.js';
import type { AnyFact } from '../../src/facts/define.js';
import { LiveFactStore } from '../../src/facts/store.js';
import { cloudFormationWorld } from '../../src/iac/cloudformation.js';
import type { PlannedWorld } from '../../src/iac/model.js';
import { terraformWorld } from '../../src/iac/terraform.js';
import { CHECKS } from '../../src/cli/registry.js';
import { fact } from '../helpers/fact-store.js';

const ec2 = mockClient(EC2Client);
const workspaces = mockClient(WorkSpacesClient);
const iam = mockClient(IAMClient);
afterEach(() => {
  ec2.reset();
  workspaces.reset();
  iam.reset();
});

const plan = (name: string) =>
  terraformWorld(JSON.parse(readFileSync(new URL(`../fixtures/iac/terraform/${name}/plan.json`, import.meta.url), 'utf8')), `${name}/plan.json`);

function store(world: PlannedWorld, directoryId: string, options: { offline?: boolean; shared?: NonNullable<ConstructorParameters<typeof LiveFactStore>[0]['shared']>; extra?: Record<string, unknown> } = {}) {
  const aws = options.offline
    ? new OfflineClients('eu-west-2')
    : new AwsClients({ region: 'eu-west-2', timeoutMs: 1000, maxAttempts: 1, credentials: async () => ({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }) });
  const live = new LiveFactStore({
    aws,
    inputs: { targets: { directoryId }, options: options.extra ?? {} },
    region: 'eu-west-2',
    timeoutMs: 1000,
    plan: { world, offline: options.offline ?? false },
    ...(options.shared ? { shared: options.shared } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { settle: (name: string): Promise<FactOutcome<any>> => live.settle(fact(name)), live };
}

const ZONES = [
  { ZoneName: 'eu-west-2a', ZoneId: 'euw2-az2', ZoneType: 'availability-zone', State: 'available' as const },
  { ZoneName: 'eu-west-2b', ZoneId: 'euw2-az3', ZoneType: 'availability-zone', State: 'available' as const },
  { ZoneName: 'eu-west-2c', ZoneId: 'euw2-az1', ZoneType: 'availability-zone', State: 'available' as const },
];

describe('planned facts', () => {
  it('a plan that creates the whole network reads no EC2 state but the account zone names', async () => {
    ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: ZONES });
    const world = plan('healthy');
    const s = store(world, 'aws_directory_service_directory.corp');
    const [subnets, vpc, tables, enis] = await Promise.all([s.settle('subnets'), s.settle('vpc'), s.settle('routeTables'), s.settle('networkInterfaces')]);
    expect(subnets.ok && subnets.value.map((x: Record<string, unknown>) => [x.SubnetId, x.CidrBlock, x.AvailabilityZone, x.AvailabilityZoneId, x.AvailableIpAddressCount])).toEqual([
      ['aws_subnet.private_a', '10.0.1.0/24', 'eu-west-2a', 'euw2-az2', 251],
      ['aws_subnet.private_b', '10.0.2.0/24', 'eu-west-2b', 'euw2-az3', 251],
    ]);
    expect(vpc).toMatchObject({ ok: true, value: { VpcId: 'aws_vpc.main', CidrBlock: '10.0.0.0/16' } });
    // The main table AWS makes with the VPC, and the plan's two, with their routes and associations.
    expect(tables.ok && tables.value.map((t: { RouteTableId: string; Routes: { DestinationCidrBlock: string; GatewayId?: string; NatGatewayId?: string }[]; Associations: { SubnetId?: string; Main?: boolean }[] }) => [
      t.RouteTableId,
      t.Routes.map((r) => `${r.DestinationCidrBlock}→${r.GatewayId ?? r.NatGatewayId}`),
      t.Associations.map((a) => a.SubnetId ?? (a.Main ? 'main' : '?')),
    ])).toEqual([
      ['aws_vpc.main main route table', ['10.0.0.0/16→local'], ['main']],
      ['aws_route_table.private', ['10.0.0.0/16→local', '0.0.0.0/0→aws_nat_gateway.main'], ['aws_subnet.private_a', 'aws_subnet.private_b']],
      ['aws_route_table.public', ['10.0.0.0/16→local', '0.0.0.0/0→aws_internet_gateway.main'], ['aws_subnet.public']],
    ]);
    expect(enis).toEqual({ ok: true, value: [] });
    expect(ec2.commandCalls(DescribeSubnetsCommand)).toHaveLength(0);
    expect(ec2.commandCalls(DescribeVpcsCommand)).toHaveLength(0);
    expect(ec2.commandCalls(DescribeRouteTablesCommand)).toHaveLength(0);
    expect(ec2.commandCalls(DescribeNetworkInterfacesCommand)).toHaveLength(0);
    expect(ec2.commandCalls(DescribeAvailabilityZonesCommand)).toHaveLength(1);
  });

  it('reads what the plan names by id as a live run does, and only that, with the planned resources beside it', async () => {
    const template = `Parameters:
  DirectoryId: { Type: String }
Resources:
  Extra:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-live, CidrBlock: 10.0.9.0/24, AvailabilityZone: eu-west-2c, AssignIpv6AddressOnCreation: true }
  Eve:
    Type: AWS::WorkSpaces::Workspace
    Properties: { DirectoryId: !Ref DirectoryId, BundleId: wsb-bh8rsxt14, UserName: eve, WorkspaceProperties: { ComputeTypeName: GRAPHICS } }
`;
    const world = cloudFormationWorld(template, 't.yaml', { region: 'eu-west-2', parameters: { DirectoryId: 'd-90670a1b2c' } });
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [{ DirectoryId: 'd-90670a1b2c', SubnetIds: ['subnet-1', 'subnet-2'], State: 'REGISTERED' }] });
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ WorkspaceId: 'ws-live1', DirectoryId: 'd-90670a1b2c', UserName: 'frank', State: 'AVAILABLE' }] });
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-live' }, { SubnetId: 'subnet-2', VpcId: 'vpc-live' }] });
    const s = store(world, 'd-90670a1b2c');
    const [directory, found, subnets] = await Promise.all([s.settle('workspacesDirectory'), s.settle('workspaces'), s.settle('subnets')]);
    expect(directory).toMatchObject({ ok: true, value: { DirectoryId: 'd-90670a1b2c', State: 'REGISTERED' } });
    expect(found.ok && found.value.map((w: { WorkspaceId: string; UserName: string }) => `${w.WorkspaceId} ${w.UserName}`)).toEqual(['ws-live1 frank', 'Resources.Eve eve']);
    expect(subnets.ok && subnets.value.map((x: { SubnetId: string }) => x.SubnetId)).toEqual(['subnet-1', 'subnet-2']);
    expect(ec2.commandCalls(DescribeSubnetsCommand)[0]!.args[0].input).toEqual({ SubnetIds: ['subnet-1', 'subnet-2'] });
  });

  it('asks EC2 only for the live subnets when a registration mixes them with new ones', async () => {
    const world = plan('healthy');
    world.workspacesDirectories[0]!.subnetIds = ['subnet-old', 'aws_subnet.private_b'];
    world.mentions['subnet-old'] = { address: 'aws_workspaces_directory.corp', source: { file: 'main.tf', line: 1 } };
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-old', VpcId: 'aws_vpc.main', AvailableIpAddressCount: 3, CidrBlock: '10.0.7.0/24' }] });
    ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: ZONES });
    const subnets = await store(world, 'aws_directory_service_directory.corp').settle('subnets');
    expect(ec2.commandCalls(DescribeSubnetsCommand)[0]!.args[0].input).toEqual({ SubnetIds: ['subnet-old'] });
    expect(subnets.ok && subnets.value.map((x: { SubnetId: string; AvailableIpAddressCount: number }) => [x.SubnetId, x.AvailableIpAddressCount])).toEqual([
      ['subnet-old', 3],
      ['aws_subnet.private_b', 251],
    ]);
  });

  it('offline, reads nothing and says what each fact would have read', async () => {
    const world = plan('healthy');
    const s = store(world, 'aws_directory_service_directory.corp', { offline: true });
    const [subnets, regionGroups, role] = await Promise.all([s.settle('subnets'), s.settle('regionIpGroups'), s.settle('workspacesDefaultRole')]);
    // The subnets are the plan's; their AZ ids would come from the account's zones.
    expect(subnets.ok && subnets.value[0].AvailabilityZoneId.$unknown).toMatch(/^aws_subnet\.private_a: the AZ id of eu-west-2a is read from the account's zones \(ec2:DescribeAvailabilityZones\), which could not be read/);
    expect(regionGroups).toEqual({
      ok: false,
      failure: { kind: 'offline', message: 'every IP access control group in the Region (what the per-Region quota counts) is read from AWS (workspaces:DescribeIpGroups), and the run is --offline' },
    });
    expect(role).toMatchObject({ ok: true, value: { exists: true } });
    expect(role.ok && role.value.attachedPolicies.map((p: { policyName: string }) => p.policyName).sort()).toEqual(['AmazonWorkSpacesSelfServiceAccess', 'AmazonWorkSpacesServiceAccess']);
    expect(ec2.calls()).toHaveLength(0);
    expect(workspaces.calls()).toHaveLength(0);
    expect(iam.calls()).toHaveLength(0);
  });

  it('settles the account facts once for every target of a plan', async () => {
    iam.on(GetRoleCommand).rejects(Object.assign(new Error('no role'), { name: 'NoSuchEntityException' }));
    iam.on(ListAttachedRolePoliciesCommand).rejects(Object.assign(new Error('no role'), { name: 'NoSuchEntityException' }));
    workspaces.on(DescribeIpGroupsCommand).resolves({ Result: [] });
    const world = plan('existing-network');
    const shared = new Map();
    const [a, b] = [store(world, 'd-1', { shared }), store(world, 'd-2', { shared })];
    const roles = await Promise.all([a.settle('workspacesDefaultRole'), b.settle('workspacesDefaultRole')]);
    expect(roles[0]).toBe(roles[1]);
    expect(roles[0]).toMatchObject({ ok: true, value: { exists: false } });
    expect(iam.commandCalls(GetRoleCommand)).toHaveLength(1);
    expect(Object.keys(await a.live.outcomes())).toEqual(['workspacesDefaultRole']);
  });

  it('a check that reads a value known only after apply skips with its reason; one that does not decides', async () => {
    const world = plan('unknown-values');
    const s = store(world, 'aws_directory_service_directory.corp', { offline: true });
    const names: AnyFact[] = ['workspacesDirectory', 'subnets', 'vpc', 'routeTables', 'workspacesDefaultRole'].map(fact);
    await Promise.all(names.map((f) => s.live.settle(f)));
    const checks = CHECKS.filter((c) => ['mgmt-cidr-conflict', 'ipv6-auto-assign', 'ws-subnet-free-ips'].includes(c.meta.id));
    const findings = analyze(checks, { region: 'eu-west-2', collectedAt: '2026-12-01T00:00:00.000Z', inputs: { targets: { directoryId: 'aws_directory_service_directory.corp' }, options: {} }, facts: await s.live.outcomes() });
    const by = Object.fromEntries(findings.map((f) => [f.checkId, f]));
    expect(by['mgmt-cidr-conflict']).toMatchObject({ status: 'skip', message: 'Cannot tell before apply: aws_vpc.main: cidr_block is known after apply.' });
    // The subnets came through the module's output; their CIDRs are known, so these decide.
    expect(by['ipv6-auto-assign']).toMatchObject({ status: 'pass', resource: 'module.net.aws_subnet.private[0], module.net.aws_subnet.private[1]' });
    expect(by['ws-subnet-free-ips']).toMatchObject({ status: 'pass' });
  });
});
