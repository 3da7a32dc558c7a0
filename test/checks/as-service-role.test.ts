import check from '../../checks/appstream/as-service-role.js';
import { checkTable, failed } from '../helpers/check-table.js';

const trust = (service = 'appstream.amazonaws.com', extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', ...extra }],
});
const MANAGED = {
  name: 'AmazonAppStreamServiceAccess',
  kind: 'managed' as const,
  arn: 'arn:aws:iam::aws:policy/service-role/AmazonAppStreamServiceAccess',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [
          'ec2:DescribeVpcs',
          'ec2:DescribeSubnets',
          'ec2:DescribeAvailabilityZones',
          'ec2:CreateNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DeleteNetworkInterface',
          'ec2:AssociateAddress',
          'ec2:DisassociateAddress',
          'ec2:DescribeRouteTables',
          'ec2:DescribeSecurityGroups',
        ],
        Resource: '*',
      },
    ],
  },
};
const role = (over: Record<string, unknown> = {}) => ({
  roleName: 'AmazonAppStreamServiceAccess',
  exists: true,
  arn: 'arn:aws:iam::123456789012:role/service-role/AmazonAppStreamServiceAccess',
  path: '/service-role/',
  trustPolicy: trust(),
  policies: [MANAGED],
  ...over,
});

checkTable(check, [
  { name: 'the role as the service creates it passes', facts: { appstreamServiceRole: role() }, expect: [{ status: 'pass', message: /trusts appstream\.amazonaws\.com and is allowed the 10 EC2 actions/ }] },
  { name: 'catalog H7: trust principal ec2.amazonaws.com → fail', facts: { appstreamServiceRole: role({ trustPolicy: trust('ec2.amazonaws.com') }) }, expect: [{ status: 'fail', message: /does not let appstream\.amazonaws\.com assume it/ }] },
  { name: 'a missing role fails (IAM_SERVICE_ROLE_IS_MISSING)', facts: { appstreamServiceRole: { roleName: 'AmazonAppStreamServiceAccess', exists: false, policies: [] } }, expect: [{ status: 'fail', message: /no IAM role AmazonAppStreamServiceAccess.*IAM_SERVICE_ROLE_IS_MISSING/ }] },
  { name: 'no policy: every action is missing', facts: { appstreamServiceRole: role({ policies: [] }) }, expect: [{ status: 'fail', message: /ec2:CreateNetworkInterface \(allowed by no policy\)/ }] },
  {
    name: 'a Deny takes an action away, naming the policy',
    facts: { appstreamServiceRole: role({ policies: [MANAGED, { name: 'no-delete', kind: 'inline', document: { Statement: { Effect: 'Deny', Action: 'ec2:Delete*', Resource: '*' } } }] }) },
    expect: [{ status: 'fail', message: /ec2:DeleteNetworkInterface \(denied by inline policy no-delete\)/ }],
  },
  {
    name: 'a permissions boundary without the EC2 actions bounds them away',
    facts: { appstreamServiceRole: role({ policies: [MANAGED, { name: 's3-only', kind: 'boundary', arn: 'arn:aws:iam::123456789012:policy/s3-only', document: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }] }) },
    expect: [{ status: 'fail', message: /outside its permissions boundary/ }],
  },
  {
    name: 'wildcards and NotAction are read as IAM reads them',
    facts: { appstreamServiceRole: role({ policies: [{ name: 'broad', kind: 'inline', document: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] } }] }) },
    expect: [{ status: 'pass' }],
  },
  {
    name: "the guide's own 2017 policy lacks ec2:DescribeSecurityGroups, which the service now reports missing",
    facts: { appstreamServiceRole: role({ policies: [{ ...MANAGED, document: { Statement: [{ Effect: 'Allow', Action: MANAGED.document.Statement[0]!.Action.slice(0, 9), Resource: '*' }] } }] }) },
    expect: [{ status: 'fail', message: /ec2:DescribeSecurityGroups \(allowed by no policy\)/ }],
  },
  { name: 'a conditional trust warns', facts: { appstreamServiceRole: role({ trustPolicy: trust('appstream.amazonaws.com', { Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }) }) }, expect: [{ status: 'warn', message: /only under a Condition/ }] },
  { name: 'a trust policy that is not a document: error', facts: { appstreamServiceRole: role({ trustPolicy: '%%%not json' }) }, expect: [{ status: 'error', message: /cannot read as a policy document/ }] },
  {
    name: 'iam:GetRole denied: error naming the action',
    facts: { appstreamServiceRole: failed({ kind: 'denied', iamAction: 'iam:GetRole', message: 'access denied: the caller lacks the IAM permission iam:GetRole' }) },
    expect: [{ status: 'error', message: /iam:GetRole/ }],
  },
]);
