// Fact collectors over SDK mocks: what they call, how they page, and how failures become reasons.
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { liveStore } from '../helpers/fact-store.js';

const ec2 = mockClient(EC2Client);
const workspaces = mockClient(WorkSpacesClient);
afterEach(() => {
  ec2.reset();
  workspaces.reset();
});

const store = (directoryId = 'd-1234567890') => liveStore({ directoryId });

const directory = {
  DirectoryId: 'd-1234567890',
  SubnetIds: ['subnet-a', 'subnet-b'],
  RegistrationCode: 'SLiad+SECRET1',
  State: 'REGISTERED' as const,
};

/** A VPC's main route table, as EC2 describes it. */
const mainTable = (RouteTableId: string, VpcId = 'vpc-1') => ({ RouteTableId, VpcId, Associations: [{ Main: true, RouteTableId }] });

describe('AWS facts', () => {
  it('derives the VPC from the directory subnets and reads it once for several dependants', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [directory] });
    ec2.on(DescribeSubnetsCommand).resolves({
      Subnets: [
        { SubnetId: 'subnet-a', VpcId: 'vpc-1' },
        { SubnetId: 'subnet-b', VpcId: 'vpc-1' },
      ],
    });
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] });
    ec2.on(DescribeRouteTablesCommand).resolves({ RouteTables: [mainTable('rtb-1')] });

    const facts = store();
    const [vpc, tables, again] = await Promise.all([facts.settle('vpc'), facts.settle('routeTables'), facts.settle('vpc')]);
    expect(vpc).toEqual({ ok: true, value: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' } });
    expect(tables.ok && tables.value.map((t) => t.RouteTableId)).toEqual(['rtb-1']);
    expect(again).toBe(vpc);
    expect(workspaces.commandCalls(DescribeWorkspaceDirectoriesCommand)).toHaveLength(1);
    expect(ec2.commandCalls(DescribeSubnetsCommand)[0]!.args[0].input).toEqual({ SubnetIds: ['subnet-a', 'subnet-b'] });
    expect(ec2.commandCalls(DescribeVpcsCommand)).toHaveLength(1);
    expect(ec2.commandCalls(DescribeRouteTablesCommand)[0]!.args[0].input).toMatchObject({
      Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }],
      MaxResults: 100,
    });
  });

  it('follows every page of route tables', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [directory] });
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1' }, { SubnetId: 'subnet-b', VpcId: 'vpc-1' }] });
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1' }] });
    ec2
      .on(DescribeRouteTablesCommand)
      .resolvesOnce({ RouteTables: [{ RouteTableId: 'rtb-1', VpcId: 'vpc-1' }], NextToken: 'page-2' })
      .resolvesOnce({ RouteTables: [mainTable('rtb-2')] });
    const outcome = await store().settle('routeTables');
    expect(outcome.ok && outcome.value.map((t) => t.RouteTableId)).toEqual(['rtb-1', 'rtb-2']);
    expect(ec2.commandCalls(DescribeRouteTablesCommand)[1]!.args[0].input).toMatchObject({ NextToken: 'page-2' });
  });

  it('never keeps the directory registration code', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [directory] });
    const outcome = await store().settle('workspacesDirectory');
    expect(outcome.ok).toBe(true);
    expect(JSON.stringify(outcome)).not.toContain('SECRET1');
  });

  it('reports an unregistered directory as the target not being found', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [] });
    const outcome = await store().settle('vpc');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'target-not-found' } });
  });

  it('turns a denied call into the denied IAM action, and dependants fail for the same reason', async () => {
    workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [directory] });
    ec2.on(DescribeSubnetsCommand).rejects(
      Object.assign(new Error('You are not authorized to perform this operation.'), {
        name: 'UnauthorizedOperation',
        iamAction: 'ec2:DescribeSubnets',
      }),
    );
    const facts = store();
    const vpc = await facts.settle('vpc');
    expect(vpc).toMatchObject({ ok: false, failure: { kind: 'denied', iamAction: 'ec2:DescribeSubnets' } });
    expect(ec2.commandCalls(DescribeVpcsCommand)).toHaveLength(0);
  });

  describe('cross-checks on answers that parse but cannot be whole', () => {
    const arrange = () => {
      workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [directory] });
      ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1' }, { SubnetId: 'subnet-b', VpcId: 'vpc-1' }] });
      ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1' }] });
    };

    it('a VPC whose route tables come back without a main one (or none at all) is an error, not "no routes"', async () => {
      for (const RouteTables of [[], [{ RouteTableId: 'rtb-1', VpcId: 'vpc-1' }]]) {
        arrange();
        ec2.on(DescribeRouteTablesCommand).resolves({ RouteTables });
        const outcome = await store().settle('routeTables');
        expect(outcome).toMatchObject({
          ok: false,
          failure: { kind: 'error', code: 'InconsistentAnswer', iamAction: 'ec2:DescribeRouteTables', message: expect.stringMatching(/and no main route table, which every VPC has/) },
        });
        ec2.reset();
      }
    });

    it('route tables of another VPC in an answer filtered to this one', async () => {
      arrange();
      ec2.on(DescribeRouteTablesCommand).resolves({ RouteTables: [mainTable('rtb-1'), mainTable('rtb-9', 'vpc-9')] });
      expect(await store().settle('routeTables')).toMatchObject({
        ok: false,
        failure: { kind: 'error', message: 'ec2:DescribeRouteTables returned 1 route tables that is not in vpc-1, which it was asked for alone: the answer is not whole, or not AWS\'s' },
      });
    });

    it('subnets asked for by id and missing from the answer', async () => {
      workspaces.on(DescribeWorkspaceDirectoriesCommand).resolves({ Directories: [directory] });
      ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1' }] });
      expect(await store().settle('subnets')).toMatchObject({
        ok: false,
        failure: { kind: 'error', code: 'InconsistentAnswer', message: expect.stringMatching(/^ec2:DescribeSubnets returned no subnet for subnet-b, which it was asked for/) },
      });
    });

    it('a VPC asked for by id and answered with another', async () => {
      arrange();
      ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-2' }] });
      expect(await store().settle('vpc')).toMatchObject({ ok: false, failure: { kind: 'error', message: expect.stringMatching(/returned no VPC for vpc-1/) } });
    });
  });
});
