import check from '../../checks/appstream/as-fleet-subnets-ha.js';
import { checkTable } from '../helpers/check-table.js';
import { fleet, NAT_SETUP, subnet, SUBNETS, table } from '../helpers/appstream-values.js';

const tables = NAT_SETUP.appstreamRouteTables;

checkTable(check, [
  { name: 'catalog H1: two private subnets in 1a/1b pass', facts: { fleets: [fleet()], appstreamSubnets: SUBNETS, appstreamRouteTables: tables }, expect: [{ status: 'pass', message: /2 private subnets in 2 Availability Zones/ }] },
  {
    name: 'catalog H1: one subnet warns',
    facts: { fleets: [fleet({ VpcConfig: { SubnetIds: ['subnet-a'] } })], appstreamSubnets: SUBNETS, appstreamRouteTables: tables },
    expect: [{ status: 'warn', message: /it has one subnet \(subnet-a\)/ }],
  },
  {
    name: 'two subnets in one Availability Zone warn',
    facts: { fleets: [fleet()], appstreamSubnets: [subnet('subnet-a', 'us-east-1a'), subnet('subnet-b', 'us-east-1a')], appstreamRouteTables: tables },
    expect: [{ status: 'warn', message: /all in us-east-1a/ }],
  },
  {
    name: 'a public subnet (routed to an internet gateway) without default internet access warns',
    facts: {
      fleets: [fleet()],
      appstreamSubnets: SUBNETS,
      appstreamRouteTables: [table('rtb-pub', ['subnet-a', 'subnet-b'], [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }])],
    },
    expect: [{ status: 'warn', message: /subnet-a, subnet-b are public/ }],
  },
  {
    name: 'public subnets are what default internet access needs',
    facts: {
      fleets: [fleet({ EnableDefaultInternetAccess: true })],
      appstreamSubnets: SUBNETS,
      appstreamRouteTables: [table('rtb-pub', ['subnet-a', 'subnet-b'], [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }])],
    },
    expect: [{ status: 'pass', message: /public subnets \(for its default internet access\)/ }],
  },
  {
    name: 'a subnet that no longer exists fails (SUBNET_NOT_FOUND)',
    facts: { fleets: [fleet()], appstreamSubnets: [SUBNETS[0]!], appstreamRouteTables: tables },
    expect: [{ status: 'fail', message: /subnet-b no longer exists \(SUBNET_NOT_FOUND/ }],
  },
  {
    name: 'subnets in two VPCs fail',
    facts: { fleets: [fleet()], appstreamSubnets: [subnet('subnet-a', 'us-east-1a'), subnet('subnet-b', 'us-east-1b', 200, 'vpc-2')], appstreamRouteTables: tables },
    expect: [{ status: 'fail', message: /in 2 VPCs/ }],
  },
  { name: 'no VPC configuration: skip', facts: { fleets: [fleet({ VpcConfig: undefined })], appstreamSubnets: [], appstreamRouteTables: [] }, expect: [{ status: 'skip' }] },
]);

// Folded into src/net/route-path.ts: a subnet is public when any part of the internet goes to an internet gateway.
checkTable(check, [
  {
    name: '128.0.0.0/1 to an internet gateway beside a NAT default route makes the subnets public',
    facts: {
      fleets: [fleet()],
      appstreamSubnets: SUBNETS,
      appstreamRouteTables: [
        table('rtb-x', ['subnet-a', 'subnet-b'], [
          { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
          { DestinationCidrBlock: '128.0.0.0/1', GatewayId: 'igw-1', State: 'active' },
        ]),
      ],
    },
    expect: [{ status: 'warn', message: /subnet-a, subnet-b are public/ }],
  },
]);
