import check from '../../checks/directory/adc-subnet-route-to-dns.js';
import { checkTable } from '../helpers/check-table.js';
import { dir, ds, mainTable, publicTable, routeTablesHealthy, rt, theVpc } from '../helpers/directory-fixtures.js';

const base = { workspacesDirectory: dir(), vpc: theVpc(), routeTables: routeTablesHealthy(), dsDirectory: ds() };
const natOnly = [mainTable([{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }]), publicTable()];

checkTable(check, [
  { name: 'catalog C6: route 10.50.0.0/16 → vgw-1, DNS 10.50.0.10 → pass', facts: base, expect: [{ status: 'pass', message: /virtual private gateway vgw-1 \(10.50.0.0\/16\)/ }] },
  { name: 'catalog C6: only 0.0.0.0/0 → nat-1 → fail, per subnet', facts: { ...base, routeTables: natOnly }, expect: [{ status: 'fail', resource: 'subnet-a', message: /NAT gateway nat-1 .*would go to the internet/ }, { status: 'fail', resource: 'subnet-b' }] },
  {
    name: 'one subnet routes privately, the other does not',
    facts: {
      ...base,
      routeTables: [...natOnly, rt('rtb-b', [{ DestinationCidrBlock: '10.50.0.0/16', TransitGatewayId: 'tgw-1', State: 'active' }], [{ SubnetId: 'subnet-b', AssociationState: { State: 'associated' } }])],
    },
    expect: [{ status: 'fail', resource: 'subnet-a' }],
  },
  { name: 'no route at all → fail', facts: { ...base, routeTables: [mainTable([])] }, expect: [{ status: 'fail', message: /no route to DNS server/ }, { status: 'fail' }] },
  {
    name: 'a blackhole route → fail (the catalog said warn; it drops traffic all the same)',
    facts: { ...base, routeTables: [mainTable([{ DestinationCidrBlock: '10.50.0.0/16', GatewayId: 'vgw-gone', State: 'blackhole' }])] },
    expect: [{ status: 'fail', message: /blackhole/ }, { status: 'fail' }],
  },
  { name: 'Simple AD: DNS inside the VPC is local → pass', facts: { ...base, workspacesDirectory: dir({ DirectoryType: 'SIMPLE_AD', DnsIpAddresses: ['10.0.1.10', '10.0.2.10'] }), dsDirectory: ds({ Type: 'SimpleAD', ConnectSettings: undefined }), routeTables: natOnly }, expect: [{ status: 'pass', message: /the VPC \(local\)/ }] },
  {
    name: "the AD Connector's own subnets are judged too",
    facts: { ...base, dsDirectory: ds({ ConnectSettings: { SubnetIds: ['subnet-x'] } }), routeTables: [...routeTablesHealthy(), rt('rtb-x', [], [{ SubnetId: 'subnet-x', AssociationState: { State: 'associated' } }])] },
    expect: [{ status: 'fail', resource: 'subnet-x' }],
  },
  { name: 'no DNS address anywhere → error', facts: { ...base, workspacesDirectory: dir({ DnsIpAddresses: [] }), dsDirectory: ds({ DnsIpAddrs: [] }) }, expect: [{ status: 'error' }] },
]);
