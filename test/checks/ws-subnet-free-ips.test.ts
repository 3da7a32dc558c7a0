import check from '../../checks/directory/ws-subnet-free-ips.js';
import { checkTable, failed } from '../helpers/check-table.js';

const directory = { DirectoryId: 'd-1234567890', SubnetIds: ['subnet-a', 'subnet-b'] };
const subnet = (SubnetId: string, free?: number) => ({ SubnetId, ...(free === undefined ? {} : { AvailableIpAddressCount: free }) });

checkTable(check, [
  {
    name: 'catalog A7: 3 + 0 free, --planned 5 → fail (and the full subnet warns)',
    facts: { workspacesDirectory: directory, subnets: [subnet('subnet-a', 3), subnet('subnet-b', 0)] },
    options: { plannedWorkspaces: 5 },
    expect: [
      { status: 'fail', resource: 'd-1234567890', message: /3 free IP addresses \(subnet-a: 3, subnet-b: 0\), fewer than the 5 WorkSpaces planned/ },
      { status: 'warn', resource: 'subnet-b', message: /has no free IP address/ },
    ],
  },
  {
    name: 'catalog A7: 30 + 30 free, --planned 5 → pass',
    facts: { workspacesDirectory: directory, subnets: [subnet('subnet-a', 30), subnet('subnet-b', 30)] },
    options: { plannedWorkspaces: 5 },
    expect: [{ status: 'pass', message: /60 free IP addresses .*enough for the 5 WorkSpaces planned/ }],
  },
  {
    name: 'catalog A7: 30 + 0 free, --planned 5 → warn: the full subnet, and room in one subnet only',
    facts: { workspacesDirectory: directory, subnets: [subnet('subnet-a', 30), subnet('subnet-b', 0)] },
    options: { plannedWorkspaces: 5 },
    expect: [
      { status: 'warn', resource: 'd-1234567890', message: /Only one subnet .* fit only if all are placed there/ },
      { status: 'warn', resource: 'subnet-b' },
    ],
  },
  {
    name: 'exactly as many free as planned passes',
    facts: { workspacesDirectory: directory, subnets: [subnet('subnet-a', 2), subnet('subnet-b', 3)] },
    options: { plannedWorkspaces: 5 },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'one fewer than planned fails',
    facts: { workspacesDirectory: directory, subnets: [subnet('subnet-a', 2), subnet('subnet-b', 2)] },
    options: { plannedWorkspaces: 5 },
    expect: [{ status: 'fail', message: /4 free IP addresses/ }],
  },
  {
    name: 'without --planned: free addresses everywhere pass, and say how to test a launch',
    facts: { workspacesDirectory: directory, subnets: [subnet('subnet-a', 250), subnet('subnet-b', 1)] },
    expect: [{ status: 'pass', message: /251 free IP addresses .*pass --planned N/ }],
  },
  {
    name: 'without --planned: a subnet with none warns',
    facts: { workspacesDirectory: directory, subnets: [subnet('subnet-a', 0), subnet('subnet-b', 40)] },
    expect: [{ status: 'warn', resource: 'subnet-a' }],
  },
  {
    name: 'no free-address count from EC2 is an error for that subnet, never a pass',
    facts: { workspacesDirectory: directory, subnets: [subnet('subnet-a'), subnet('subnet-b', 40)] },
    options: { plannedWorkspaces: 1 },
    expect: [{ status: 'error', resource: 'subnet-a', message: /did not say how many IP addresses are free/ }],
  },
  {
    name: 'a denied DescribeSubnets is an error naming the permission',
    facts: {
      workspacesDirectory: directory,
      subnets: failed({ kind: 'denied', message: 'access denied', iamAction: 'ec2:DescribeSubnets' }),
    },
    expect: [{ status: 'error', message: /access denied/ }],
  },
]);
