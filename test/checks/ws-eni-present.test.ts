import check from '../../checks/workspace/ws-eni-present.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { FactValue } from '../../src/facts/define.js';
import type networkInterfacesFact from '../../src/facts/ec2/network-interfaces.js';
import type workspacesFact from '../../src/facts/workspaces/workspaces.js';
import type workspacesDirectoryFact from '../../src/facts/workspaces/workspaces-directory.js';

type NetworkInterface = FactValue<typeof networkInterfacesFact>[number];

const directory: FactValue<typeof workspacesDirectoryFact> = { DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a', 'subnet-b'] };
const ws = (id: string, ip: string | undefined, subnetId = 'subnet-a', state = 'AVAILABLE'): FactValue<typeof workspacesFact>[number] => ({
  WorkspaceId: id,
  DirectoryId: 'd-1234567890',
  UserName: 'alice',
  ComputerName: 'WSAMZN-ALICE',
  State: state as 'AVAILABLE',
  ...(ip ? { IpAddress: ip, SubnetId: subnetId } : {}),
});
const nic = (id: string, ip: string, subnetId = 'subnet-a', status = 'in-use', attachment: string | null = 'attached'): NetworkInterface => ({
  NetworkInterfaceId: id,
  SubnetId: subnetId,
  Status: status as 'in-use',
  PrivateIpAddress: ip,
  PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip }],
  ...(attachment ? { Attachment: { Status: attachment as 'attached', DeviceIndex: 1 } } : {}),
});

checkTable(check, [
  {
    name: 'one in-use interface with the IP passes, naming it (catalog D3 test)',
    facts: { workspacesDirectory: directory, workspaces: [ws('ws-00000001', '10.0.1.10')], networkInterfaces: [nic('eni-1', '10.0.1.10')] },
    expect: [{ status: 'pass', resource: 'ws-00000001', message: /has its network interface eni-1 \(in use\) with IP 10\.0\.1\.10 in subnet-a/ }],
  },
  {
    name: 'no interface with the IP fails, naming WorkSpace, IP and subnet (catalog D3 test)',
    facts: {
      workspacesDirectory: directory,
      workspaces: [ws('ws-00000001', '10.0.1.10'), ws('ws-00000002', '10.0.2.20', 'subnet-b')],
      networkInterfaces: [nic('eni-2', '10.0.2.20', 'subnet-b'), nic('eni-other', '10.0.1.11')],
    },
    expect: [
      {
        status: 'fail',
        resource: 'ws-00000001',
        message: /WorkSpace ws-00000001 \(user alice, WSAMZN-ALICE\): no network interface carries its IP 10\.0\.1\.10 in subnet-a: its primary network interface \(eth1\) has been deleted\..*Rebuild the WorkSpace \(it is AVAILABLE\)/,
      },
      { status: 'pass', resource: 'ws-00000002' },
    ],
  },
  {
    name: 'a detached interface ("available") fails (catalog D3 test)',
    facts: { workspacesDirectory: directory, workspaces: [ws('ws-00000001', '10.0.1.10')], networkInterfaces: [nic('eni-1', '10.0.1.10', 'subnet-a', 'available', null)] },
    expect: [{ status: 'fail', message: /eni-1 \(available, not attached\), is not in use: it has been detached/ }],
  },
  {
    name: 'the same IP in another subnet is not the WorkSpace\'s interface',
    facts: { workspacesDirectory: directory, workspaces: [ws('ws-00000001', '10.0.1.10')], networkInterfaces: [nic('eni-9', '10.0.1.10', 'subnet-b')] },
    expect: [{ status: 'fail', message: /has been deleted/ }],
  },
  {
    name: 'a secondary private IP on an in-use interface counts',
    facts: {
      workspacesDirectory: directory,
      workspaces: [ws('ws-00000001', '10.0.1.10')],
      networkInterfaces: [{ ...nic('eni-1', '10.0.1.5'), PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: '10.0.1.5' }, { Primary: false, PrivateIpAddress: '10.0.1.10' }] }],
    },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'two in-use interfaces claiming one IP fail: there must be exactly one',
    facts: { workspacesDirectory: directory, workspaces: [ws('ws-00000001', '10.0.1.10')], networkInterfaces: [nic('eni-1', '10.0.1.10'), nic('eni-2', '10.0.1.10')] },
    expect: [{ status: 'fail', message: /2 in-use network interfaces claim its IP 10\.0\.1\.10/ }],
  },
  {
    name: 'a WorkSpace that cannot be rebuilt in its state says when it can',
    facts: { workspacesDirectory: directory, workspaces: [ws('ws-00000001', '10.0.1.10', 'subnet-a', 'ADMIN_MAINTENANCE')], networkInterfaces: [] },
    expect: [{ status: 'fail', message: /once it is AVAILABLE, ERROR, UNHEALTHY, STOPPED \(it is ADMIN_MAINTENANCE\)/ }],
  },
  {
    name: 'a REBUILDING WorkSpace without its interface only warns: WorkSpaces is recreating it',
    facts: { workspacesDirectory: directory, workspaces: [ws('ws-00000001', '10.0.1.10', 'subnet-a', 'REBUILDING')], networkInterfaces: [] },
    expect: [{ status: 'warn', message: /it is REBUILDING.*run wsdoctor again once it is AVAILABLE/ }],
  },
  {
    name: 'many healthy WorkSpaces are summed up in one pass, after the failures',
    facts: {
      workspacesDirectory: directory,
      workspaces: [ws('ws-00000001', '10.0.1.10'), ws('ws-00000002', '10.0.1.11'), ws('ws-00000003', '10.0.1.12'), ws('ws-00000004', undefined, 'subnet-a', 'PENDING')],
      networkInterfaces: [nic('eni-2', '10.0.1.11'), nic('eni-3', '10.0.1.12')],
    },
    expect: [
      { status: 'fail', resource: 'ws-00000001' },
      { status: 'pass', resource: 'd-1234567890', message: /The other 2 WorkSpaces with an IP address in d-1234567890 each have exactly one in-use network interface/ },
    ],
  },
  {
    name: 'a WorkSpace outside the directory\'s subnets is an error: its interface was not looked for',
    facts: { workspacesDirectory: directory, workspaces: [ws('ws-00000001', '10.9.1.10', 'subnet-z')], networkInterfaces: [] },
    expect: [{ status: 'error', message: /subnet-z, which is not one of the directory's subnets/ }],
  },
  {
    name: 'no WorkSpace with an IP address is a skip that says why',
    facts: {
      workspacesDirectory: directory,
      workspaces: [ws('ws-00000001', undefined, 'subnet-a', 'PENDING'), ws('ws-00000002', '10.0.1.10', 'subnet-a', 'TERMINATED')],
      networkInterfaces: [],
    },
    expect: [{ status: 'skip', message: /None of the 2 WorkSpaces of d-1234567890 has an IP address to look for \(1 PENDING, 1 TERMINATED\)/ }],
  },
  {
    name: 'a directory without WorkSpaces is a skip',
    facts: { workspacesDirectory: directory, workspaces: [], networkInterfaces: [] },
    expect: [{ status: 'skip', message: /has no WorkSpaces/ }],
  },
  {
    name: 'a denied DescribeNetworkInterfaces is an error naming the IAM action, never a pass',
    facts: {
      workspacesDirectory: directory,
      workspaces: [ws('ws-00000001', '10.0.1.10')],
      networkInterfaces: failed({ kind: 'denied', iamAction: 'ec2:DescribeNetworkInterfaces', message: 'access denied: the caller lacks the IAM permission ec2:DescribeNetworkInterfaces' }),
    },
    expect: [{ status: 'error', message: /ec2:DescribeNetworkInterfaces/ }],
  },
  {
    name: 'a denied DescribeWorkspaces is an error too',
    facts: {
      workspacesDirectory: directory,
      workspaces: failed({ kind: 'denied', iamAction: 'workspaces:DescribeWorkspaces', message: 'access denied: the caller lacks the IAM permission workspaces:DescribeWorkspaces' }),
      networkInterfaces: [],
    },
    expect: [{ status: 'error', message: /workspaces:DescribeWorkspaces/ }],
  },
]);
