import check from '../../checks/directory/ws-dir-supported-az.js';
import { checkTable, failed } from '../helpers/check-table.js';
import { dir, ds, sn, subnetsAB } from '../helpers/directory-fixtures.js';

// Zone names as one account maps them (moto's us-east-1 mapping): a is az6, b is az1, c is az2, d is az4.
const zones = [
  { ZoneName: 'us-east-1a', ZoneId: 'use1-az6' },
  { ZoneName: 'us-east-1b', ZoneId: 'use1-az1' },
  { ZoneName: 'us-east-1c', ZoneId: 'use1-az2' },
  { ZoneName: 'us-east-1d', ZoneId: 'use1-az4' },
];

checkTable(check, [
  {
    name: 'catalog A3: a subnet in use1-az1 → fail, naming this account\'s names for the supported ids',
    facts: { workspacesDirectory: dir(), subnets: [sn('subnet-a', '10.0.1.0/24', 'us-east-1b', 'use1-az1'), subnetsAB()[1]!], availabilityZones: zones },
    expect: [{ status: 'fail', resource: 'subnet-a', message: /us-east-1b \(use1-az1\).*Supported in this account: us-east-1c \(use1-az2\), us-east-1d \(use1-az4\), us-east-1a \(use1-az6\)/ }],
  },
  { name: 'catalog A3: use1-az2 (and az6) → pass', facts: { workspacesDirectory: dir(), subnets: subnetsAB(), availabilityZones: zones }, expect: [{ status: 'pass' }] },
  {
    name: 'catalog A3: a Region the table lacks (me-south-1) → warn unknown',
    region: 'me-south-1',
    facts: { workspacesDirectory: dir(), subnets: [sn('subnet-a', '10.0.1.0/24', 'me-south-1a', 'mes1-az1'), sn('subnet-b', '10.0.2.0/24', 'me-south-1b', 'mes1-az2')] },
    expect: [{ status: 'warn', message: /no entry for me-south-1/ }],
  },
  {
    name: 'the same zone name means another zone in another account: only the id counts',
    facts: { workspacesDirectory: dir(), subnets: [sn('subnet-a', '10.0.1.0/24', 'us-east-1a', 'use1-az1'), sn('subnet-b', '10.0.2.0/24', 'us-east-1c', 'use1-az2')] },
    expect: [{ status: 'fail', resource: 'subnet-a', message: /use1-az1/ }],
  },
  {
    name: 'both subnets unsupported → one fail each',
    facts: { workspacesDirectory: dir(), subnets: [sn('subnet-a', '10.0.1.0/24', 'us-east-1b', 'use1-az1'), sn('subnet-b', '10.0.2.0/24', 'us-east-1e', 'use1-az3')] },
    expect: [{ status: 'fail', resource: 'subnet-a' }, { status: 'fail', resource: 'subnet-b' }],
  },
  {
    name: 'no AZ id from EC2: found through the Region\'s zones',
    facts: { workspacesDirectory: dir(), subnets: [sn('subnet-a', '10.0.1.0/24', 'us-east-1b', undefined as never), subnetsAB()[1]!], availabilityZones: zones },
    expect: [{ status: 'fail', message: /use1-az1/ }],
  },
  {
    name: 'no AZ id and the zones could not be read → error, never pass',
    facts: {
      workspacesDirectory: dir(),
      subnets: [sn('subnet-a', '10.0.1.0/24', 'us-east-1b', undefined as never), subnetsAB()[1]!],
      availabilityZones: failed({ kind: 'denied', message: 'access denied: the caller lacks the IAM permission ec2:DescribeAvailabilityZones', iamAction: 'ec2:DescribeAvailabilityZones' }),
    },
    expect: [{ status: 'error', message: /DescribeAvailabilityZones/ }],
  },
  {
    name: 'an AD Connector whose own subnets WorkSpaces swapped: the pass says so',
    facts: { workspacesDirectory: dir(), subnets: subnetsAB(), dsDirectory: ds({ ConnectSettings: { SubnetIds: ['subnet-x', 'subnet-b'] } }) },
    expect: [{ status: 'pass', message: /AD Connector's own subnets, subnet-x, subnet-b, differ/ }],
  },
]);
