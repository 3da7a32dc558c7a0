// Facts added for G3 and H9 over SDK mocks: the fleets' scaling bounds (Application Auto Scaling) — what is asked,
// how it pages, how a denial comes back — and the resolution of a --resource given by name.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import { AppStreamClient, DescribeFleetsCommand } from '@aws-sdk/client-appstream';
import { DescribeDhcpOptionsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { port53Available, startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';
import { liveStore } from '../helpers/fact-store.js';

const autoscaling = mockClient(ApplicationAutoScalingClient);
const canBindDns = await port53Available();
afterEach(() => autoscaling.reset());

const target = (ResourceId: string, MinCapacity: number, MaxCapacity: number) => ({
  ServiceNamespace: 'appstream' as const,
  ResourceId,
  ScalableDimension: 'appstream:fleet:DesiredCapacity' as const,
  MinCapacity,
  MaxCapacity,
  RoleARN: 'arn:aws:iam::123456789012:role/aws-service-role/appstream.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_AppStreamFleet',
  CreationTime: new Date('2026-11-01T00:00:00Z'),
});

describe('fleetScalableTargets', () => {
  it('lists the appstream namespace once, account-wide, at the largest page, following every page', async () => {
    autoscaling
      .on(DescribeScalableTargetsCommand)
      .resolvesOnce({ ScalableTargets: [target('fleet/office', 2, 20)], NextToken: 't1' })
      .resolvesOnce({ ScalableTargets: [target('fleet/labs', 1, 4)] });
    const outcome = await liveStore({ fleetName: 'office' }).settle('fleetScalableTargets');
    expect(outcome).toEqual({
      ok: true,
      value: [
        { fleet: 'office', minCapacity: 2, maxCapacity: 20 },
        { fleet: 'labs', minCapacity: 1, maxCapacity: 4 },
      ],
    });
    const inputs = autoscaling.commandCalls(DescribeScalableTargetsCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      { ServiceNamespace: 'appstream', ScalableDimension: 'appstream:fleet:DesiredCapacity', MaxResults: 50 },
      { ServiceNamespace: 'appstream', ScalableDimension: 'appstream:fleet:DesiredCapacity', MaxResults: 50, NextToken: 't1' },
    ]);
  });

  it('keeps only fleet/NAME resources, and a target without bounds as it is', async () => {
    autoscaling.on(DescribeScalableTargetsCommand).resolves({
      ScalableTargets: [target('stack/office', 1, 9), { ...target('fleet/a.b-c_d', 0, 0), MinCapacity: undefined, MaxCapacity: undefined }],
    });
    expect(await liveStore({ fleetName: 'a.b-c_d' }).settle('fleetScalableTargets')).toEqual({ ok: true, value: [{ fleet: 'a.b-c_d' }] });
  });

  it('a denied listing fails the fact naming the action, never "no fleet scales"', async () => {
    autoscaling
      .on(DescribeScalableTargetsCommand)
      .rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException', iamAction: 'application-autoscaling:DescribeScalableTargets' }));
    expect(await liveStore({ fleetName: 'office' }).settle('fleetScalableTargets')).toMatchObject({
      ok: false,
      failure: { kind: 'denied', iamAction: 'application-autoscaling:DescribeScalableTargets' },
    });
  });
});

// resourceAddresses: the --resource host name asked of the DNS servers the VPC's DHCP options give (a test DNS server
// on 127.53.x.y), VPCs with the same servers sharing one lookup, and nothing asked for an address.
describe('resourceAddresses', () => {
  const appstream = mockClient(AppStreamClient);
  const ec2 = mockClient(EC2Client);
  const servers: TestDnsServer[] = [];
  afterEach(() => {
    appstream.reset();
    ec2.reset();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('is not applicable to an address or to a run without --resource: nothing is asked', async () => {
    expect(await liveStore({ fleetName: 'office', resource: '10.0.5.20:1433' }).settle('resourceAddresses')).toMatchObject({ ok: false, failure: { kind: 'not-applicable' } });
    expect(await liveStore({ fleetName: 'office' }).settle('resourceAddresses')).toMatchObject({ ok: false, failure: { kind: 'not-applicable' } });
    expect(appstream.calls()).toHaveLength(0);
  });

  it.runIf(canBindDns)('asks the DHCP option set\'s servers once for the VPCs that share them', async () => {
    const dns = await startDnsServer({ a: { 'licence.corp.example.com': ['10.0.2.20'] } });
    servers.push(dns);
    appstream.on(DescribeFleetsCommand).resolves({
      Fleets: [{ Name: 'office', Arn: 'arn', InstanceType: 'stream.standard.medium', ComputeCapacityStatus: { Desired: 1 }, State: 'RUNNING', VpcConfig: { SubnetIds: ['subnet-a', 'subnet-b'] } }],
    });
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1' }, { SubnetId: 'subnet-b', VpcId: 'vpc-2' }] });
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1', DhcpOptionsId: 'dopt-1' }, { VpcId: 'vpc-2', DhcpOptionsId: 'dopt-1' }] });
    ec2.on(DescribeDhcpOptionsCommand).resolves({ DhcpOptions: [{ DhcpOptionsId: 'dopt-1', DhcpConfigurations: [{ Key: 'domain-name-servers', Values: [{ Value: dns.address }] }] }] });
    const outcome = await liveStore({ fleetName: 'office', resource: 'licence.corp.example.com:27000' }, { timeoutMs: 3000 }).settle('resourceAddresses');
    expect(outcome).toEqual({
      ok: true,
      value: {
        name: 'licence.corp.example.com',
        timeoutMs: 3000,
        lookups: [{ vpcIds: ['vpc-1', 'vpc-2'], via: 'dhcp', servers: [dns.address], dhcpOptionsIds: ['dopt-1'], result: 'resolved', addresses: ['10.0.2.20'] }],
      },
    });
  });
});
