// The collectors issue 14 adds, over SDK mocks: what they ask for (filters, the API's largest page), how they page,
// what they keep, and how the conditions they understand become reasons.
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeAvailabilityZonesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeDirectoriesCommand, DescribeTrustsCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { ListServiceQuotasCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { DescribeWorkspaceDirectoriesCommand, DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { WORKSPACES_REGIONS } from '../../src/data/workspaces-regions.js';
import { liveStore } from '../helpers/fact-store.js';

const ec2 = mockClient(EC2Client);
const workspaces = mockClient(WorkSpacesClient);
const ds = mockClient(DirectoryServiceClient);
const quotas = mockClient(ServiceQuotasClient);
afterEach(() => {
  ec2.reset();
  workspaces.reset();
  ds.reset();
  quotas.reset();
});

const directory = { DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a', 'subnet-b'], State: 'REGISTERED' as const };

function aDirectoryInVpc1() {
  workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [directory] });
  ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1' }, { SubnetId: 'subnet-b', VpcId: 'vpc-1' }] });
  ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] });
}

describe("the directory VPC's network facts", () => {
  it.each([
    ['securityGroups', DescribeSecurityGroupsCommand, { Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }], MaxResults: 1000 }],
    ['networkAcls', DescribeNetworkAclsCommand, { Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }], MaxResults: 1000 }],
    ['natGateways', DescribeNatGatewaysCommand, { Filter: [{ Name: 'vpc-id', Values: ['vpc-1'] }], MaxResults: 1000 }],
    ['internetGateways', DescribeInternetGatewaysCommand, { Filters: [{ Name: 'attachment.vpc-id', Values: ['vpc-1'] }], MaxResults: 1000 }],
    ['vpcEndpoints', DescribeVpcEndpointsCommand, { Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }], MaxResults: 1000 }],
  ] as const)('%s reads the VPC of the directory, at the largest page', async (name, Command, input) => {
    aDirectoryInVpc1();
    ec2.on(Command as never).resolves({});
    const outcome = await liveStore().settle(name);
    expect(outcome).toEqual({ ok: true, value: [] });
    expect(ec2.commandCalls(Command as never)[0]!.args[0].input).toEqual(input);
  });

  it('follows every page of security groups and keeps their rules', async () => {
    aDirectoryInVpc1();
    ec2
      .on(DescribeSecurityGroupsCommand)
      .resolvesOnce({ SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'd-1234567890_workspacesMembers', IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }], NextToken: 'p2' })
      .resolvesOnce({ SecurityGroups: [{ GroupId: 'sg-2', GroupName: 'd-1234567890_controllers' }] });
    const outcome = await liveStore().settle('securityGroups');
    expect(outcome.ok && outcome.value.map((g: { GroupId: string }) => g.GroupId)).toEqual(['sg-1', 'sg-2']);
    expect(outcome.ok && outcome.value[0].IpPermissionsEgress[0].IpRanges[0].CidrIp).toBe('0.0.0.0/0');
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)[1]!.args[0].input).toMatchObject({ NextToken: 'p2' });
  });

  it('a denied DescribeNetworkAcls is a denial naming it, for the network ACL fact only', async () => {
    aDirectoryInVpc1();
    ec2.on(DescribeNetworkAclsCommand).rejects(Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } }));
    ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [{ NatGatewayId: 'nat-1', State: 'available' }] });
    const facts = liveStore();
    const [acls, nats] = await Promise.all([facts.settle('networkAcls'), facts.settle('natGateways')]);
    // (the mock replaces the client's send, so the read-only middleware that names the action is not in the way)
    expect(acls).toMatchObject({ ok: false, failure: { kind: 'denied', code: 'UnauthorizedOperation' } });
    expect(nats.ok).toBe(true);
  });

  it("the Region's Availability Zones keep their ids", async () => {
    ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: [{ ZoneName: 'us-east-1a', ZoneId: 'use1-az6', State: 'available' }] });
    expect(await liveStore().settle('availabilityZones')).toEqual({ ok: true, value: [{ ZoneName: 'us-east-1a', ZoneId: 'use1-az6', State: 'available' }] });
  });

  it('a subnet the directory lists but EC2 no longer has is not-found, quoting EC2', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [directory] });
    ec2.on(DescribeSubnetsCommand).rejects(Object.assign(new Error("The subnet ID 'subnet-b' does not exist"), { name: 'InvalidSubnetID.NotFound', $metadata: { httpStatusCode: 400 } }));
    expect(await liveStore().settle('subnets')).toEqual({
      ok: false,
      failure: { kind: 'not-found', code: 'InvalidSubnetID.NotFound', message: "a subnet of the directory no longer exists: The subnet ID 'subnet-b' does not exist" },
    });
  });
});

describe('Directory Service trusts', () => {
  it('pages the trusts of a Managed AD', async () => {
    ds.on(DescribeDirectoriesCommand).resolves({ DirectoryDescriptions: [{ DirectoryId: 'd-1234567890', Type: 'MicrosoftAD' }] });
    ds.on(DescribeTrustsCommand)
      .resolvesOnce({ Trusts: [{ TrustId: 't-1', RemoteDomainName: 'onprem.example.com', TrustDirection: 'Two-Way' }], NextToken: 'n2' })
      .resolvesOnce({ Trusts: [{ TrustId: 't-2' }] });
    const outcome = await liveStore().settle('dsTrusts');
    expect(outcome.ok && outcome.value.map((t: { TrustId: string }) => t.TrustId)).toEqual(['t-1', 't-2']);
    expect(ds.commandCalls(DescribeTrustsCommand)[0]!.args[0].input).toEqual({ DirectoryId: 'd-1234567890' });
  });

  it('does not apply to an AD Connector (and asks nothing)', async () => {
    ds.on(DescribeDirectoriesCommand).resolves({ DirectoryDescriptions: [{ DirectoryId: 'd-1234567890', Type: 'ADConnector' }] });
    const outcome = await liveStore().settle('dsTrusts');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'not-applicable', message: expect.stringContaining('ADConnector') } });
    expect(ds.commandCalls(DescribeTrustsCommand)).toHaveLength(0);
  });
});

describe('account facts', () => {
  it('Service Quotas: every page of the workspaces service, only the fields judged', async () => {
    quotas
      .on(ListServiceQuotasCommand)
      .resolvesOnce({ Quotas: [{ QuotaCode: 'L-1', QuotaName: 'WorkSpaces per Region', Value: 50, Adjustable: true, ServiceName: 'Amazon WorkSpaces' }], NextToken: 'q2' })
      .resolvesOnce({ Quotas: [{ QuotaCode: 'L-2', QuotaName: 'Graphics WorkSpaces per Region', Value: 0 }] });
    const outcome = await liveStore().settle('workspacesServiceQuotas');
    expect(outcome).toEqual({
      ok: true,
      value: [
        { QuotaCode: 'L-1', QuotaName: 'WorkSpaces per Region', Value: 50, Adjustable: true },
        { QuotaCode: 'L-2', QuotaName: 'Graphics WorkSpaces per Region', Value: 0 },
      ],
    });
    expect(quotas.commandCalls(ListServiceQuotasCommand)[0]!.args[0].input).toEqual({ ServiceCode: 'workspaces', MaxResults: 100 });
  });

  it("the Region's WorkSpaces: every directory, 25 a page, only what the quotas count", async () => {
    workspaces
      .on(DescribeWorkspacesCommand)
      .resolvesOnce({ Workspaces: [{ WorkspaceId: 'ws-1', DirectoryId: 'd-1', UserName: 'alice', IpAddress: '10.0.1.5', State: 'AVAILABLE', WorkspaceProperties: { ComputeTypeName: 'GRAPHICS' } }], NextToken: 'w2' })
      .resolvesOnce({ Workspaces: [{ WorkspaceId: 'ws-2', DirectoryId: 'd-2', State: 'STOPPED' }] });
    const outcome = await liveStore().settle('regionWorkspaces');
    expect(outcome).toEqual({
      ok: true,
      value: [
        { WorkspaceId: 'ws-1', DirectoryId: 'd-1', State: 'AVAILABLE', ComputeTypeName: 'GRAPHICS' },
        { WorkspaceId: 'ws-2', DirectoryId: 'd-2', State: 'STOPPED' },
      ],
    });
    expect(workspaces.commandCalls(DescribeWorkspacesCommand)[0]!.args[0].input).toEqual({ Limit: 25 });
  });
});

describe("the Region's WorkSpaces, listed once (issue 18)", () => {
  const pages = () =>
    workspaces
      .on(DescribeWorkspacesCommand)
      .resolvesOnce({
        Workspaces: [
          { WorkspaceId: 'ws-1', DirectoryId: 'd-1234567890', UserName: 'alice', IpAddress: '10.0.1.5', State: 'AVAILABLE' },
          { WorkspaceId: 'ws-2', DirectoryId: 'd-other00001', UserName: 'mallory', IpAddress: '10.9.1.5', State: 'AVAILABLE' },
        ],
        NextToken: 'w2',
      })
      .resolvesOnce({ Workspaces: [{ WorkspaceId: 'ws-3', DirectoryId: 'd-1234567890', UserName: 'bob', State: 'STOPPED' }] });

  it("a run that lists the Region takes the directory's WorkSpaces from that listing: one listing, nothing by DirectoryId", async () => {
    pages();
    const live = liveStore({ directoryId: 'd-1234567890' }, { facts: ['regionWorkspaces', 'workspaces'] });
    const [mine, region] = await Promise.all([live.settle('workspaces'), live.settle('regionWorkspaces')]);
    expect(mine).toEqual({
      ok: true,
      value: [
        { WorkspaceId: 'ws-1', DirectoryId: 'd-1234567890', UserName: 'alice', IpAddress: '10.0.1.5', State: 'AVAILABLE' },
        { WorkspaceId: 'ws-3', DirectoryId: 'd-1234567890', UserName: 'bob', State: 'STOPPED' },
      ],
    });
    expect(region.ok && region.value.map((w: { WorkspaceId: string }) => w.WorkspaceId)).toEqual(['ws-1', 'ws-2', 'ws-3']);
    expect(workspaces.commandCalls(DescribeWorkspacesCommand).map((c) => c.args[0].input)).toEqual([{ Limit: 25 }, { Limit: 25, NextToken: 'w2' }]);
    // The full listing is held in memory only: another directory's user names are in no recorded fact.
    const recorded = await live.outcomes();
    expect(Object.keys(recorded).sort()).toEqual(['regionWorkspaces', 'workspaces']);
    expect(JSON.stringify(recorded)).not.toMatch(/mallory|10\.9\.1\.5/);
  });

  it('a run that does not list the Region keeps the targeted DescribeWorkspaces(DirectoryId)', async () => {
    workspaces.on(DescribeWorkspacesCommand).resolves({ Workspaces: [{ WorkspaceId: 'ws-1', DirectoryId: 'd-1234567890', State: 'AVAILABLE' }] });
    const live = liveStore({ directoryId: 'd-1234567890' }, { facts: ['workspaces'] });
    expect(await live.settle('workspaces')).toEqual({ ok: true, value: [{ WorkspaceId: 'ws-1', DirectoryId: 'd-1234567890', State: 'AVAILABLE' }] });
    expect(workspaces.commandCalls(DescribeWorkspacesCommand).map((c) => c.args[0].input)).toEqual([{ DirectoryId: 'd-1234567890', Limit: 25 }]);
  });

  it('--workspace keeps its one call by id even when the run lists the Region', async () => {
    workspaces.on(DescribeWorkspacesCommand, { WorkspaceIds: ['ws-2'] }).resolves({ Workspaces: [{ WorkspaceId: 'ws-2', DirectoryId: 'd-other00001', State: 'AVAILABLE' }] });
    const live = liveStore({ workspaceId: 'ws-2' }, { facts: ['regionWorkspaces', 'workspaces'] });
    expect(await live.settle('workspaces')).toEqual({ ok: true, value: [{ WorkspaceId: 'ws-2', DirectoryId: 'd-other00001', State: 'AVAILABLE' }] });
    expect(workspaces.commandCalls(DescribeWorkspacesCommand, { WorkspaceIds: ['ws-2'] })).toHaveLength(1);
  });

  it("a listing that fails fails the directory's WorkSpaces with the same reason", async () => {
    workspaces.on(DescribeWorkspacesCommand).rejects(Object.assign(new Error('User is not authorized to perform: workspaces:DescribeWorkspaces'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
    const live = liveStore({ directoryId: 'd-1234567890' }, { facts: ['regionWorkspaces', 'workspaces'] });
    const [mine, region] = await Promise.all([live.settle('workspaces'), live.settle('regionWorkspaces')]);
    expect(mine.ok).toBe(false);
    expect(mine).toEqual(region);
    expect(workspaces.commandCalls(DescribeWorkspacesCommand)).toHaveLength(1);
  });
});

describe('the directory lookup, when the Region does not have it', () => {
  it('names the Regions of the partition where the account has it registered', async () => {
    // The same mocked client answers for every Region: the request's Region says which one is asked.
    workspaces.on(DescribeWorkspaceDirectoriesCommand).callsFake(async (_input, getClient) => {
      const region = await (getClient() as WorkSpacesClient).config.region();
      return { Directories: ['eu-west-1', 'ap-south-1'].includes(region) ? [directory] : [] };
    });
    const outcome = await liveStore().settle('workspacesDirectory');
    expect(outcome).toEqual({
      ok: false,
      failure: {
        kind: 'target-not-found',
        message: 'directory d-1234567890 is not registered with WorkSpaces in us-east-1, but is in ap-south-1, eu-west-1 (run with --region ap-south-1)',
      },
    });
    // The run's Region, then every other WorkSpaces Region of the aws partition once (China and GovCloud left out).
    const partition = WORKSPACES_REGIONS.filter((r) => !r.startsWith('cn-') && !r.startsWith('us-gov-'));
    expect(workspaces.commandCalls(DescribeWorkspaceDirectoriesCommand)).toHaveLength(partition.length);
  });

  it('says only what it knows when no other Region has it, and other Regions failing do not matter', async () => {
    let first = true;
    workspaces.on(DescribeWorkspaceDirectoriesCommand).callsFake(async () => {
      if (first) {
        first = false;
        return { Directories: [] };
      }
      throw Object.assign(new Error('The security token included in the request is invalid'), { name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
    });
    expect(await liveStore().settle('workspacesDirectory')).toEqual({
      ok: false,
      failure: { kind: 'target-not-found', message: 'directory d-1234567890 is not registered with WorkSpaces in us-east-1 (check the id and the Region)' },
    });
  });
});
