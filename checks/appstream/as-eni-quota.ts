/**
 * G3 as-eni-quota: will the account's network interface quota in the Region hold its fleets and image builders? Each
 * fleet instance and image builder has a network interface.
 * - FAIL: the interfaces in use, plus those the account's fleets would add at their maximum (minus the instances
 *   running), plus one for each image builder still without one, exceed the quota ("Network interfaces per Region",
 *   L-DF5E4CA3 [not in guides]). A fleet's maximum is its Application Auto Scaling MaxCapacity [not in guides], as
 *   the catalog reads it: "as many elastic network interfaces as the maximum desired capacity of your fleet" (004
 *   line 476); never less than its desired capacity. A fleet with no scalable target does not scale: its desired
 *   capacity is its maximum (the finding names such fleets). An Elastic fleet: its maximum concurrent sessions.
 * - WARN: that total reaches 90% of the quota [derived].
 * - PASS: below. The quota is the applied value from Service Quotas, or the AWS default when only that is readable
 *   (said so).
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import accountFleets from '../../src/facts/appstream/account-fleets.js';
import accountImageBuilders from '../../src/facts/appstream/account-image-builders.js';
import fleetScalableTargets from '../../src/facts/application-autoscaling/fleet-scalable-targets.js';
import regionNetworkInterfaceCount from '../../src/facts/ec2/region-network-interface-count.js';
import networkInterfaceQuota, { ENI_QUOTA } from '../../src/facts/servicequotas/network-interface-quota.js';

const WARN_AT = 0.9;

export default defineCheck({
  meta: {
    id: 'as-eni-quota',
    catalogId: 'G3',
    title: "The Region's network interface quota holds the fleets and image builders",
    scope: 'image-builder',
    alsoFor: ['fleet', 'stack'],
    severity: 'high',
    tags: ['appstream', 'account', 'network', 'eni', 'quota'],
    description:
      'Counts the network interfaces of the Region, adds those the account\'s fleets would create at their maximum ' +
      '(Application Auto Scaling MaxCapacity; the desired capacity of a fleet that does not scale) and those its image ' +
      'builders still need, and compares the total with the "Network interfaces per Region" quota.',
    rationale:
      'If the account reaches the network interface limit of the Region, image builders stay stuck in Pending and fleets ' +
      'cannot start instances (NETWORK_INTERFACE_LIMIT_EXCEEDED): the service creates an interface for every instance, ' +
      'up to the maximum desired capacity of each fleet.',
    finds: 'network interfaces in use plus those the fleets (at their scaling maximum) and pending image builders need exceed the Region\'s quota (fail) or reach 90% of it (warn)',
    facts: [regionNetworkInterfaceCount, networkInterfaceQuota, accountFleets, fleetScalableTargets],
    optionalFacts: [accountImageBuilders],
    remediation: {
      summary: 'Request a higher "Network interfaces per Region" quota (Amazon VPC) before the fleets scale or new image builders launch.',
      steps: [
        'If your AWS account reaches the network interface limits for the AWS Region, the image builder might become stuck in the Pending state; request an increase of the Amazon VPC quota.',
        'WorkSpaces Applications creates as many elastic network interfaces as the maximum desired capacity of your fleet: make sure the account has enough interface capacity for the scale of your fleets, and for a large fleet ask AWS Support for a higher limit.',
        'In the Service Quotas console: Amazon Virtual Private Cloud (Amazon VPC), "Network interfaces per Region" (L-DF5E4CA3), Request increase.',
      ],
      source: { guide: GUIDES.imageBuilderPending, section: 'Network interface limits', lines: '30-31' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Fleets', lines: '472-479' }],
      docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html',
    },
  },

  analyze({ regionNetworkInterfaceCount: inUse, networkInterfaceQuota: quota, accountFleets, fleetScalableTargets, accountImageBuilders }, { region, unavailable }) {
    const growth = accountFleets.map((f) => {
      const desired = f.ComputeCapacityStatus?.Desired ?? 0;
      const target = fleetScalableTargets.find((t) => t.fleet === f.Name);
      const [capacity, basis] =
        f.FleetType === 'ELASTIC'
          ? [f.MaxConcurrentSessions ?? 0, 'maximum concurrent sessions']
          : typeof target?.maxCapacity === 'number'
            ? // Scaling keeps the desired capacity inside the bounds; one set by hand above them still holds interfaces.
              [Math.max(target.maxCapacity, desired), 'scaling maximum']
            : [desired, 'desired capacity (no scaling target)'];
      const running = f.ComputeCapacityStatus?.Running ?? 0;
      return { fleet: f.Name, state: f.State, basis, capacity, ...(target ? { scalingMax: target.maxCapacity } : {}), desired, running, adds: Math.max(0, capacity - running) };
    });
    const unscaled = growth.filter((g) => g.basis.startsWith('desired')).map((g) => g.fleet);
    const fleetsAdd = growth.reduce((sum, g) => sum + g.adds, 0);
    const waiting = (accountImageBuilders ?? []).filter((b) => !b.EniId && ['PENDING', 'STARTING'].includes(b.State ?? '')).map((b) => b.Name);
    const total = inUse + fleetsAdd + waiting.length;
    const share = Math.round((total / quota.value) * 100);
    const evidence = {
      networkInterfacesInUse: inUse,
      fleets: growth,
      imageBuildersWithoutInterface: waiting,
      projected: total,
      quota: { ...ENI_QUOTA, value: quota.value, applied: quota.applied },
      ...(unavailable.accountImageBuilders ? { imageBuildersUnread: unavailable.accountImageBuilders.message } : {}),
    };
    const which = quota.applied ? 'quota' : 'quota (the AWS default: the applied value was not available)';
    const fleetsPart = growth.length === 0 ? 'no fleet' : growth.length === 1 ? `${fleetsAdd} more if its fleet scales to its maximum` : `${fleetsAdd} more if its ${growth.length} fleets scale to their maximum`;
    const sum =
      `${inUse} network interface${inUse === 1 ? '' : 's'} in ${region} now, ${fleetsPart}` +
      `${waiting.length ? `, ${waiting.length} for image builders still starting` : ''}: ${total} of the ${which} of ${quota.value} (${share}%)`;
    const unread =
      (unscaled.length ? ` ${unscaled.length === 1 ? 'Fleet' : 'Fleets'} ${unscaled.join(', ')} ${unscaled.length === 1 ? 'has' : 'have'} no Application Auto Scaling target: counted at ${unscaled.length === 1 ? 'its' : 'their'} desired capacity.` : '') +
      (unavailable.accountImageBuilders ? ` (image builders could not be counted: ${unavailable.accountImageBuilders.message})` : '');
    if (total > quota.value) {
      return [{ status: 'fail', resource: region, message: `${sum}: image builders stay Pending and fleet instances fail to start once the quota is reached.${unread}`, evidence }];
    }
    if (total >= quota.value * WARN_AT) {
      return [{ status: 'warn', resource: region, message: `${sum}: close to the quota; request an increase before the fleets scale.${unread}`, evidence }];
    }
    return [{ status: 'pass', resource: region, message: `${sum}.${unread}`, evidence }];
  },
});
