import check from '../../checks/workspace/ws-public-ip-present.js';
import type { FactValue } from '../../src/facts/define.js';
import type networkInterfacesFact from '../../src/facts/ec2/network-interfaces.js';
import type routeTablesFact from '../../src/facts/ec2/route-tables.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { directory, ws } from '../helpers/workspace-fixtures.js';

type Nic = FactValue<typeof networkInterfacesFact>[number];
type RouteTable = FactValue<typeof routeTablesFact>[number];

const placed = (id: string, ip: string, subnet = 'subnet-a') => ws(id, { IpAddress: ip, SubnetId: subnet });
const nic = (ip: string, subnet = 'subnet-a', publicIp?: string): Nic => ({
  NetworkInterfaceId: `eni-${ip.replace(/\./g, '')}`,
  SubnetId: subnet,
  Status: 'in-use',
  PrivateIpAddress: ip,
  ...(publicIp ? { Association: { PublicIp: publicIp } } : {}),
});
// subnet-a: its own table, default route to an internet gateway; subnet-b: the main table, default route to a NAT.
const tables: RouteTable[] = [
  { RouteTableId: 'rtb-public', Associations: [{ SubnetId: 'subnet-a' }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }] },
  { RouteTableId: 'rtb-main', Associations: [{ Main: true }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }] },
];

// The catalog's cases (D4 Test): igw subnet + Association:undefined → FAIL; PublicIp:'203.0.113.5' → PASS; NAT subnet → N/A.
checkTable(check, [
  {
    name: 'a WorkSpace in a public subnet without a public IP fails (catalog D4)',
    facts: { workspaces: [placed('ws-00000001', '10.0.1.10')], workspacesDirectory: directory(), networkInterfaces: [nic('10.0.1.10')], routeTables: tables },
    expect: [{ status: 'fail', resource: 'ws-00000001', message: /public subnet subnet-a \(its default route goes to igw-1\) .*no public IP.*does not assign public IPs automatically/ }],
  },
  {
    name: 'with a public IP it passes (catalog D4)',
    facts: { workspaces: [placed('ws-00000001', '10.0.1.10')], workspacesDirectory: directory(), networkInterfaces: [nic('10.0.1.10', 'subnet-a', '203.0.113.5')], routeTables: tables },
    expect: [{ status: 'pass', message: /has public IP 203\.0\.113\.5/ }],
  },
  {
    name: 'a WorkSpace behind a NAT gateway needs none: skip (catalog D4 N/A)',
    facts: { workspaces: [placed('ws-00000001', '10.0.2.10', 'subnet-b')], workspacesDirectory: directory(), networkInterfaces: [nic('10.0.2.10', 'subnet-b')], routeTables: tables },
    expect: [{ status: 'skip', message: /1 in private subnets/ }],
  },
  {
    name: 'when the directory assigns public IPs, the cause is a lost EIP or a WorkSpace older than the setting',
    facts: {
      workspaces: [placed('ws-00000001', '10.0.1.10')],
      workspacesDirectory: directory({ WorkspaceCreationProperties: { EnableInternetAccess: true } }),
      networkInterfaces: [nic('10.0.1.10')],
      routeTables: tables,
    },
    expect: [{ status: 'fail', message: /assigns public IPs automatically, so it lost one: an Elastic IP was disassociated from it, or it predates automatic assignment/ }],
  },
  {
    name: 'a blackholed default route does not make a subnet public',
    facts: {
      workspaces: [placed('ws-00000001', '10.0.1.10')],
      workspacesDirectory: directory(),
      networkInterfaces: [nic('10.0.1.10')],
      routeTables: [{ RouteTableId: 'rtb-x', Associations: [{ SubnetId: 'subnet-a' }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'blackhole' }] }],
    },
    expect: [{ status: 'skip' }],
  },
  {
    name: 'a WorkSpace without an interface is left to ws-eni-present',
    facts: { workspaces: [placed('ws-00000001', '10.0.1.10')], workspacesDirectory: directory(), networkInterfaces: [], routeTables: tables },
    expect: [{ status: 'skip', message: /without a network interface to look at \(see ws-eni-present\)/ }],
  },
  {
    name: 'route tables that could not be read are an error',
    facts: {
      workspaces: [placed('ws-00000001', '10.0.1.10')],
      workspacesDirectory: directory(),
      networkInterfaces: [nic('10.0.1.10')],
      routeTables: failed({ kind: 'denied', iamAction: 'ec2:DescribeRouteTables', message: 'access denied: the caller lacks the IAM permission ec2:DescribeRouteTables' }),
    },
    expect: [{ status: 'error', message: /ec2:DescribeRouteTables/ }],
  },
]);
