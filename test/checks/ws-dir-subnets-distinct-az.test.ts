import check from '../../checks/directory/ws-dir-subnets-distinct-az.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { dir, sn, subnetsAB } from '../helpers/directory-fixtures.js';

checkTable(check, [
  {
    name: 'catalog A2: two subnets in us-west-2a → fail',
    facts: {
      workspacesDirectory: dir(),
      subnets: [sn('subnet-a', '10.0.1.0/24', 'us-west-2a', 'usw2-az2'), sn('subnet-b', '10.0.2.0/24', 'us-west-2a', 'usw2-az2')],
    },
    region: 'us-west-2',
    expect: [{ status: 'fail', message: /one Availability Zone/ }],
  },
  { name: 'catalog A2: 2a + 2b → pass', facts: { workspacesDirectory: dir(), subnets: subnetsAB() }, expect: [{ status: 'pass', message: /span 2 Availability Zones/ }] },
  {
    name: 'catalog A2: InvalidSubnetID.NotFound → fail',
    facts: { workspacesDirectory: dir(), subnets: failed({ kind: 'not-found', code: 'InvalidSubnetID.NotFound', message: "a subnet of the directory no longer exists: The subnet ID 'subnet-b' does not exist" }) },
    expect: [{ status: 'fail', message: /subnet-b' does not exist/ }],
  },
  { name: 'one subnet only → fail', facts: { workspacesDirectory: dir({ SubnetIds: ['subnet-a'] }), subnets: subnetsAB().slice(0, 1) }, expect: [{ status: 'fail', message: /one subnet only \(subnet-a\)/ }] },
  { name: 'no subnet → fail (without reading EC2)', facts: { workspacesDirectory: dir({ SubnetIds: [] }) }, expect: [{ status: 'fail', message: /lists no subnet/ }] },
  { name: 'EC2 leaves one out → fail naming it', facts: { workspacesDirectory: dir(), subnets: subnetsAB().slice(0, 1) }, expect: [{ status: 'fail', message: /lists subnet-b, which EC2 no longer has/ }] },
  {
    name: 'three subnets, two zones → pass',
    facts: { workspacesDirectory: dir({ SubnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] }), subnets: [...subnetsAB(), sn('subnet-c', '10.0.3.0/24', 'us-east-1a', 'use1-az6')] },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a denied DescribeSubnets → error, never pass',
    facts: { workspacesDirectory: dir(), subnets: failed({ kind: 'denied', message: 'access denied: the caller lacks the IAM permission ec2:DescribeSubnets', iamAction: 'ec2:DescribeSubnets' }) },
    expect: [{ status: 'error', message: /ec2:DescribeSubnets/ }],
  },
]);
