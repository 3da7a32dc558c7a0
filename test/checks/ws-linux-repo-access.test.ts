import check from '../../checks/directory/ws-linux-repo-access.js';
import { checkTable } from '../helpers/check-table.js';
import { dir, igw, mainTable, nat, publicTable, routeTablesHealthy, theVpc, ws } from '../helpers/directory-fixtures.js';

const linux = ws('ws-linux0001', { WorkspaceProperties: { OperatingSystemName: 'AMAZON_LINUX_2' } });
const privateOnly = [mainTable([{ DestinationCidrBlock: '10.50.0.0/16', GatewayId: 'vgw-1', State: 'active' }]), publicTable()];
const GUIDE_POLICY = JSON.stringify({
  Statement: [{ Sid: 'AmazonLinux2AMIRepositoryAccess', Principal: '*', Action: ['s3:GetObject'], Effect: 'Allow', Resource: ['arn:aws:s3:::amazonlinux.*.amazonaws.com/*'] }],
});
const s3 = (policy: string | undefined, tables = ['rtb-private']) => ({
  VpcEndpointId: 'vpce-s3',
  VpcEndpointType: 'Gateway' as const,
  ServiceName: 'com.amazonaws.us-east-1.s3',
  State: 'available' as const,
  RouteTableIds: tables,
  ...(policy !== undefined ? { PolicyDocument: policy } : {}),
});
const base = { workspacesDirectory: dir(), vpc: theVpc(), routeTables: routeTablesHealthy(), natGateways: [nat()], internetGateways: [igw()], vpcEndpoints: [], workspaces: [linux] };

checkTable(check, [
  { name: 'internet through the NAT gateway → pass', facts: base, expect: [{ status: 'pass', resource: 'subnet-a', message: /over the internet/ }] },
  { name: 'catalog A13: private subnet, no NAT, no endpoint → fail', facts: { ...base, routeTables: privateOnly }, expect: [{ status: 'fail', message: /no available Amazon S3 gateway endpoint/ }] },
  { name: 'catalog A13: S3 endpoint on the route table with the guide\'s policy → pass', facts: { ...base, routeTables: privateOnly, vpcEndpoints: [s3(GUIDE_POLICY)] }, expect: [{ status: 'pass', message: /vpce-s3 .*the guide's policy/ }] },
  { name: 'an endpoint with no policy (full access) → pass', facts: { ...base, routeTables: privateOnly, vpcEndpoints: [s3(undefined)] }, expect: [{ status: 'pass' }] },
  {
    name: 'an endpoint policy for other buckets only → fail',
    facts: { ...base, routeTables: privateOnly, vpcEndpoints: [s3(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::my-bucket/*' }] }))] },
    expect: [{ status: 'fail', message: /policy does not allow s3:GetObject/ }],
  },
  {
    name: 'the Amazon Linux 2 repository buckets [not in guides] → pass',
    facts: { ...base, routeTables: privateOnly, vpcEndpoints: [s3(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::amazonlinux-2-repos-us-east-1/*' }] }))] },
    expect: [{ status: 'pass', message: /amazonlinux-2-repos-us-east-1/ }],
  },
  {
    name: 'a Deny for the repositories beside the Allow → fail',
    facts: {
      ...base,
      routeTables: privateOnly,
      vpcEndpoints: [s3(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::amazonlinux*' }] }))],
    },
    expect: [{ status: 'fail' }],
  },
  { name: 'an endpoint on another route table → fail', facts: { ...base, routeTables: privateOnly, vpcEndpoints: [s3(GUIDE_POLICY, ['rtb-public'])] }, expect: [{ status: 'fail' }] },
  { name: 'no Amazon Linux WorkSpace → skip', facts: { ...base, workspaces: [ws('ws-windows01', { WorkspaceProperties: { OperatingSystemName: 'WINDOWS_10' } })] }, expect: [{ status: 'skip', message: /No Amazon Linux WorkSpace/ }] },
  {
    name: 'an Amazon Linux bundle about to be launched → every directory subnet judged',
    options: { bundleIds: ['wsb-linux0001'] },
    facts: { ...base, routeTables: privateOnly, workspaces: [], bundles: [{ BundleId: 'wsb-linux0001', Name: 'Standard with Amazon Linux 2' }] },
    expect: [{ status: 'fail', resource: 'subnet-a' }, { status: 'fail', resource: 'subnet-b' }],
  },
]);
