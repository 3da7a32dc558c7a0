// The facts that count what a WorkSpaces Applications account uses against its limits, over SDK mocks: the fleets'
// scaling bounds (Application Auto Scaling), what each asks, how it pages, and how a denial comes back.
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling';
import { liveStore } from '../helpers/fact-store.js';

const autoscaling = mockClient(ApplicationAutoScalingClient);
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
