/**
 * J3 ws-default-role: the account has workspaces_DefaultRole as the guide creates it.
 * - FAIL: the role is missing; its trust policy does not let workspaces.amazonaws.com call sts:AssumeRole (an
 *   explicit Deny for it counts as not letting it); AmazonWorkSpacesServiceAccess or
 *   AmazonWorkSpacesSelfServiceAccess is not attached.
 * - WARN: a permissions boundary is set ("potential for conflicts"); or the trust is allowed only under a
 *   Condition, which wsdoctor does not evaluate [derived].
 * - PASS: otherwise.
 * - ERROR: IAM's trust policy is not a policy document wsdoctor can read.
 * It runs with every directory: the role is the account's, and registering any directory through the API needs it.
 */
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import workspacesDefaultRole, { WORKSPACES_DEFAULT_ROLE } from '../../src/facts/iam/workspaces-default-role.js';

const SERVICE = 'workspaces.amazonaws.com';
/** The AWS managed policies the guide attaches (002 lines 7646-7647). */
const REQUIRED_POLICIES = ['AmazonWorkSpacesServiceAccess', 'AmazonWorkSpacesSelfServiceAccess'];

export default defineCheck({
  meta: {
    id: 'ws-default-role',
    catalogId: 'J3',
    title: 'workspaces_DefaultRole exists, trusts WorkSpaces and has both managed policies',
    scope: 'directory',
    severity: 'high',
    tags: ['iam', 'account'],
    description:
      `Reads the IAM role ${WORKSPACES_DEFAULT_ROLE}: its trust policy, its permissions boundary and the managed policies attached to it.`,
    rationale:
      'WorkSpaces assumes workspaces_DefaultRole to create the network interfaces of WorkSpaces and to list directories: ' +
      '"Before you can register a directory using the API, you must create the workspaces_DefaultRole role". A new ' +
      'account that never ran Quick Setup has none.',
    finds:
      'workspaces_DefaultRole missing, not trusting `workspaces.amazonaws.com`, or lacking AmazonWorkSpacesServiceAccess / AmazonWorkSpacesSelfServiceAccess (fail); a permissions boundary on it (warn)',
    facts: [workspacesDefaultRole],
    remediation: {
      summary: 'Create workspaces_DefaultRole, trusting workspaces.amazonaws.com, with both AWS managed policies and no permissions boundary.',
      steps: [
        'Before you can register a directory using the API, you must create the workspaces_DefaultRole role, if it does not already exist. (The console\'s Quick Setup creates it for you.)',
        'In the IAM console choose Roles, Create role. Under Select type of trusted entity choose Another AWS account, and for Account ID enter your account ID; do not require MFA.',
        'On the Attach permissions policies page, select the AWS managed policies AmazonWorkSpacesServiceAccess and AmazonWorkSpacesSelfServiceAccess.',
        'Under Set permissions boundary, do not use a permissions boundary: it could conflict with the policies attached to the role and block permissions it needs.',
        'Name the role workspaces_DefaultRole. Then, on its Trust relationships tab, choose Edit trust relationship and replace the policy statement with: {"Statement": [{"Effect": "Allow", "Principal": {"Service": "workspaces.amazonaws.com"}, "Action": "sts:AssumeRole"}]}',
      ],
      source: { guide: GUIDES.adminGuide, section: 'Creating the workspaces_DefaultRole Role', lines: '7610-7679' },
      alsoSee: [{ guide: GUIDES.adminGuide, section: 'Quick Setup', lines: '170-175' }],
      docsUrl: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-access-control.html#create-default-role',
    },
  },

  analyze({ workspacesDefaultRole: role }) {
    const resource = role.arn ?? role.roleName;
    const evidence = { ...role };
    if (!role.exists) {
      return [
        {
          status: 'fail',
          resource: role.roleName,
          message: `The account has no IAM role ${role.roleName}: registering a directory through the API fails, and WorkSpaces cannot create the network interfaces of new WorkSpaces.`,
          evidence,
        },
      ];
    }
    const trust = trusts(role.trustPolicy, SERVICE);
    if (trust === 'unreadable') {
      return [{ status: 'error', resource, message: `IAM returned a trust policy for ${role.roleName} that is not a policy document wsdoctor can read.`, evidence }];
    }
    const fails: string[] = [];
    const warns: string[] = [];
    if (trust === 'denied') fails.push(`its trust policy does not let ${SERVICE} assume it (sts:AssumeRole)`);
    if (trust === 'conditional') warns.push(`its trust policy lets ${SERVICE} assume it only under a Condition wsdoctor does not evaluate`);
    const attached = new Set(role.attachedPolicies.map((p) => p.policyName));
    const missing = REQUIRED_POLICIES.filter((name) => !attached.has(name));
    if (missing.length) fails.push(`${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not attached`);
    if (role.permissionsBoundaryArn) warns.push(`it has a permissions boundary (${role.permissionsBoundaryArn}), which the guide advises against: it can block permissions the role needs`);
    if (fails.length || warns.length) {
      return [
        {
          status: fails.length ? 'fail' : 'warn',
          resource,
          message: `${role.roleName} is not as WorkSpaces needs it: ${[...fails, ...warns].join('; ')}.`,
          evidence,
        },
      ];
    }
    return [
      {
        status: 'pass',
        resource,
        message: `${role.roleName} trusts ${SERVICE}, has ${REQUIRED_POLICIES.join(' and ')} attached and no permissions boundary.`,
        evidence,
      },
    ];
  },
});

interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Condition?: unknown;
}

/** Whether a trust policy lets `service` call sts:AssumeRole: an Allow naming both, and no Deny naming them. */
function trusts(policy: unknown, service: string): 'allowed' | 'conditional' | 'denied' | 'unreadable' {
  const raw = policy && typeof policy === 'object' ? (policy as { Statement?: unknown }).Statement : undefined;
  if (raw === undefined) return 'unreadable';
  const statements = (Array.isArray(raw) ? raw : [raw]).filter((s): s is Statement => !!s && typeof s === 'object');
  const matching = statements.filter((s) => coversPrincipal(s.Principal, service) && coversAction(s.Action));
  if (matching.some((s) => s.Effect === 'Deny')) return 'denied';
  const allows = matching.filter((s) => s.Effect === 'Allow');
  if (allows.some((s) => s.Condition === undefined)) return 'allowed';
  return allows.length ? 'conditional' : 'denied';
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

function coversPrincipal(principal: unknown, service: string): boolean {
  if (principal === '*') return true;
  if (!principal || typeof principal !== 'object') return false;
  return list((principal as { Service?: unknown }).Service).includes(service);
}

function coversAction(action: unknown): boolean {
  return list(action).some((a) => ['sts:assumerole', 'sts:*', '*'].includes(a.toLowerCase()));
}
