/**
 * Ensures the directory's VPC CIDRs leave WorkSpaces a management-interface (eth0) range to use.
 * - PASS: no associated IPv4 CIDR of the VPC overlaps any management range of the Region.
 * - WARN: some ranges overlap; registration can still pick a free one.
 * - FAIL: every range of the Region overlaps: the directory cannot be registered, WorkSpaces cannot launch.
 * - ERROR: the Region is not in the guide's table, so there is nothing to compare with.
 */
import { defineCheck } from '../../src/engine/types.js';
import { managementRangesFor } from '../../src/data/management-ranges.js';
import { GUIDES } from '../../src/data/sources.js';
import { overlappingRanges } from '../../src/net/cidr.js';
import { associatedIpv4Cidrs } from '../../src/facts/views.js';
import vpc from '../../src/facts/ec2/vpc.js';

export default defineCheck({
  meta: {
    id: 'mgmt-cidr-conflict',
    catalogId: 'A4',
    title: "VPC CIDRs leave a management interface range free",
    scope: 'directory',
    severity: 'critical',
    tags: ['network', 'vpc', 'registration'],
    description:
      "Compares every IPv4 CIDR associated with the directory's VPC with the Region's management network " +
      'interface (eth0) ranges from the Administration Guide.',
    rationale:
      'WorkSpaces picks the eth0 address from Region-specific ranges and tests the VPC CIDR for conflicts when the ' +
      'directory is registered. If every range conflicts, the directory is not registered and WorkSpaces cannot launch.',
    finds:
      'the VPC\'s CIDRs overlap the Region\'s management-interface (eth0) ranges: some (warn) or all (fail: the directory cannot be registered)',
    facts: [vpc],
    remediation: {
      summary:
        'Use a VPC whose CIDRs do not overlap the management ranges of the Region, such as an RFC 1918 block like 10.0.0.0/16.',
      steps: [
        'Amazon WorkSpaces selects the IP address for the management network interface (eth0) from address ranges that depend on the Region; when a directory is registered it tests the VPC CIDR and route tables for conflicts with them.',
        'If a conflict is found in all available address ranges in the Region, the directory is not registered: move the directory to a VPC (or add subnets from a CIDR) that does not overlap the listed ranges.',
        'The guide recommends a CIDR block from the private (non-publicly routable) RFC 1918 ranges, for example 10.0.0.0/16, which overlaps none of the management ranges.',
        'Do not modify or delete the network interfaces attached to a WorkSpace.',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Management Interface IP Ranges', lines: '1268-1326' },
      alsoSee: [
        { guide: GUIDES.adminGuide, section: 'Network Interfaces', lines: '1241-1266' },
        { guide: GUIDES.adminGuide, section: 'Configure a VPC with Private Subnets and a NAT Gateway', lines: '302-489' },
      ],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
    },
  },

  analyze({ vpc }, { region }) {
    const resource = vpc.VpcId ?? 'vpc';
    const vpcCidrs = associatedIpv4Cidrs(vpc);
    const management = managementRangesFor(region);
    if (!management) {
      return [
        {
          status: 'error',
          resource,
          message: `The guide's table of management interface ranges has no entry for ${region}, so the VPC cannot be compared with them.`,
          evidence: { region, vpcCidrs },
        },
      ];
    }
    const conflicting = overlappingRanges(management.ranges, vpcCidrs);
    const free = management.ranges.filter((range) => !conflicting.includes(range));
    const evidence = {
      vpcId: vpc.VpcId,
      vpcCidrs,
      region,
      managementRanges: management.ranges,
      conflictingRanges: conflicting,
      freeRanges: free,
      dataSource: management.source,
    };
    if (conflicting.length === 0) {
      return [
        {
          status: 'pass',
          resource,
          message: `${resource} (${vpcCidrs.join(', ')}) overlaps none of ${region}'s management ranges (${management.ranges.join(', ')}).`,
          evidence,
        },
      ];
    }
    if (free.length === 0) {
      return [
        {
          status: 'fail',
          resource,
          message:
            `${resource} (${vpcCidrs.join(', ')}) overlaps every management range of ${region} (${conflicting.join(', ')}): ` +
            'the directory cannot be registered and WorkSpaces cannot launch in this VPC.',
          evidence,
        },
      ];
    }
    return [
      {
        status: 'warn',
        resource,
        message:
          `${resource} (${vpcCidrs.join(', ')}) overlaps the management range${conflicting.length > 1 ? 's' : ''} ` +
          `${conflicting.join(', ')} of ${region}; WorkSpaces can still use ${free.join(', ')}, so registration works, but the VPC leaves it fewer choices.`,
        evidence,
      },
    ];
  },
});
