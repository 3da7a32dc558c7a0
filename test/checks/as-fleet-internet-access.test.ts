import check from '../../checks/appstream/as-fleet-internet-access.js';
import { checkTable } from '../helpers/check-table.js';
import { fleet, NAT_SETUP, SUBNETS, table } from '../helpers/appstream-values.js';

const base = { fleets: [fleet()], appstreamSubnets: SUBNETS, ...NAT_SETUP };
const withTables = (...tables: ReturnType<typeof table>[]) => ({ ...base, appstreamRouteTables: [...tables, NAT_SETUP.appstreamRouteTables[1]!] });
const igw = { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' };
const nat = { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' };

checkTable(check, [
  { name: 'catalog H3: private subnets routed to an available NAT pass', facts: base, expect: [{ status: 'pass', message: /subnet-a → nat-1, subnet-b → nat-1/ }] },
  {
    name: 'catalog H3: one subnet without a default route: warn, or fail with --require-internet',
    facts: withTables(table('rtb-a', ['subnet-a'], [nat]), table('rtb-b', ['subnet-b'], [])),
    expect: [{ status: 'warn', message: /subnet-b has no route to it/ }],
  },
  {
    name: 'the same with --require-internet fails',
    facts: withTables(table('rtb-a', ['subnet-a'], [nat]), table('rtb-b', ['subnet-b'], [])),
    options: { requireInternet: true },
    expect: [{ status: 'fail' }],
  },
  {
    name: 'an internet gateway without default internet access fails: no public IP',
    facts: withTables(table('rtb-pub', ['subnet-a', 'subnet-b'], [igw])),
    expect: [{ status: 'fail', message: /routes straight to internet gateway igw-1, but its instances have no public address/ }],
  },
  {
    name: 'the longest prefix wins: a /1 pair to the IGW beats the NAT default route',
    facts: withTables(table('rtb-x', ['subnet-a', 'subnet-b'], [nat, { DestinationCidrBlock: '0.0.0.0/1', GatewayId: 'igw-1', State: 'active' }])),
    expect: [{ status: 'fail', message: /internet gateway igw-1/ }],
  },
  {
    name: 'a route to a deleted NAT gateway is a blackhole',
    facts: withTables(table('rtb-private', ['subnet-a', 'subnet-b'], [{ ...nat, State: 'blackhole' }])),
    expect: [{ status: 'fail', message: /blackhole/ }],
  },
  {
    name: 'a NAT gateway that failed',
    facts: { ...base, appstreamNatGateways: [{ ...NAT_SETUP.appstreamNatGateways[0]!, State: 'failed' }] },
    expect: [{ status: 'fail', message: /NAT gateway nat-1, whose state is failed, not available/ }],
  },
  {
    name: 'a NAT gateway whose own subnet has no way out',
    facts: { ...base, appstreamRouteTables: [NAT_SETUP.appstreamRouteTables[0]!, table('rtb-main', 'main', [])] },
    expect: [{ status: 'fail', message: /nat-1 sits in subnet-p, whose route table rtb-main has no route for it, not to an internet gateway/ }],
  },
  {
    name: 'default internet access with public subnets passes',
    facts: { ...withTables(table('rtb-pub', ['subnet-a', 'subnet-b'], [igw])), fleets: [fleet({ EnableDefaultInternetAccess: true })] },
    expect: [{ status: 'pass', message: /default internet access/ }],
  },
  {
    name: 'default internet access without an attached internet gateway fails (IGW_NOT_ATTACHED)',
    facts: { ...withTables(table('rtb-pub', ['subnet-a', 'subnet-b'], [igw])), fleets: [fleet({ EnableDefaultInternetAccess: true })], appstreamInternetGateways: [] },
    expect: [{ status: 'fail', message: /IGW_NOT_ATTACHED/ }],
  },
  {
    name: 'default internet access in private subnets fails',
    facts: { ...base, fleets: [fleet({ EnableDefaultInternetAccess: true })] },
    expect: [{ status: 'fail', message: /needs public subnets/ }],
  },
  {
    name: 'a route through a transit gateway cannot be followed: warn',
    facts: withTables(table('rtb-tgw', ['subnet-a', 'subnet-b'], [{ DestinationCidrBlock: '0.0.0.0/0', TransitGatewayId: 'tgw-1', State: 'active' }])),
    expect: [{ status: 'warn', message: /transit gateway/ }],
  },
  {
    name: 'a subnet without an explicit association uses the main table',
    facts: { ...base, appstreamRouteTables: [table('rtb-main', 'main', [nat]), NAT_SETUP.appstreamRouteTables[1]!] },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'no internet route at all is not judged without --require-internet',
    facts: withTables(table('rtb-none', ['subnet-a', 'subnet-b'], [])),
    expect: [{ status: 'skip', message: /Not judged: pass --require-internet/ }],
  },
  {
    name: 'and fails with it',
    facts: withTables(table('rtb-none', ['subnet-a', 'subnet-b'], [])),
    options: { requireInternet: true },
    expect: [{ status: 'fail', message: /It must reach the internet/ }],
  },
]);

// Folded into src/net/route-path.ts: the internet is more than the default route. The old sample address (8.8.8.8)
// saw a 0.0.0.0/1 holding it, but never the other half.
checkTable(check, [
  {
    name: '128.0.0.0/1 to the IGW beside the NAT default route: half the internet goes where the instances have no public address',
    facts: withTables(table('rtb-x', ['subnet-a', 'subnet-b'], [nat, { DestinationCidrBlock: '128.0.0.0/1', GatewayId: 'igw-1', State: 'active' }])),
    expect: [{ status: 'fail', message: /subnet-a routes 128\.0\.0\.0\/1 straight to internet gateway igw-1, .*so nothing to that range gets out/ }],
  },
  {
    name: 'a public partner range over a VPN beside the NAT default route still passes',
    facts: withTables(table('rtb-x', ['subnet-a', 'subnet-b'], [nat, { DestinationCidrBlock: '198.51.100.0/24', GatewayId: 'vgw-1', State: 'active' }])),
    expect: [{ status: 'pass' }],
  },
  {
    name: 'an internet gateway attachment with no State is not attached (EC2 reports "available" when attached)',
    facts: { ...withTables(table('rtb-pub', ['subnet-a', 'subnet-b'], [igw])), fleets: [fleet({ EnableDefaultInternetAccess: true })], appstreamInternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1' }] }] },
    expect: [{ status: 'fail', message: /IGW_NOT_ATTACHED/ }],
  },
]);
