import check from '../../checks/directory/ws-default-role.js';
import type { IamRoleFact } from '../../src/facts/iam/workspaces-default-role.js';
import { checkTable, failed } from '../helpers/check-table.js';

const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'workspaces.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const BOTH = [
  { policyName: 'AmazonWorkSpacesServiceAccess', policyArn: 'arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess' },
  { policyName: 'AmazonWorkSpacesSelfServiceAccess', policyArn: 'arn:aws:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess' },
];
const ARN = 'arn:aws:iam::123456789012:role/workspaces_DefaultRole';
const role = (over: Partial<IamRoleFact> = {}): IamRoleFact => ({
  roleName: 'workspaces_DefaultRole',
  exists: true,
  arn: ARN,
  trustPolicy: TRUST,
  attachedPolicies: BOTH,
  ...over,
});

checkTable(check, [
  {
    name: 'catalog J3: NoSuchEntity (the role does not exist) → fail',
    facts: { workspacesDefaultRole: { roleName: 'workspaces_DefaultRole', exists: false, attachedPolicies: [] } },
    expect: [{ status: 'fail', resource: 'workspaces_DefaultRole', message: /has no IAM role workspaces_DefaultRole/ }],
  },
  {
    name: 'catalog J3: both policies and the guide\'s trust policy → pass',
    facts: { workspacesDefaultRole: role() },
    expect: [{ status: 'pass', resource: ARN, message: /trusts workspaces.amazonaws.com, has AmazonWorkSpacesServiceAccess and AmazonWorkSpacesSelfServiceAccess/ }],
  },
  {
    name: 'catalog J3: a permissions boundary → warn',
    facts: { workspacesDefaultRole: role({ permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary' }) },
    expect: [{ status: 'warn', message: /permissions boundary \(arn:aws:iam::123456789012:policy\/boundary\)/ }],
  },
  {
    name: 'one managed policy missing → fail naming it',
    facts: { workspacesDefaultRole: role({ attachedPolicies: BOTH.slice(0, 1) }) },
    expect: [{ status: 'fail', message: /AmazonWorkSpacesSelfServiceAccess is not attached/ }],
  },
  {
    name: 'a trust policy for another service → fail',
    facts: {
      workspacesDefaultRole: role({
        trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      }),
    },
    expect: [{ status: 'fail', message: /does not let workspaces.amazonaws.com assume it/ }],
  },
  {
    name: 'the trust from the "Another AWS account" step, never replaced → fail',
    facts: {
      workspacesDefaultRole: role({
        trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] },
      }),
    },
    expect: [{ status: 'fail', message: /does not let workspaces.amazonaws.com assume it/ }],
  },
  {
    name: 'a list of services and actions, one statement as an object → pass',
    facts: {
      workspacesDefaultRole: role({
        trustPolicy: { Statement: { Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'workspaces.amazonaws.com'] }, Action: ['sts:TagSession', 'sts:AssumeRole'] } },
      }),
    },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'an explicit Deny beside the Allow → fail',
    facts: {
      workspacesDefaultRole: role({
        trustPolicy: { Statement: [...TRUST.Statement, { Effect: 'Deny', Principal: { Service: 'workspaces.amazonaws.com' }, Action: 'sts:*' }] },
      }),
    },
    expect: [{ status: 'fail' }],
  },
  {
    name: 'an Allow under a Condition only → warn (not evaluated)',
    facts: {
      workspacesDefaultRole: role({
        trustPolicy: { Statement: [{ ...TRUST.Statement[0], Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }] },
      }),
    },
    expect: [{ status: 'warn', message: /only under a Condition/ }],
  },
  {
    name: 'several problems: the worst decides, every one is named',
    facts: { workspacesDefaultRole: role({ attachedPolicies: [], permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/b' }) },
    expect: [{ status: 'fail', message: /AmazonWorkSpacesServiceAccess and AmazonWorkSpacesSelfServiceAccess are not attached; it has a permissions boundary/ }],
  },
  {
    name: 'a trust policy that is not a policy document → error, never pass',
    facts: { workspacesDefaultRole: role({ trustPolicy: '%7Bnot json' }) },
    expect: [{ status: 'error', message: /not a policy document/ }],
  },
  {
    name: 'a denied iam:GetRole → error naming the permission',
    facts: { workspacesDefaultRole: failed({ kind: 'denied', message: 'access denied: the caller lacks the IAM permission iam:GetRole', iamAction: 'iam:GetRole' }) },
    expect: [{ status: 'error', message: /iam:GetRole/ }],
  },
]);
