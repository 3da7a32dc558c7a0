/**
 * A2 ws-dir-subnets-distinct-az: the directory has two subnets, both still there, in different Availability Zones.
 * - PASS: two or more subnets, all found, spanning two or more Availability Zones.
 * - FAIL: fewer than two subnets; a subnet that no longer exists; every subnet in one Availability Zone.
 * - ERROR: the subnets could not be read (denied, throttled…): never a pass.
 * Zones are compared by AZ id where EC2 gives it (names are per account, ids are not); the two are the same test
 * within one account, the id is just what the finding should show.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import { missingFact } from '../../src/engine/analyze.js';
import subnets from '../../src/facts/ec2/subnets.js';
import workspacesDirectory from '../../src/facts/workspaces/workspaces-directory.js';

export default defineCheck({
  meta: {
    id: 'ws-dir-subnets-distinct-az',
    catalogId: 'A2',
    title: "The directory's subnets are in two different Availability Zones",
    scope: 'directory',
    severity: 'high',
    tags: ['network', 'subnet', 'registration'],
    description: "Reads the directory's subnets (SubnetIds) and the Availability Zone of each from EC2.",
    rationale:
      'WorkSpaces requires two subnets that are not in the same Availability Zone when a directory is registered; a ' +
      'subnet that was deleted afterwards, or two in one zone, leaves launches nowhere to go when that zone or subnet fails.',
    finds: 'fewer than two directory subnets, a directory subnet that no longer exists, or all of them in one Availability Zone (fail)',
    facts: [workspacesDirectory],
    optionalFacts: [subnets],
    remediation: {
      summary: 'Give the directory two subnets in different Availability Zones of its VPC (re-register it with them).',
      steps: [
        'When you register a directory, select two subnets that are not from the same Availability Zone.',
        'To add a second subnet: open the Amazon VPC console, choose Subnets, Create Subnet, pick the VPC and choose the second Availability Zone in the list (the tutorial uses private subnets such as 10.0.1.0/24 and 10.0.2.0/24).',
        'An AD Connector needs at least two private subnets, in different Availability Zones, that reach your on-premises DNS servers.',
        '[not in guides] The subnets of a registered directory cannot be changed in place: deregister the directory (after terminating its WorkSpaces) and register it again with the two subnets.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Register a Directory with Amazon WorkSpaces', lines: '2360-2384' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Configure a VPC with Private Subnets and a NAT Gateway', lines: '302-489' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/register-deregister-directory.html',
    },
  },

  analyze({ workspacesDirectory: directory, subnets: found }, { unavailable }) {
    const id = directory.DirectoryId ?? 'directory';
    const listed = directory.SubnetIds ?? [];
    if (listed.length < 2) {
      return [
        {
          status: 'fail',
          resource: id,
          message: `${id} lists ${listed.length === 0 ? 'no subnet' : `one subnet only (${listed[0]})`}: WorkSpaces needs two, in different Availability Zones.`,
          evidence: { directoryId: id, subnetIds: listed },
        },
      ];
    }
    if (!found) {
      const failure = unavailable.subnets;
      if (failure?.kind === 'not-found') {
        return [{ status: 'fail', resource: id, message: `${id}: ${failure.message}.`, evidence: { directoryId: id, subnetIds: listed } }];
      }
      return [{ ...missingFact(subnets, failure ?? { kind: 'error', message: 'the subnets were not collected' }), resource: id }];
    }
    const zones = found.map((s) => ({ subnetId: s.SubnetId, availabilityZone: s.AvailabilityZone, availabilityZoneId: s.AvailabilityZoneId }));
    const evidence = { directoryId: id, subnets: zones };
    const missing = listed.filter((subnetId) => !found.some((s) => s.SubnetId === subnetId));
    if (missing.length) {
      return [{ status: 'fail', resource: id, message: `${id} lists ${missing.join(', ')}, which EC2 no longer has.`, evidence }];
    }
    const distinct = new Set(found.map((s) => s.AvailabilityZoneId ?? s.AvailabilityZone));
    const each = zones.map((z) => `${z.subnetId} in ${z.availabilityZone}${z.availabilityZoneId ? ` (${z.availabilityZoneId})` : ''}`).join(', ');
    if (distinct.size < 2) {
      return [{ status: 'fail', resource: id, message: `Every subnet of ${id} is in one Availability Zone (${each}): WorkSpaces needs two zones.`, evidence }];
    }
    return [{ status: 'pass', resource: id, message: `The subnets of ${id} span ${distinct.size} Availability Zones: ${each}.`, evidence }];
  },
});
