import check from '../../checks/directory/ipv6-auto-assign.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { FactValue } from '../../src/facts/define.js';
import type bundlesFact from '../../src/facts/workspaces/bundles.js';
import type subnetsFact from '../../src/facts/ec2/subnets.js';
import type workspacesFact from '../../src/facts/workspaces/workspaces.js';

const subnet = (id: string, autoIpv6: boolean): FactValue<typeof subnetsFact>[number] => ({
  SubnetId: id,
  VpcId: 'vpc-1',
  CidrBlock: id === 'subnet-a' ? '10.0.1.0/24' : '10.0.2.0/24',
  AvailabilityZone: id === 'subnet-a' ? 'us-east-1a' : 'us-east-1b',
  AssignIpv6AddressOnCreation: autoIpv6,
});
const ws = (id: string, bundleId: string, computeType?: string): FactValue<typeof workspacesFact>[number] => ({
  WorkspaceId: id,
  DirectoryId: 'd-1234567890',
  UserName: `user-${id}`,
  BundleId: bundleId,
  State: 'AVAILABLE',
  ...(computeType ? { WorkspaceProperties: { ComputeTypeName: computeType as 'GRAPHICS' } } : {}),
});
const bundle = (id: string, computeType: string, name = id): FactValue<typeof bundlesFact>[number] => ({
  BundleId: id,
  Name: name,
  ComputeType: { Name: computeType as 'GRAPHICS' },
});
const bundlesDenied = failed({
  kind: 'denied',
  iamAction: 'workspaces:DescribeWorkspaceBundles',
  message: 'access denied: the caller lacks the IAM permission workspaces:DescribeWorkspaceBundles',
});

checkTable(check, [
  {
    name: 'auto-assign off on every subnet passes',
    facts: { subnets: [subnet('subnet-a', false), subnet('subnet-b', false)], workspaces: [ws('ws-00000001', 'wsb-graphics1', 'GRAPHICS')] },
    expect: [{ status: 'pass', resource: 'subnet-a, subnet-b', message: /None of the directory's subnets/ }],
  },
  {
    name: 'auto-assign on + a GRAPHICS WorkSpace fails, naming the subnet and the WorkSpace (catalog A6 test)',
    facts: {
      subnets: [subnet('subnet-a', true), subnet('subnet-b', false)],
      workspaces: [ws('ws-00000001', 'wsb-graphics1', 'GRAPHICS'), ws('ws-00000002', 'wsb-value0001', 'VALUE')],
      bundles: [],
    },
    expect: [
      {
        status: 'fail',
        resource: 'subnet-a',
        message: /Subnet subnet-a \(10\.0\.1\.0\/24, us-east-1a\) automatically assigns IPv6.*WorkSpace ws-00000001 \(user-ws-00000001\) is GRAPHICS: launching it into this subnet fails with an internal error/,
      },
    ],
  },
  {
    name: 'PERFORMANCE fails too: the troubleshooting guide names it (catalog Part IV X5)',
    facts: { subnets: [subnet('subnet-a', true)], workspaces: [ws('ws-00000001', 'wsb-perf00001')], bundles: [bundle('wsb-perf00001', 'PERFORMANCE')] },
    expect: [{ status: 'fail', message: /ws-00000001 \(user-ws-00000001\) is PERFORMANCE/ }],
  },
  {
    name: 'a --bundle being launched that is Graphics fails, with no WorkSpace yet',
    facts: { subnets: [subnet('subnet-a', true), subnet('subnet-b', true)], workspaces: [], bundles: [bundle('wsb-graphics1', 'GRAPHICS', 'Graphics with Windows 10')] },
    options: { bundleIds: ['wsb-graphics1'] },
    expect: [
      { status: 'fail', resource: 'subnet-a', message: /bundle wsb-graphics1 \(Graphics with Windows 10\) you are about to launch is GRAPHICS/ },
      { status: 'fail', resource: 'subnet-b' },
    ],
  },
  {
    name: 'GRAPHICSPRO only warns: the Administration Guide allows it (catalog A6 test)',
    facts: { subnets: [subnet('subnet-a', true)], workspaces: [ws('ws-00000001', 'wsb-gpro00001', 'GRAPHICSPRO')], bundles: [] },
    expect: [{ status: 'warn', message: /No WorkSpace of the directory is Graphics or Performance \(1 GRAPHICSPRO\)/ }],
  },
  {
    name: 'with --workspace the warning says only that WorkSpace was read',
    facts: { subnets: [subnet('subnet-a', true)], workspaces: [ws('ws-00000001', 'wsb-value0001', 'VALUE')], bundles: [] },
    options: { workspaceId: 'ws-00000001' },
    expect: [{ status: 'warn', message: /WorkSpace ws-00000001 \(the directory's other WorkSpaces were not read: --workspace\) is not Graphics or Performance \(1 VALUE\)/ }],
  },
  {
    name: 'auto-assign on with no WorkSpaces at all still warns, never passes',
    facts: { subnets: [subnet('subnet-a', true)], workspaces: [], bundles: [] },
    expect: [{ status: 'warn', message: /\(the directory has no WorkSpaces\)/ }],
  },
  {
    name: 'a denied bundle read degrades to warn and says which permission is missing',
    facts: { subnets: [subnet('subnet-a', true)], workspaces: [ws('ws-00000001', 'wsb-unknown01')], bundles: bundlesDenied },
    expect: [
      {
        status: 'warn',
        resource: 'subnet-a',
        message: /could not tell whether Graphics or Performance WorkSpaces are launched here: the compute type of WorkSpace ws-00000001 .* is unknown \(bundle wsb-unknown01 could not be read: access denied: the caller lacks the IAM permission workspaces:DescribeWorkspaceBundles\)/,
      },
    ],
  },
  {
    name: 'a denied bundle read does not hide a WorkSpace that reports GRAPHICS itself',
    facts: {
      subnets: [subnet('subnet-a', true)],
      workspaces: [ws('ws-00000001', 'wsb-graphics1', 'GRAPHICS'), ws('ws-00000002', 'wsb-unknown01')],
      bundles: bundlesDenied,
    },
    expect: [{ status: 'fail', message: /is GRAPHICS.*could not see everything: the compute type of WorkSpace ws-00000002/ }],
  },
  {
    name: 'a denied DescribeWorkspaces degrades to warn with the reason',
    facts: {
      subnets: [subnet('subnet-a', true)],
      workspaces: failed({ kind: 'denied', iamAction: 'workspaces:DescribeWorkspaces', message: 'access denied: the caller lacks the IAM permission workspaces:DescribeWorkspaces' }),
      bundles: [],
    },
    expect: [{ status: 'warn', message: /the directory's WorkSpaces could not be read \(access denied: .*workspaces:DescribeWorkspaces\)/ }],
  },
  {
    name: "a WorkSpace whose bundle no longer exists is unknown, so it warns",
    facts: { subnets: [subnet('subnet-a', true)], workspaces: [ws('ws-00000001', 'wsb-deleted01')], bundles: [] },
    expect: [{ status: 'warn', message: /bundle wsb-deleted01 was not found/ }],
  },
  {
    name: 'a denied DescribeSubnets is an error naming the IAM action',
    facts: { subnets: failed({ kind: 'denied', iamAction: 'ec2:DescribeSubnets', message: 'access denied: the caller lacks the IAM permission ec2:DescribeSubnets' }) },
    expect: [{ status: 'error', message: /ec2:DescribeSubnets/ }],
  },
]);
