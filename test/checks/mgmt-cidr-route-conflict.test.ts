import check from '../../checks/directory/mgmt-cidr-route-conflict.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { FactValue } from '../../src/facts/define.js';
import type routeTablesFact from '../../src/facts/ec2/route-tables.js';
import type vpcFact from '../../src/facts/ec2/vpc.js';

type RouteTable = FactValue<typeof routeTablesFact>[number];
type Route = NonNullable<RouteTable['Routes']>[number];

const vpc = (...cidrs: string[]): FactValue<typeof vpcFact> => ({
  VpcId: 'vpc-0abc',
  CidrBlock: cidrs[0],
  CidrBlockAssociationSet: cidrs.map((CidrBlock) => ({ CidrBlock, CidrBlockState: { State: 'associated' } })),
});

const local: Route = { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' };
const table = (id: string, routes: Route[], main = false): RouteTable => ({
  RouteTableId: id,
  VpcId: 'vpc-0abc',
  Routes: [local, ...routes],
  Associations: main ? [{ Main: true }] : [{ Main: false, SubnetId: 'subnet-a' }],
});

checkTable(check, [
  {
    name: 'only local and 0.0.0.0/0 → NAT passes (catalog A5 test)',
    facts: { vpc: vpc('10.0.0.0/16'), routeTables: [table('rtb-1', [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }], true)] },
    expect: [{ status: 'pass', resource: 'vpc-0abc', message: /The 1 route table of vpc-0abc holds only local routes and the default route 0\.0\.0\.0\/0: none overlaps/ }],
  },
  {
    name: 'a route outside the management ranges passes',
    facts: { vpc: vpc('10.0.0.0/16'), routeTables: [table('rtb-1', [{ DestinationCidrBlock: '10.50.0.0/16', VpcPeeringConnectionId: 'pcx-1' }])] },
    expect: [{ status: 'pass', message: /None of the 1 route in the 1 route table of vpc-0abc \(besides local routes/ }],
  },
  {
    name: 'us-west-2: 172.16.0.0/12 → vgw covers 172.31.0.0/16 and warns (catalog A5 test)',
    facts: { vpc: vpc('10.0.0.0/16'), routeTables: [table('rtb-1', [{ DestinationCidrBlock: '172.16.0.0/12', GatewayId: 'vgw-1', Origin: 'EnableVgwRoutePropagation' }])] },
    region: 'us-west-2',
    expect: [
      {
        status: 'warn',
        resource: 'rtb-1',
        message: /rtb-1 sends 172\.16\.0\.0\/12 to virtual private gateway vgw-1, propagated from the VPN gateway; it overlaps us-west-2's management interface range 172\.31\.0\.0\/16\. 192\.168\.0\.0\/16, 198\.19\.0\.0\/16 is still free/,
      },
    ],
  },
  {
    name: 'eu-central-1: 198.19.0.0/16 → tgw takes the only range and fails (catalog A5 test)',
    facts: { vpc: vpc('10.0.0.0/16'), routeTables: [table('rtb-9', [{ DestinationCidrBlock: '198.19.0.0/16', TransitGatewayId: 'tgw-1' }], true)] },
    region: 'eu-central-1',
    expect: [{ status: 'fail', resource: 'rtb-9', message: /rtb-9 \(the main route table\) sends 198\.19\.0\.0\/16 to transit gateway tgw-1.*now leave no management range of eu-central-1 \(198\.19\.0\.0\/16\) free/ }],
  },
  {
    name: 'a narrower route inside a management range overlaps too',
    facts: { vpc: vpc('10.0.0.0/16'), routeTables: [table('rtb-1', [{ DestinationCidrBlock: '198.19.7.0/24', VpcPeeringConnectionId: 'pcx-7' }])] },
    region: 'eu-west-2',
    expect: [{ status: 'fail', message: /VPC peering connection pcx-7/ }],
  },
  {
    name: 'VPC CIDR and a route together cover all of us-east-1: each route named, all fail',
    facts: {
      vpc: vpc('192.168.0.0/16'),
      routeTables: [
        table('rtb-1', [{ DestinationCidrBlock: '198.19.0.0/16', VpcPeeringConnectionId: 'pcx-1' }]),
        table('rtb-2', [{ DestinationCidrBlock: '198.19.128.0/17', NetworkInterfaceId: 'eni-9', InstanceId: 'i-9', State: 'blackhole' }]),
      ],
    },
    expect: [
      { status: 'fail', resource: 'rtb-1', message: /The VPC CIDRs \(192\.168\.0\.0\/16\) and the routes now leave no management range/ },
      { status: 'fail', resource: 'rtb-2', message: /to instance i-9 \(blackhole\)/ },
    ],
  },
  {
    name: 'the VPC CIDR alone covering everything is mgmt-cidr-conflict\'s finding, not this one',
    facts: { vpc: vpc('198.19.0.0/16'), routeTables: [table('rtb-1', [])] },
    region: 'eu-west-2',
    expect: [{ status: 'pass' }],
  },
  {
    name: 'IPv6 routes and prefix-list routes are not IPv4 destinations; the pass says what was not expanded',
    facts: {
      vpc: vpc('10.0.0.0/16'),
      routeTables: [
        table('rtb-1', [
          { DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1' },
          { DestinationPrefixListId: 'pl-123', GatewayId: 'vpce-1' },
        ]),
      ],
    },
    expect: [{ status: 'pass', message: /1 route to managed prefix lists \(pl-123\) was not compared/ }],
  },
  {
    name: 'a Region the guide does not list is an error, never a pass',
    facts: { vpc: vpc('10.0.0.0/16'), routeTables: [table('rtb-1', [{ DestinationCidrBlock: '198.19.0.0/16', GatewayId: 'vgw-1' }])] },
    region: 'me-south-1',
    expect: [{ status: 'error', message: /no entry for me-south-1/ }],
  },
  {
    name: 'a denied DescribeRouteTables is an error naming the IAM action',
    facts: {
      vpc: vpc('10.0.0.0/16'),
      routeTables: failed({ kind: 'denied', iamAction: 'ec2:DescribeRouteTables', message: 'access denied: the caller lacks the IAM permission ec2:DescribeRouteTables' }),
    },
    expect: [{ status: 'error', message: /ec2:DescribeRouteTables/ }],
  },
]);
