/**
 * H2 as-fleet-subnet-ips: do the fleet's subnets have an IP address for every instance it may still start? Each
 * streaming instance has a network interface, with an address, in one of the fleet's subnets.
 * - FAIL: the free addresses of the fleet's subnets together are fewer than the instances it still has to start:
 *   its capacity (Desired instances; an Elastic fleet's MaxConcurrentSessions) minus those running [derived
 *   accounting: running instances hold their addresses already].
 * - WARN: one subnet has no free address, or only one of several has room, so instances placed in the others fail
 *   [derived, as A7].
 * - PASS: room for the rest of the capacity. A scaling policy's maximum is not read (Application Auto Scaling): the
 *   finding says the desired capacity is what was measured.
 * - ERROR: EC2 gave no free-address count for a subnet. SKIP: the fleet has no subnets, or they are gone (as-fleet-subnets-ha).
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import appstreamSubnets from '../../src/facts/appstream/appstream-subnets.js';
import fleets from '../../src/facts/appstream/fleets.js';

export default defineCheck({
  meta: {
    id: 'as-fleet-subnet-ips',
    catalogId: 'H2',
    title: "The fleet's subnets have an IP address for each instance it may start",
    scope: 'fleet',
    alsoFor: ['stack'],
    severity: 'high',
    tags: ['appstream', 'fleet', 'network', 'capacity'],
    description:
      "Adds up the free IP addresses of the fleet's subnets (EC2's AvailableIpAddressCount) against the instances the fleet " +
      'may still start: its desired capacity (an Elastic fleet: its maximum concurrent sessions) minus the running ones.',
    rationale:
      'WorkSpaces Applications creates as many network interfaces as the maximum desired capacity of the fleet, each with ' +
      'an address from its subnets: without enough free addresses, instances fail to start (SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES).',
    finds: "fewer free IP addresses in the fleet's subnets than instances it may still start (fail); a full subnet, or room in one subnet only (warn)",
    facts: [fleets, appstreamSubnets],
    remediation: {
      summary: "Give the fleet subnets with enough free IP addresses to match its maximum desired capacity.",
      steps: [
        'WorkSpaces Applications creates as many elastic network interfaces as the maximum desired capacity of your fleet.',
        'Specify subnets with a sufficient number of IP addresses to match the maximum desired capacity of your fleet (and of any scaling policy\'s maximum).',
        'A subnet cannot grow: stop the fleet and choose larger subnets (two, in different Availability Zones), or free addresses taken by interfaces nothing uses.',
      ],
      source: { guide: GUIDES.appStream, section: 'Fleets', lines: '472-479' },
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/managing-network-vpc-setup.html',
    },
  },

  analyze({ fleets, appstreamSubnets }) {
    const findings: FindingDraft[] = [];
    for (const fleet of fleets) {
      const resource = fleet.Name ?? 'fleet';
      const ids = fleet.VpcConfig?.SubnetIds ?? [];
      const subnets = ids.map((id) => appstreamSubnets.find((s) => s.SubnetId === id)).filter((s) => s !== undefined);
      if (subnets.length === 0) {
        findings.push({ status: 'skip', resource, message: ids.length ? `None of fleet ${resource}'s subnets (${ids.join(', ')}) exists any more (as-fleet-subnets-ha reports it).` : `Fleet ${resource} has no VPC subnets.` });
        continue;
      }
      const unknown = subnets.filter((s) => typeof s.AvailableIpAddressCount !== 'number');
      if (unknown.length) {
        findings.push({ status: 'error', resource, message: `EC2 did not say how many addresses are free in ${unknown.map((s) => s.SubnetId).join(', ')}: whether fleet ${resource}'s instances fit is unknown.` });
        continue;
      }
      const elastic = fleet.FleetType === 'ELASTIC';
      const capacity = (elastic ? fleet.MaxConcurrentSessions : fleet.ComputeCapacityStatus?.Desired) ?? 0;
      const running = fleet.ComputeCapacityStatus?.Running ?? 0;
      const needed = Math.max(0, capacity - running);
      const free = subnets.map((s) => ({ subnetId: s.SubnetId!, availabilityZone: s.AvailabilityZone, free: s.AvailableIpAddressCount! }));
      const total = free.reduce((sum, s) => sum + s.free, 0);
      const each = free.map((s) => `${s.subnetId}: ${s.free}`).join(', ');
      const what = elastic ? `maximum of ${capacity} concurrent sessions` : `desired capacity of ${capacity}`;
      const evidence = { fleetType: fleet.FleetType, capacity, running, needed, subnets: free, totalFree: total };
      if (total < needed) {
        findings.push({
          status: 'fail',
          resource,
          message: `Fleet ${resource}'s subnets have ${total} free IP address${total === 1 ? '' : 'es'} (${each}), fewer than the ${needed} instances it still has to start (${what}, ${running} running).`,
          evidence,
        });
        continue;
      }
      const full = free.filter((s) => s.free === 0).map((s) => s.subnetId);
      if (needed > 0 && free.length > 1 && full.length) {
        findings.push({
          status: 'warn',
          resource,
          message: `Fleet ${resource}'s subnet${full.length === 1 ? '' : 's'} ${full.join(', ')} ${full.length === 1 ? 'has' : 'have'} no free IP address (${each}): instances placed there fail to start.`,
          evidence,
        });
        continue;
      }
      findings.push({
        status: 'pass',
        resource,
        message:
          `Fleet ${resource}'s subnets have ${total} free IP addresses (${each}) for the ${needed} instances it may still start (${what}, ${running} running). ` +
          "(A scaling policy's maximum is not read: if it is above the desired capacity, compare it with these.)",
        evidence,
      });
    }
    return findings;
  },
});
