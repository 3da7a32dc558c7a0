import check from '../../checks/directory/ws-internet-egress-path.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { dir, igw, mainTable, nat, publicTable, routeTablesHealthy, rt, theVpc } from '../helpers/directory-fixtures.js';

const base = { workspacesDirectory: dir(), vpc: theVpc(), routeTables: routeTablesHealthy(), natGateways: [nat()], internetGateways: [igw()] };
const publicSubnets = [rt('rtb-public', [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }], [{ Main: true }])];

checkTable(check, [
  { name: 'catalog A8: 0.0.0.0/0 → nat-1 (available) → pass, per subnet', facts: base, expect: [{ status: 'pass', resource: 'subnet-a', message: /nat-1 .*igw-1/ }, { status: 'pass', resource: 'subnet-b' }] },
  { name: 'catalog A8: only local → fail', facts: { ...base, routeTables: [mainTable([]), publicTable()] }, expect: [{ status: 'fail', message: /no route for 0.0.0.0\/0/ }, { status: 'fail' }] },
  {
    name: 'catalog A8: 0.0.0.0/0 → igw-1 with EnableInternetAccess false → warn (Elastic IP by hand)',
    facts: { ...base, routeTables: publicSubnets },
    expect: [{ status: 'warn', message: /Elastic IP associated by hand/ }, { status: 'warn' }],
  },
  {
    name: 'public subnets with automatic Elastic IPs → pass',
    facts: { ...base, workspacesDirectory: dir({ WorkspaceCreationProperties: { EnableInternetAccess: true } }), routeTables: publicSubnets },
    expect: [{ status: 'pass', message: /Elastic IP automatically/ }, { status: 'pass' }],
  },
  { name: 'catalog A8: → tgw-1 → warn', facts: { ...base, routeTables: [mainTable([{ DestinationCidrBlock: '0.0.0.0/0', TransitGatewayId: 'tgw-1', State: 'active' }])] }, expect: [{ status: 'warn', message: /transit gateway tgw-1/ }, { status: 'warn' }] },
  { name: 'NAT gateway pending → fail', facts: { ...base, natGateways: [nat({ State: 'pending' })] }, expect: [{ status: 'fail', message: /pending/ }, { status: 'fail' }] },
  { name: 'NAT gateway failed, with its reason → fail', facts: { ...base, natGateways: [nat({ State: 'failed', FailureMessage: 'Elastic IP address is already associated' })] }, expect: [{ status: 'fail', message: /already associated/ }, { status: 'fail' }] },
  {
    name: 'blackhole default route (the NAT gateway was deleted) → fail',
    facts: { ...base, routeTables: [mainTable([{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-gone', State: 'blackhole' }]), publicTable()] },
    expect: [{ status: 'fail', message: /blackhole/ }, { status: 'fail' }],
  },
  { name: 'NAT gateway in a private subnet (no way out itself) → fail', facts: { ...base, natGateways: [nat({ SubnetId: 'subnet-b' })] }, expect: [{ status: 'fail', message: /not to an internet gateway/ }, { status: 'fail' }] },
  { name: 'internet gateway detached from the VPC → fail', facts: { ...base, internetGateways: [] }, expect: [{ status: 'fail' }, { status: 'fail' }] },
  {
    name: 'one subnet with its own table to a NAT gateway, the other on a main table with no way out',
    facts: {
      ...base,
      routeTables: [
        mainTable([]),
        publicTable(),
        rt('rtb-a', [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }], [{ SubnetId: 'subnet-a', AssociationState: { State: 'associated' } }]),
      ],
    },
    expect: [{ status: 'pass', resource: 'subnet-a' }, { status: 'fail', resource: 'subnet-b' }],
  },
  {
    name: 'a denied DescribeNatGateways → error naming it',
    facts: { ...base, natGateways: failed({ kind: 'denied', message: 'access denied: the caller lacks the IAM permission ec2:DescribeNatGateways', iamAction: 'ec2:DescribeNatGateways' }) },
    expect: [{ status: 'error', message: /ec2:DescribeNatGateways/ }],
  },
]);
