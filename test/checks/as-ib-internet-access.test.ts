import check from '../../checks/appstream/as-ib-internet-access.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { builder, NAT_SETUP, SUBNETS, table } from '../helpers/appstream-values.js';

const igw = { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' };
const publicTables = [table('rtb-pub', ['subnet-a'], [igw])];
const eni = (publicIp?: string) => ({ NetworkInterfaceId: 'eni-ib', Status: 'in-use' as const, PrivateIpAddress: '10.0.1.50', ...(publicIp ? { Association: { PublicIp: publicIp } } : {}) });
const base = { imageBuilder: builder(), appstreamSubnets: SUBNETS, ...NAT_SETUP };

checkTable(check, [
  { name: 'a private subnet routed to an available NAT passes', facts: { ...base, imageBuilderEni: eni() }, expect: [{ status: 'pass', message: /NAT gateway nat-1 \(available\)/ }] },
  { name: 'catalog G8: public subnet + EIP passes', facts: { ...base, appstreamRouteTables: publicTables, imageBuilderEni: eni('203.0.113.10') }, expect: [{ status: 'pass', message: /public IP 203\.0\.113\.10/ }] },
  { name: 'a public subnet without an EIP fails', facts: { ...base, appstreamRouteTables: publicTables, imageBuilderEni: eni() }, expect: [{ status: 'fail', message: /eni-ib has no public IP/ }] },
  {
    name: 'a public subnet, and the interface could not be read: error, never a pass',
    facts: { ...base, appstreamRouteTables: publicTables, imageBuilderEni: failed({ kind: 'denied', iamAction: 'ec2:DescribeNetworkInterfaces', message: 'access denied: the caller lacks the IAM permission ec2:DescribeNetworkInterfaces' }) },
    expect: [{ status: 'error', message: /ec2:DescribeNetworkInterfaces/ }],
  },
  { name: 'catalog G8: a private subnet with no NAT is not judged without --require-internet', facts: { ...base, appstreamRouteTables: [table('rtb-main', 'main', [])], imageBuilderEni: eni() }, expect: [{ status: 'skip' }] },
  { name: 'and fails with it', facts: { ...base, appstreamRouteTables: [table('rtb-main', 'main', [])], imageBuilderEni: eni() }, options: { requireInternet: true }, expect: [{ status: 'fail', message: /cannot reach the internet by default/ }] },
  {
    name: 'a NAT gateway being deleted fails',
    facts: { ...base, appstreamNatGateways: [{ ...NAT_SETUP.appstreamNatGateways[0]!, State: 'deleting' }], imageBuilderEni: eni() },
    expect: [{ status: 'fail', message: /deleting, not available/ }],
  },
  {
    name: 'default internet access in a public subnet passes',
    facts: { ...base, imageBuilder: builder({ EnableDefaultInternetAccess: true }), appstreamRouteTables: publicTables, imageBuilderEni: eni() },
    expect: [{ status: 'pass', message: /default internet access/ }],
  },
]);
