import check from '../../checks/directory/mgmt-cidr-conflict.js';
import { checkTable, failed } from '../helpers/check-table.js';
import type { FactValue } from '../../src/facts/define.js';
import type vpcFact from '../../src/facts/ec2/vpc.js';

const vpc = (...cidrs: string[]): FactValue<typeof vpcFact> => ({
  VpcId: 'vpc-0abc',
  CidrBlock: cidrs[0],
  CidrBlockAssociationSet: cidrs.map((CidrBlock, i) => ({
    CidrBlock,
    AssociationId: `vpc-cidr-assoc-${i}`,
    CidrBlockState: { State: 'associated' },
  })),
});

checkTable(check, [
  { name: 'RFC 1918 10.0.0.0/16 in us-east-1 passes', facts: { vpc: vpc('10.0.0.0/16') }, expect: [{ status: 'pass', resource: 'vpc-0abc' }] },
  {
    name: '192.168.0.0/16 in us-east-1 warns: 198.19.0.0/16 is still free',
    facts: { vpc: vpc('192.168.0.0/16') },
    expect: [{ status: 'warn', message: /192\.168\.0\.0\/16.*still use 198\.19\.0\.0\/16/ }],
  },
  {
    name: 'a /24 inside a management range conflicts too',
    facts: { vpc: vpc('198.19.5.0/24') },
    region: 'eu-west-2',
    expect: [{ status: 'fail', message: /198\.19\.0\.0\/16/ }],
  },
  {
    name: 'a supernet covering a management range conflicts',
    facts: { vpc: vpc('192.0.0.0/8') },
    region: 'eu-west-2',
    expect: [{ status: 'pass' }],
  },
  {
    name: '198.19.0.0/16 in eu-west-2 (its only range) fails',
    facts: { vpc: vpc('198.19.0.0/16') },
    region: 'eu-west-2',
    expect: [{ status: 'fail', message: /cannot be registered/ }],
  },
  {
    name: 'secondary CIDRs covering all three eu-west-1 ranges fail (catalog A4 test)',
    facts: { vpc: vpc('172.31.0.0/16', '192.168.0.0/16', '198.19.0.0/16') },
    region: 'eu-west-1',
    expect: [{ status: 'fail' }],
  },
  {
    name: '172.31.0.0/16 in eu-west-1 warns (catalog A4 test)',
    facts: { vpc: vpc('172.31.0.0/16') },
    region: 'eu-west-1',
    expect: [{ status: 'warn' }],
  },
  {
    name: 'a disassociated CIDR does not count',
    facts: {
      vpc: {
        ...vpc('10.0.0.0/16'),
        CidrBlockAssociationSet: [
          { CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } },
          { CidrBlock: '198.19.0.0/16', CidrBlockState: { State: 'disassociated' } },
        ],
      },
    },
    region: 'eu-west-2',
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a Region the guide does not list is an error, never a pass',
    facts: { vpc: vpc('10.0.0.0/16') },
    region: 'me-south-1',
    expect: [{ status: 'error', message: /no entry for me-south-1/ }],
  },
  {
    name: 'a denied DescribeVpcs is an error naming the IAM action',
    facts: { vpc: failed({ kind: 'denied', iamAction: 'ec2:DescribeVpcs', message: 'access denied: the caller lacks the IAM permission ec2:DescribeVpcs' }) },
    expect: [{ status: 'error', message: /ec2:DescribeVpcs/ }],
  },
]);
