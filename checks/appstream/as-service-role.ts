/**
 * H7 as-service-role: AmazonAppStreamServiceAccess exists, trusts the service and allows what it needs.
 * - FAIL: the role is missing; its trust policy does not let appstream.amazonaws.com call sts:AssumeRole (a Deny
 *   counts); an EC2 action the guide's policy lists (004 lines 693-705), or ec2:DescribeSecurityGroups [not in guides:
 *   the service reports IAM_SERVICE_ROLE_MISSING_DESCRIBE_SECURITY_GROUPS_ACTION without it], is not allowed by its
 *   policies, is denied by one, or is outside its permissions boundary.
 * - WARN: the trust holds only under a Condition wsdoctor does not evaluate.
 * - PASS: otherwise.
 * - ERROR: a policy document IAM returned is not one wsdoctor can read.
 * The policies are evaluated here (Allow and Deny, Action and NotAction, wildcards) rather than by
 * SimulatePrincipalPolicy: the result is in the bundle for anyone to read, and the emulators implement the reads.
 */
import { SERVICE_ROLE_ACTIONS, SERVICE_ROLE_SOURCE, SERVICE_ROLE_TRUSTED_SERVICE } from '../../src/data/appstream-resources.js';
import { GUIDES } from '../../src/data/sources.js';
import { defineCheck } from '../../src/engine/types.js';
import appstreamServiceRole, { type RolePolicy } from '../../src/facts/iam/appstream-service-role.js';

/** Beyond the guide's list: the service fails fleets without it (FleetErrorCode IAM_SERVICE_ROLE_MISSING_DESCRIBE_SECURITY_GROUPS_ACTION). */
const NEEDED = [...SERVICE_ROLE_ACTIONS, 'ec2:DescribeSecurityGroups'];

interface Statement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
const matches = (pattern: string, action: string) =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i').test(action);

function statementsOf(document: unknown): Statement[] | undefined {
  if (!document || typeof document !== 'object') return undefined;
  const raw = (document as { Statement?: unknown }).Statement;
  if (raw === undefined) return undefined;
  return (Array.isArray(raw) ? raw : [raw]).filter((s): s is Statement => !!s && typeof s === 'object');
}

/** Whether a statement applies to `action` (its Action names it, or its NotAction does not). */
function covers(statement: Statement, action: string): boolean {
  if (statement.Action !== undefined) return list(statement.Action).some((p) => matches(p, action));
  if (statement.NotAction !== undefined) return !list(statement.NotAction).some((p) => matches(p, action));
  return false;
}

export default defineCheck({
  meta: {
    id: 'as-service-role',
    catalogId: 'H7',
    title: 'AmazonAppStreamServiceAccess exists, trusts the service and allows its EC2 actions',
    scope: 'fleet',
    alsoFor: ['image-builder', 'stack'],
    severity: 'high',
    tags: ['appstream', 'iam', 'account'],
    description:
      'Reads the IAM role AmazonAppStreamServiceAccess: its trust policy, and ' +
      'every policy attached to it, inline in it or bounding it, evaluated for the EC2 actions the service needs.',
    rationale:
      'WorkSpaces Applications assumes AmazonAppStreamServiceAccess to create and manage the network interfaces of image ' +
      'builders and fleet instances: without the role, its trust in the service, or one of its EC2 actions, instances ' +
      'cannot start (IAM_SERVICE_ROLE_IS_MISSING, IAM_SERVICE_ROLE_MISSING_*_ACTION).',
    finds:
      'AmazonAppStreamServiceAccess missing, not trusting `appstream.amazonaws.com`, or not allowed one of the EC2 actions the service needs (fail)',
    facts: [appstreamServiceRole],
    remediation: {
      summary:
        'Create AmazonAppStreamServiceAccess (getting started in the console creates it), trusting appstream.amazonaws.com, with the AWS managed policy AmazonAppStreamServiceAccess and nothing denying its EC2 actions.',
      steps: [
        'The role is created by the service when you get started with WorkSpaces Applications in a Region: choose Get Started in the console, or create it in IAM.',
        'Its trust relationship must be: {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "appstream.amazonaws.com"}, "Action": "sts:AssumeRole"}]}',
        'Attach the AWS managed policy AmazonAppStreamServiceAccess. It allows ec2:DescribeVpcs, ec2:DescribeSubnets, ec2:DescribeAvailabilityZones, ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces, ec2:DeleteNetworkInterface, ec2:AssociateAddress, ec2:DisassociateAddress and ec2:DescribeRouteTables (and, in current versions, ec2:DescribeSecurityGroups).',
        'Remove any Deny or permissions boundary that takes one of those actions away.',
      ],
      source: { guide: GUIDES.appStream, section: 'Using the IAM Service Role', lines: '679-725' },
      docsUrl: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/controlling-access.html',
    },
  },

  analyze({ appstreamServiceRole: role }) {
    if (!role.exists) {
      return [
        {
          status: 'fail',
          resource: role.roleName,
          message: `The account has no IAM role ${role.roleName}: WorkSpaces Applications cannot create the network interfaces of image builders and fleet instances (IAM_SERVICE_ROLE_IS_MISSING).`,
          evidence: { ...role, source: SERVICE_ROLE_SOURCE },
        },
      ];
    }
    const resource = role.arn ?? role.roleName;
    const parsed = role.policies.map((p) => ({ policy: p, statements: statementsOf(p.document) }));
    const unreadable = parsed.filter((p) => !p.statements).map((p) => p.policy.name);
    const trustStatements = statementsOf(role.trustPolicy);
    if (!trustStatements || unreadable.length) {
      return [
        {
          status: 'error',
          resource,
          message: `IAM returned ${!trustStatements ? 'a trust policy' : `the polic${unreadable.length === 1 ? 'y' : 'ies'} ${unreadable.join(', ')}`} of ${role.roleName} that wsdoctor cannot read as a policy document.`,
          evidence: { ...role },
        },
      ];
    }
    const fails: string[] = [];
    const warns: string[] = [];
    const trust = trusts(trustStatements);
    if (trust === 'denied') fails.push(`its trust policy does not let ${SERVICE_ROLE_TRUSTED_SERVICE} assume it (sts:AssumeRole)`);
    if (trust === 'conditional') warns.push(`its trust policy lets ${SERVICE_ROLE_TRUSTED_SERVICE} assume it only under a Condition wsdoctor does not evaluate`);

    const grants = parsed.filter((p) => p.policy.kind !== 'boundary');
    const boundary = parsed.find((p) => p.policy.kind === 'boundary');
    const verdicts = NEEDED.map((action) => {
      const deniedBy = parsed.find((p) => p.statements!.some((s) => s.Effect === 'Deny' && covers(s, action)))?.policy;
      const allowed = grants.some((p) => p.statements!.some((s) => s.Effect === 'Allow' && covers(s, action)));
      const bounded = boundary ? boundary.statements!.some((s) => s.Effect === 'Allow' && covers(s, action)) : true;
      return { action, allowed: allowed && bounded && !deniedBy, why: deniedBy ? `denied by ${describe(deniedBy)}` : !allowed ? 'allowed by no policy' : !bounded ? 'outside its permissions boundary' : '' };
    });
    const missing = verdicts.filter((v) => !v.allowed);
    if (missing.length) fails.push(`it is not allowed ${missing.map((v) => `${v.action} (${v.why})`).join(', ')}`);
    const evidence = {
      role: role.roleName,
      arn: role.arn,
      trust,
      policies: role.policies.map((p) => ({ name: p.name, kind: p.kind, arn: p.arn })),
      actions: verdicts,
      source: SERVICE_ROLE_SOURCE,
    };
    if (fails.length || warns.length) {
      return [{ status: fails.length ? 'fail' : 'warn', resource, message: `${role.roleName} is not as WorkSpaces Applications needs it: ${[...fails, ...warns].join('; ')}.`, evidence }];
    }
    return [
      {
        status: 'pass',
        resource,
        message: `${role.roleName} trusts ${SERVICE_ROLE_TRUSTED_SERVICE} and is allowed the ${NEEDED.length} EC2 actions the service needs (${role.policies.map(describe).join(', ') || 'no policy'}).`,
        evidence,
      },
    ];
  },
});

function describe(policy: RolePolicy): string {
  return `${policy.kind === 'inline' ? 'inline policy' : policy.kind === 'boundary' ? 'permissions boundary' : 'policy'} ${policy.name}`;
}

/** Whether the trust policy lets the service call sts:AssumeRole: an Allow naming both, and no Deny naming them. */
function trusts(statements: Statement[]): 'allowed' | 'conditional' | 'denied' {
  const principalCovers = (principal: unknown) =>
    principal === '*' || (!!principal && typeof principal === 'object' && list((principal as { Service?: unknown }).Service).includes(SERVICE_ROLE_TRUSTED_SERVICE));
  const matching = statements.filter((s) => principalCovers(s.Principal) && covers(s, 'sts:AssumeRole'));
  if (matching.some((s) => s.Effect === 'Deny')) return 'denied';
  const allows = matching.filter((s) => s.Effect === 'Allow');
  if (allows.some((s) => s.Condition === undefined)) return 'allowed';
  return allows.length ? 'conditional' : 'denied';
}
