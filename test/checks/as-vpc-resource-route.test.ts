import check from '../../checks/appstream/as-vpc-resource-route.js';
import { checkTable } from '../helpers/check-table.js';
import { ALL_EGRESS, builder, fleet, NAT_SETUP, securityGroup, SUBNETS, table } from '../helpers/appstream-values.js';

const na = { kind: 'not-applicable' as const, message: 'needs --image-builder', __failed: true as const };
const base = { fleets: [fleet()], imageBuilder: na, appstreamSubnets: SUBNETS, ...NAT_SETUP, appstreamSecurityGroups: ALL_EGRESS };
const peering = { DestinationCidrBlock: '10.9.0.0/16', VpcPeeringConnectionId: 'pcx-1', State: 'active' };

checkTable(check, [
  { name: 'catalog H9: resource 10.9.0.5 with no route → fail', facts: base, options: { resource: '10.9.0.5:1433' }, expect: [{ status: 'fail', message: /from subnet-a only its route 0\.0\.0\.0\/0 to nat-1 covers it, which sends this private \(RFC 1918\) address to the internet/ }] },
  {
    name: 'routed through a peering from both subnets, egress allowed: pass',
    facts: { ...base, appstreamRouteTables: [table('rtb-private', ['subnet-a', 'subnet-b'], [peering]), NAT_SETUP.appstreamRouteTables[1]!] },
    options: { resource: '10.9.0.5:1433' },
    expect: [{ status: 'pass', message: /subnet-a → pcx-1, subnet-b → pcx-1.*TCP 1433/ }],
  },
  {
    name: 'routed from one subnet only: fail naming the other',
    facts: { ...base, appstreamRouteTables: [table('rtb-a', ['subnet-a'], [peering]), table('rtb-b', ['subnet-b'], []), NAT_SETUP.appstreamRouteTables[1]!] },
    options: { resource: '10.9.0.5:1433' },
    expect: [{ status: 'fail', message: /^The fleet office cannot reach 10\.9\.0\.5:1433: from subnet-b no route covers it\.$/ }],
  },
  { name: 'an address inside the VPC is routed locally', facts: base, options: { resource: '10.0.2.20:445' }, expect: [{ status: 'pass', message: /inside the VPC/ }] },
  {
    name: 'security groups that allow only 443 block 1433',
    facts: { ...base, appstreamSecurityGroups: [securityGroup('sg-1', [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }])] },
    options: { resource: '10.0.2.20:1433' },
    expect: [{ status: 'fail', message: /security groups \(sg-1\) allow no egress to 10\.0\.2\.20:1433/ }],
  },
  {
    name: 'egress only to another security group cannot be judged: warn',
    facts: { ...base, appstreamSecurityGroups: [securityGroup('sg-1', [{ IpProtocol: 'tcp', FromPort: 1433, ToPort: 1433, UserIdGroupPairs: [{ GroupId: 'sg-db' }] }])] },
    options: { resource: '10.0.2.20:1433' },
    expect: [{ status: 'warn', message: /sg-db/ }],
  },
  {
    name: 'a blackhole route fails',
    facts: { ...base, appstreamRouteTables: [table('rtb-private', ['subnet-a', 'subnet-b'], [{ ...peering, State: 'blackhole' }])] },
    options: { resource: '10.9.0.5:1433' },
    expect: [{ status: 'fail', message: /blackhole/ }],
  },
  {
    name: 'a public address through the NAT gateway passes; an image builder is judged too',
    facts: { ...base, imageBuilder: builder() },
    options: { resource: '198.51.100.7:443' },
    expect: [{ status: 'pass', resource: 'ib-office', message: /nat-1/ }, { status: 'pass', resource: 'office' }],
  },
  { name: 'no --resource: skip', facts: base, expect: [{ status: 'skip', message: /Give --resource/ }] },
]);
