/**
 * H1 as-fleet-subnets-ha: two private subnets in different Availability Zones, as the guide recommends for a fleet.
 * - FAIL: a subnet of the fleet's VPC configuration no longer exists (SUBNET_NOT_FOUND); its subnets are in more than
 *   one VPC.
 * - WARN: fewer than two subnets; all in one Availability Zone; a public subnet (its internet route goes to an
 *   internet gateway) in a fleet without default internet access — fleet instances have no public address there
 *   [derived from "private subnets"]. A fleet with default internet access needs public subnets instead [not in
 *   guides: AppStream Administration Guide, "Internet Access"], so there they are expected.
 * - PASS: two or more subnets in distinct Availability Zones, private (or public, with default internet access).
 * - SKIP: the fleet has no VPC configuration.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck, type FindingDraft } from '../../src/engine/types.js';
import appstreamRouteTables from '../../src/facts/appstream/appstream-route-tables.js';
import appstreamSubnets from '../../src/facts/appstream/appstream-subnets.js';
import fleets from '../../src/facts/appstream/fleets.js';
import { INTERNET, internetSplits, pathTo } from '../../src/net/route-path.js';

export default defineCheck({
  meta: {
    id: 'as-fleet-subnets-ha',
    catalogId: 'H1',
    title: 'The fleet uses two private subnets in different Availability Zones',
    scope: 'fleet',
    alsoFor: ['stack'],
    severity: 'medium',
    tags: ['appstream', 'fleet', 'network', 'availability'],
    description: "Reads the fleet's subnets: whether they exist, their VPC and Availability Zone, and whether their route to the internet goes to an internet gateway (public).",
    rationale:
      'A fleet in one subnet, or in one Availability Zone, stops streaming when that zone has a problem and cannot place ' +
      'instances elsewhere when the zone is out of capacity; tickets show fleets stuck for exactly that. A subnet deleted ' +
      'under a fleet stops it from starting instances.',
    finds: 'a deleted subnet, or subnets in two VPCs (fail); one subnet, one Availability Zone, or a public subnet without default internet access (warn)',
    facts: [fleets, appstreamSubnets, appstreamRouteTables],
    remediation: {
      summary: 'Give the fleet two private subnets from different Availability Zones, both with access to the network resources its applications use.',
      steps: [
        'We recommend that you specify two private subnets from different Availability Zones for high availability and fault tolerance.',
        'Also ensure that the network resources for your applications are accessible through both of the specified private subnets.',
        'To change a fleet\'s subnets, stop the fleet, edit its network settings, and start it again.',
      ],
      source: { guide: GUIDES.appStream, section: 'Fleets', lines: '472-474' },
      alsoSee: [{ guide: GUIDES.appStream, section: 'Step 1: Set Up a Sample Stack', lines: '276-292' }],
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/managing-network-vpc-setup.html',
    },
  },

  analyze({ fleets, appstreamSubnets, appstreamRouteTables }) {
    return fleets.map((fleet): FindingDraft => {
      const resource = fleet.Name ?? 'fleet';
      const ids = fleet.VpcConfig?.SubnetIds ?? [];
      if (ids.length === 0) return { status: 'skip', resource, message: `Fleet ${resource} has no VPC subnets.` };
      const found = appstreamSubnets.filter((s) => ids.includes(s.SubnetId ?? ''));
      const gone = ids.filter((id) => !found.some((s) => s.SubnetId === id));
      const subnets = found.map((s) => {
        // Public: its default route, or a narrower one carrying part of the internet, goes to an internet gateway.
        const input = { subnetId: s.SubnetId!, ...(s.VpcId ? { vpcId: s.VpcId } : {}), routeTables: appstreamRouteTables };
        const path = pathTo(INTERNET, input);
        const isPublic = [path.match, ...internetSplits(INTERNET, input)].some((m) => m && !m.blackhole && m.target.kind === 'internet-gateway');
        return { subnetId: s.SubnetId!, vpcId: s.VpcId, availabilityZone: s.AvailabilityZone, public: isPublic, routeTableId: path.routeTableId };
      });
      const zones = [...new Set(subnets.map((s) => s.availabilityZone))];
      const vpcs = [...new Set(subnets.map((s) => s.vpcId))];
      const defaultInternet = fleet.EnableDefaultInternetAccess === true;
      const evidence = { subnets, missing: gone, availabilityZones: zones, defaultInternetAccess: defaultInternet };
      const fails: string[] = [];
      if (gone.length) fails.push(`${gone.join(', ')} no longer exist${gone.length === 1 ? 's' : ''} (SUBNET_NOT_FOUND: it cannot start instances there)`);
      if (vpcs.length > 1) fails.push(`its subnets are in ${vpcs.length} VPCs (${vpcs.join(', ')})`);
      if (fails.length) return { status: 'fail', resource, message: `Fleet ${resource}: ${fails.join('; ')}.`, evidence };
      const warns: string[] = [];
      if (subnets.length < 2) warns.push(`it has one subnet (${subnets[0]!.subnetId})`);
      else if (zones.length < 2) warns.push(`its ${subnets.length} subnets are all in ${zones[0]}`);
      const publicOnes = subnets.filter((s) => s.public).map((s) => s.subnetId);
      if (publicOnes.length && !defaultInternet) warns.push(`${publicOnes.join(', ')} ${publicOnes.length === 1 ? 'is' : 'are'} public (routed to an internet gateway), which its instances, having no public address, cannot use`);
      const list = subnets.map((s) => `${s.subnetId} (${s.availabilityZone})`).join(', ');
      if (warns.length) return { status: 'warn', resource, message: `Fleet ${resource} is not set up for high availability: ${warns.join('; ')}. Subnets: ${list}.`, evidence };
      return {
        status: 'pass',
        resource,
        message: `Fleet ${resource} uses ${subnets.length} ${defaultInternet ? 'public subnets (for its default internet access)' : 'private subnets'} in ${zones.length} Availability Zones: ${list}.`,
        evidence,
      };
    });
  },
});
