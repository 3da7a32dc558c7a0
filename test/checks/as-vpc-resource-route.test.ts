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

// --resource HOST:PORT given by name: the addresses the collection resolved it to, per VPC, each judged.
const resolved = (addresses: string[], over: Record<string, unknown> = {}) => ({
  name: 'licence.corp.example.com',
  timeoutMs: 2000,
  lookups: [{ vpcIds: ['vpc-1'], via: 'dhcp' as const, servers: ['10.0.0.10'], dhcpOptionsIds: ['dopt-1'], result: 'resolved' as const, addresses, ...over }],
});
const named = { resource: 'licence.corp.example.com:27000' };

checkTable(check, [
  {
    name: 'a name resolved (by the VPC\'s DHCP DNS) to an address inside the VPC: pass, saying what it resolved to and where it asked',
    facts: { ...base, resourceAddresses: resolved(['10.0.2.20']) },
    options: named,
    expect: [{ status: 'pass', resource: 'office', message: /^The fleet office's subnets route 10\.0\.2\.20 \(subnet-a → inside the VPC, subnet-b → inside the VPC\) and its security groups allow TCP 27000 out .* Licence\.corp\.example\.com resolved to 10\.0\.2\.20 \(asked of the DNS servers of its VPC's DHCP options \(10\.0\.0\.10\)\)\.$/ }],
  },
  {
    name: 'each address is judged: one routed, one not → fail naming the one',
    facts: { ...base, resourceAddresses: resolved(['10.0.2.20', '10.9.0.5']) },
    options: named,
    expect: [{ status: 'fail', message: /^The fleet office cannot reach licence\.corp\.example\.com:27000: 10\.9\.0\.5: from subnet-a only its route 0\.0\.0\.0\/0 to nat-1 covers it.*10\.9\.0\.5: from subnet-b/ }],
  },
  {
    name: 'NXDOMAIN from the VPC\'s DNS: error with the reason, never a pass',
    facts: { ...base, resourceAddresses: resolved([], { result: 'nxdomain', code: 'ENOTFOUND' }) },
    options: named,
    expect: [{ status: 'error', resource: 'office', message: "Could not resolve licence.corp.example.com as the fleet office would, asked of the DNS servers of its VPC's DHCP options (10.0.0.10): the name does not exist (NXDOMAIN)." }],
  },
  {
    name: 'no answer in time: error saying so',
    facts: { ...base, resourceAddresses: resolved([], { result: 'timeout', code: 'ETIMEOUT' }) },
    options: named,
    expect: [{ status: 'error', message: /no DNS answer in time/ }],
  },
  {
    name: 'a VPC on AmazonProvidedDNS was asked of this machine\'s resolver: the finding says so',
    facts: { ...base, resourceAddresses: { name: 'licence.corp.example.com', timeoutMs: 2000, lookups: [{ vpcIds: ['vpc-1'], via: 'here' as const, result: 'resolved' as const, addresses: ['10.0.2.20'] }] } },
    options: named,
    expect: [{ status: 'pass', message: /asked of this machine's resolver \(its VPC uses AmazonProvidedDNS, which answers only inside the VPC/ }],
  },
  {
    name: 'a bundle collected for another name: error, never the other name\'s addresses',
    facts: { ...base, resourceAddresses: { ...resolved(['10.0.2.20']), name: 'db.corp.example.com' } },
    options: named,
    expect: [{ status: 'error', resource: 'licence.corp.example.com', message: /the run resolved db\.corp\.example\.com, not licence\.corp\.example\.com/ }],
  },
  {
    name: 'a bundle without any resolution of the name: error saying how to get one',
    facts: base,
    options: named,
    expect: [{ status: 'error', message: /Could not resolve licence\.corp\.example\.com: this run holds no resolution of it/ }],
  },
  {
    name: 'the resolution failed outright (the run was stopped): error with its reason',
    facts: { ...base, resourceAddresses: { kind: 'timeout' as const, message: 'stopped by --deadline', __failed: true as const } },
    options: named,
    expect: [{ status: 'error', message: 'Could not resolve licence.corp.example.com: stopped by --deadline.' }],
  },
]);

// Folded into src/net/route-path.ts: a route to a customer-managed prefix list may hold the resource's range.
checkTable(check, [
  {
    name: 'no route covers it, but a prefix list route might: the failure says so',
    facts: { ...base, appstreamRouteTables: [table('rtb-private', ['subnet-a', 'subnet-b'], [{ DestinationPrefixListId: 'pl-0partner', TransitGatewayId: 'tgw-1', State: 'active' }])] },
    options: { resource: '10.9.0.5:1433' },
    expect: [{ status: 'fail', message: /no route covers it \(unless prefix list pl-0partner, which wsdoctor does not expand, holds it\)/ }],
  },
]);
